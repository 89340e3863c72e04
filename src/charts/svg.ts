/**
 * A very small SVG writer: elements are strings, attributes are escaped, numbers are rounded so
 * the document stays short and stable. Enough for axes, lines, areas and labels.
 */

export type Attrs = Readonly<Record<string, string | number | undefined>>;
export interface Point {
  readonly x: number;
  readonly y: number;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for element content and attribute values. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Two decimals are far below a pixel at 2×; shorter than `toString()` of a float. */
export const num = (n: number): string => String(Math.round(n * 100) / 100);

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`)
    .join('');
}

/** `<tag …/>` or `<tag …>children</tag>`; children are already SVG. */
export function el(tag: string, a: Attrs, children: readonly string[] = []): string {
  return children.length === 0 ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${children.join('')}</${tag}>`;
}

/** A text element; the text is escaped here. */
export const text = (content: string, a: Attrs): string => `<text${attrs(a)}>${escapeXml(content)}</text>`;

export const line = (from: Point, to: Point, a: Attrs): string =>
  el('line', { x1: from.x, y1: from.y, x2: to.x, y2: to.y, ...a });

export const rect = (x: number, y: number, width: number, height: number, a: Attrs): string =>
  el('rect', { x, y, width: Math.max(0, width), height: Math.max(0, height), ...a });

export const polyline = (points: readonly Point[], a: Attrs): string =>
  el('polyline', { points: points.map((p) => `${num(p.x)},${num(p.y)}`).join(' '), fill: 'none', ...a });

export const circle = (at: Point, r: number, a: Attrs): string => el('circle', { cx: at.x, cy: at.y, r, ...a });

/** Size and font of a whole document. */
export interface DocumentOptions {
  readonly width: number;
  readonly height: number;
  /** The document is declared this many times larger than its layout, so vectors are drawn at full resolution. */
  readonly pixelRatio: number;
  /** Inherited by every text element; the rasterizer's default font may lack CJK glyphs. */
  readonly fontFamily: string;
}

/** A whole document laid out in `width`×`height` user units. */
export function svgDocument(options: DocumentOptions, body: readonly string[]): string {
  const { width, height, pixelRatio, fontFamily } = options;
  return el('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: width * pixelRatio,
    height: height * pixelRatio,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': fontFamily,
  }, body);
}
