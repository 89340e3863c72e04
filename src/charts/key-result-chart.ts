import { formatNumber } from '../i18n/format';
import { createTranslator, translate } from '../i18n/translate';
import type { ChartContext, KeyResultChartData } from './chart-types';
import { dayNumber } from './day-axis';
import { daySpan, toDaySeries, todayIn, type DayValue } from './dated-series';
import { LAYOUT, PALETTE } from './palette';
import { createFrame, drawAxes, drawBackgroundAndTitle, drawEmptyNote, drawLegend, type Frame } from './plot-frame';
import { svgToPng } from './rasterize';
import { circle, line, polyline, svgDocument, text, type Point } from './svg';

/** Above this many check-ins the dots would merge into a smudge; the step line alone reads better. */
const MAX_DOTS = 60;

/**
 * The step line of check-ins: a value holds until the next check-in, and the last one holds until
 * today (or the end of the cycle). It starts from the KR's start value on its first day.
 */
function progressSteps(frame: Frame, points: readonly DayValue[], anchor: DayValue | null, until: number): Point[] {
  const series = anchor && (points.length === 0 || points[0]!.day > anchor.day) ? [anchor, ...points] : [...points];
  const out: Point[] = [];
  series.forEach((p, i) => {
    if (i > 0) out.push({ x: frame.x(p.day), y: frame.y(series[i - 1]!.value) });
    out.push({ x: frame.x(p.day), y: frame.y(p.value) });
  });
  const last = series[series.length - 1];
  if (last && until > last.day) out.push({ x: frame.x(until), y: frame.y(last.value) });
  return out;
}

/** The target line and today's line with their labels, behind the data. */
function drawMarkers(frame: Frame, data: KeyResultChartData, ctx: ChartContext, today: number): string[] {
  const t = createTranslator(ctx.locale);
  const { plot, x, y } = frame;
  const out: string[] = [];
  const size = LAYOUT.labelSize;
  if (Number.isFinite(data.target)) {
    const targetY = y(data.target);
    out.push(line({ x: plot.left, y: targetY }, { x: plot.right, y: targetY }, { stroke: PALETTE.target, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }));
    const targetLabel = t('chart.marker.target', { value: formatNumber(ctx.locale, data.target, data.unit) });
    out.push(text(targetLabel, { x: plot.right - 4, y: targetY - 5, 'font-size': size, 'text-anchor': 'end', fill: PALETTE.target }));
  }
  const [from, to] = x.domain;
  if (today >= from && today <= to) {
    const at = x(today);
    const nearRight = at > plot.right - 60;
    out.push(line({ x: at, y: plot.top }, { x: at, y: plot.bottom }, { stroke: PALETTE.today, 'stroke-width': 1.5 }));
    out.push(text(t('chart.marker.today'), {
      x: nearRight ? at - 4 : at + 4, y: plot.top + 12, 'font-size': size, 'text-anchor': nearRight ? 'end' : 'start', fill: PALETTE.today,
    }));
  }
  return out;
}

/** A hollow dot at the start value, drawn over the lines so it stays visible. */
function drawStart(frame: Frame, data: KeyResultChartData, ctx: ChartContext, startDay: number): string[] {
  if (!Number.isFinite(startDay) || !Number.isFinite(data.start)) return [];
  const at = { x: frame.x(startDay), y: frame.y(data.start) };
  const label = translate(ctx.locale, 'chart.marker.start', { value: formatNumber(ctx.locale, data.start, data.unit) });
  return [
    circle(at, 4.5, { fill: PALETTE.background, stroke: PALETTE.actual, 'stroke-width': 2 }),
    text(label, { x: at.x + 8, y: at.y - 8, 'font-size': LAYOUT.labelSize, fill: PALETTE.muted }),
  ];
}

/** The SVG of a key result's progress over its cycle against the expected pace (see `renderKeyResultChart`). */
export function keyResultChartSvg(data: KeyResultChartData, ctx: ChartContext): string {
  const t = createTranslator(ctx.locale);
  const tz = ctx.timeZone;
  const points = toDaySeries(data.points, tz);
  const expected = toDaySeries(data.expected, tz);
  const start = dayNumber(data.startsOn, tz);
  const end = dayNumber(data.endsOn, tz);
  const today = dayNumber(data.today, tz);
  const span = daySpan([start, end, ...points.map((p) => p.day), ...expected.map((p) => p.day)], Number.isFinite(today) ? today : todayIn(tz));
  const values = [data.start, data.target, ...points.map((p) => p.value), ...expected.map((p) => p.value)];
  const frame = createFrame(span, values);
  const anchor = Number.isFinite(start) && Number.isFinite(data.start) ? { day: start, value: data.start } : null;
  const until = Math.min(Number.isFinite(today) ? today : span[1], Number.isFinite(end) ? end : span[1]);

  const body = [...drawBackgroundAndTitle(data.title), ...drawAxes(frame, ctx, data.unit)];
  const pace = expected.map((p) => ({ x: frame.x(p.day), y: frame.y(p.value) }));
  if (pace.length > 1) body.push(polyline(pace, { stroke: PALETTE.expected, 'stroke-width': 2, 'stroke-dasharray': '5 4' }));
  body.push(...drawMarkers(frame, data, ctx, today));
  if (points.length === 0) body.push(drawEmptyNote(frame, t('chart.empty.keyResult')));
  else {
    body.push(polyline(progressSteps(frame, points, anchor, until), { stroke: PALETTE.actual, 'stroke-width': 2.5, 'stroke-linejoin': 'round' }));
    if (points.length <= MAX_DOTS) for (const p of points) body.push(circle({ x: frame.x(p.day), y: frame.y(p.value) }, 3.5, { fill: PALETTE.actual }));
  }
  body.push(...drawStart(frame, data, ctx, start));
  body.push(...drawLegend([
    { label: t('chart.legend.actual'), color: PALETTE.actual, mark: 'line' },
    { label: t('chart.legend.expected'), color: PALETTE.expected, mark: 'dash' },
    { label: t('chart.legend.target'), color: PALETTE.target, mark: 'dash' },
    { label: t('chart.legend.today'), color: PALETTE.today, mark: 'line' },
  ]));
  return svgDocument(LAYOUT, body);
}

/**
 * A PNG (1600×800: 800×400 at 2×) of a key result's check-ins as a step line against its expected
 * pace, with its start, target and today marked. Labels in `ctx.locale`; days in `ctx.timeZone`.
 */
export async function renderKeyResultChart(data: KeyResultChartData, ctx: ChartContext): Promise<Buffer> {
  return svgToPng(keyResultChartSvg(data, ctx));
}
