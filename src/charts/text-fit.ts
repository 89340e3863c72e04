/**
 * Text width without a layout engine: wide (CJK, full-width) characters take about one em, others
 * about 0.6 em in Noto Sans. Close enough to keep a title inside the image; a little slack is left.
 */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** Estimated width in user units of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += WIDE.test(ch) ? 1 : 0.6;
  return ems * fontSize;
}

/** `text` cut to fit `maxWidth`, ending in `…` when cut; whitespace runs collapse to one space. */
export function truncateToWidth(text: string, fontSize: number, maxWidth: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (textWidth(clean, fontSize) <= maxWidth) return clean;
  const room = maxWidth - textWidth('…', fontSize);
  let out = '';
  for (const ch of clean) {
    if (textWidth(out + ch, fontSize) > room) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
