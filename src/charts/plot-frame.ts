import { formatNumber } from '../i18n/format';
import type { ChartContext } from './chart-types';
import { dayLabel, dayTicks } from './day-axis';
import { LAYOUT, PALETTE } from './palette';
import { linearScale, niceTicks, type LinearScale } from './scale';
import { line, rect, text } from './svg';
import { textWidth, truncateToWidth } from './text-fit';

/** The plotting area of a chart with its scales: x counts days, y is the value. */
export interface Frame {
  readonly x: LinearScale;
  readonly y: LinearScale;
  readonly yTicks: readonly number[];
  readonly plot: typeof LAYOUT.plot;
}

/** Scales for days `[from, to]` and a y range covering every value given (non-finite ones ignored). */
export function createFrame(days: readonly [number, number], values: readonly number[]): Frame {
  const finite = values.filter(Number.isFinite);
  const { domain, ticks } = finite.length === 0 ? niceTicks(0, 1) : niceTicks(Math.min(...finite), Math.max(...finite));
  const { plot } = LAYOUT;
  return {
    x: linearScale(days, [plot.left, plot.right]),
    y: linearScale(domain, [plot.bottom, plot.top]),
    yTicks: ticks,
    plot,
  };
}

/** Background and the title, cut with `…` when it would run past the right edge. */
export function drawBackgroundAndTitle(title: string): string[] {
  const fitted = truncateToWidth(title, LAYOUT.titleSize, LAYOUT.width - 2 * 20);
  return [
    rect(0, 0, LAYOUT.width, LAYOUT.height, { fill: PALETTE.background }),
    text(fitted, { x: 20, y: 28, 'font-size': LAYOUT.titleSize, 'font-weight': 'bold', fill: PALETTE.text }),
  ];
}

/** Horizontal grid lines with value labels, and day labels under the plot. */
export function drawAxes(frame: Frame, ctx: ChartContext, unit: string | null): string[] {
  const { plot, x, y } = frame;
  const out: string[] = [];
  for (const tick of frame.yTicks) {
    const at = y(tick);
    out.push(line({ x: plot.left, y: at }, { x: plot.right, y: at }, { stroke: PALETTE.grid, 'stroke-width': 1 }));
    out.push(
      text(formatNumber(ctx.locale, tick, unit), {
        x: plot.left - 8, y: at + 4, 'font-size': LAYOUT.labelSize, 'text-anchor': 'end', fill: PALETTE.muted,
      }),
    );
  }
  out.push(line({ x: plot.left, y: plot.bottom }, { x: plot.right, y: plot.bottom }, { stroke: PALETTE.axis }));
  const [from, to] = x.domain;
  for (const day of dayTicks(from, to)) {
    const at = x(day);
    out.push(line({ x: at, y: plot.bottom }, { x: at, y: plot.bottom + 4 }, { stroke: PALETTE.axis }));
    out.push(
      text(dayLabel(ctx.locale, day), {
        // The last label would be cut by the image edge if centred on its tick.
        x: at, y: plot.bottom + 18, 'font-size': LAYOUT.labelSize, 'text-anchor': at > plot.right - 24 ? 'end' : 'middle', fill: PALETTE.muted,
      }),
    );
  }
  return out;
}

/** How a legend entry is drawn: a solid line, a dashed line, a filled box or a dot. */
export interface LegendItem {
  readonly label: string;
  readonly color: string;
  readonly mark: 'line' | 'dash' | 'box' | 'dot';
}

/** One row of legend entries under the title, left to right. */
export function drawLegend(items: readonly LegendItem[]): string[] {
  const out: string[] = [];
  const y = 48;
  let x = 20;
  for (const item of items) {
    if (item.mark === 'box') out.push(rect(x, y - 6, 16, 10, { fill: item.color, stroke: PALETTE.axis, 'stroke-width': 0.5 }));
    else if (item.mark === 'dot') out.push(rect(x + 5, y - 4, 6, 6, { fill: item.color, rx: 3 }));
    else {
      const dash = item.mark === 'dash' ? '5 3' : undefined;
      out.push(line({ x, y: y - 1 }, { x: x + 16, y: y - 1 }, { stroke: item.color, 'stroke-width': 2, 'stroke-dasharray': dash }));
    }
    out.push(text(item.label, { x: x + 22, y: y + 3, 'font-size': LAYOUT.legendSize, fill: PALETTE.text }));
    x += 22 + textWidth(item.label, LAYOUT.legendSize) + 18;
  }
  return out;
}

/** A centred note in the plot when there is nothing to draw, so an empty chart says why. */
export function drawEmptyNote(frame: Frame, note: string): string {
  const { plot } = frame;
  return text(note, {
    x: (plot.left + plot.right) / 2, y: (plot.top + plot.bottom) / 2, 'font-size': 14, 'text-anchor': 'middle', fill: PALETTE.muted,
  });
}
