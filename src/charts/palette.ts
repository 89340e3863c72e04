import { CHART_FONT_FAMILY } from './chart-font';

/**
 * Colours of every chart. Band fills are opaque pale tints (not transparency) so each band has one
 * exact colour in the PNG, which tests look for.
 */
export const PALETTE = {
  background: '#ffffff',
  text: '#1f2933',
  muted: '#6b7785',
  grid: '#e4e7eb',
  axis: '#9aa5b1',
  actual: '#2563eb',
  expected: '#9aa5b1',
  target: '#d97706',
  today: '#7c3aed',
  reading: '#0f172a',
  band: { green: '#dcf2e3', yellow: '#fdf3c8', red: '#fbe0e0' },
  bandDot: { green: '#16a34a', yellow: '#ca8a04', red: '#dc2626' },
} as const;

/** Layout in user units; the PNG has `pixelRatio` times as many pixels each way, to stay sharp on dense screens. */
export const LAYOUT = {
  fontFamily: CHART_FONT_FAMILY,
  width: 800,
  height: 400,
  pixelRatio: 2,
  titleSize: 18,
  labelSize: 11,
  legendSize: 12,
  plot: { left: 76, top: 66, right: 776, bottom: 364 },
} as const;
