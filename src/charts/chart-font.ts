import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The one font every chart uses: Noto Sans Hans (SIL OFL 1.1), shipped by the npm package
 * `@embedpdf/fonts-sc`. It covers Latin and the GB2312 Han characters, so a fresh machine renders
 * Chinese after `npm install` alone, and charts look the same everywhere because system fonts are
 * never consulted.
 */
export const CHART_FONT_FAMILY = 'Noto Sans Hans';

const FONT_PACKAGE = '@embedpdf/fonts-sc';
const FONT_FILE = 'NotoSansHans-Regular.otf';

let cached: string | undefined;

/** Absolute path of the chart font; throws naming the package when it is not installed. */
export function chartFontPath(): string {
  if (cached) return cached;
  let entry: string;
  try {
    // The package's exports map only exposes its entry point, so locate the fonts beside it.
    entry = require.resolve(FONT_PACKAGE);
  } catch {
    throw new Error(`Chart font missing: install the npm package ${FONT_PACKAGE} (npm install).`);
  }
  const path = join(dirname(entry), '..', 'fonts', FONT_FILE);
  if (!existsSync(path)) throw new Error(`Chart font missing: ${path} not found in ${FONT_PACKAGE}.`);
  cached = path;
  return path;
}
