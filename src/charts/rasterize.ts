import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { CHART_FONT_FAMILY, chartFontPath } from './chart-font';

/**
 * SVG to PNG through Skia (@napi-rs/canvas, prebuilt, no system libraries). The font is registered
 * once per process under the family name the SVG asks for; parsing a CJK font per text element, as
 * resvg does, made one chart take seconds.
 */
let fontReady = false;

function registerChartFont(): void {
  if (fontReady) return;
  const path = chartFontPath();
  if (!GlobalFonts.registerFromPath(path, CHART_FONT_FAMILY)) throw new Error(`Chart font could not be loaded from ${path}.`);
  fontReady = true;
}

/** A PNG file of an SVG document, at the pixel size the document declares. */
export async function svgToPng(svg: string): Promise<Buffer> {
  registerChartFont();
  const image = await loadImage(Buffer.from(svg, 'utf8'));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0, image.width, image.height);
  return canvas.encode('png');
}
