import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Helpers the chart tests share: read a PNG's header and pixels without trusting the renderer's own numbers. */

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must be the first chunk after the signature. */
export function ihdrSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: bad signature');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The decoded RGBA pixels of a PNG. */
export async function pixelsOf(png: Buffer): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, rgba: ctx.getImageData(0, 0, image.width, image.height).data };
}

/** `#rrggbb` as one number, so counting 1.3M pixels needs no strings. */
export const rgbOf = (hex: string): number => Number.parseInt(hex.slice(1), 16);
const rgbAt = (rgba: Uint8ClampedArray, i: number): number => (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;

/** How many pixels have each colour, keyed by `rgbOf`. */
export function colourCounts(rgba: Uint8ClampedArray): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < rgba.length; i += 4) {
    const rgb = rgbAt(rgba, i);
    counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
  }
  return counts;
}

/** Pixels of one colour (`#rrggbb`). */
export const countOf = (colours: Map<number, number>, hex: string): number => colours.get(rgbOf(hex)) ?? 0;

/** Share of pixels that are not the background colour. */
export function inkShare(rgba: Uint8ClampedArray, background = '#ffffff'): number {
  const bg = rgbOf(background);
  let ink = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgbAt(rgba, i) !== bg) ink++;
  return ink / (rgba.length / 4);
}

/** Number of pixels that differ between two images of one size. */
export function differingPixels(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  if (a.length !== b.length) throw new Error('images differ in size');
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n;
}

/** Checks every chart PNG must pass: a real PNG of 1600×800, a sane file size and plenty of ink and colours. */
export async function expectSoundChart(png: Buffer): Promise<{ rgba: Uint8ClampedArray; colours: Map<number, number> }> {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(ihdrSize(png)).toEqual({ width: 1600, height: 800 });
  expect(png.length).toBeGreaterThan(10_000);
  expect(png.length).toBeLessThan(1_000_000);
  const { width, height, rgba } = await pixelsOf(png);
  expect([width, height]).toEqual([1600, 800]);
  const colours = colourCounts(rgba);
  expect(colours.size).toBeGreaterThan(50);
  expect(inkShare(rgba)).toBeGreaterThan(0.01);
  return { rgba, colours };
}
