import { kpiBand } from '../domain/kpi-band';
import { formatNumber } from '../i18n/format';
import { createTranslator } from '../i18n/translate';
import type { ChartContext, KpiChartData } from './chart-types';
import { daySpan, toDaySeries, todayIn } from './dated-series';
import { bandAreas, bandThresholds } from './kpi-band-areas';
import { LAYOUT, PALETTE } from './palette';
import { createFrame, drawAxes, drawBackgroundAndTitle, drawEmptyNote, drawLegend, type Frame, type LegendItem } from './plot-frame';
import { svgToPng } from './rasterize';
import { circle, line, polyline, rect, svgDocument, text } from './svg';

/** Above this many readings the dots would merge into a smudge; the line alone reads better. */
const MAX_DOTS = 60;

/** The values plus a tenth of their spread on each side, so the band beyond the outermost threshold shows too. */
function withMargin(values: readonly number[]): number[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return finite;
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const margin = (high - low) / 10;
  return [...finite, low - margin, high + margin];
}

/** The band stripes behind the data; the plot is filled top to bottom, so nothing shows through. */
function drawBands(frame: Frame, data: KpiChartData): string[] {
  const [low, high] = frame.y.domain;
  const { plot, y } = frame;
  return bandAreas(data.bands, low, high).map((area) =>
    rect(plot.left, y(area.to), plot.right - plot.left, y(area.from) - y(area.to), { fill: PALETTE.band[area.band] }),
  );
}

function drawTarget(frame: Frame, data: KpiChartData, ctx: ChartContext): string[] {
  if (data.target === null || !Number.isFinite(data.target)) return [];
  const t = createTranslator(ctx.locale);
  const { plot } = frame;
  const at = frame.y(data.target);
  const label = t('chart.marker.target', { value: formatNumber(ctx.locale, data.target, data.unit) });
  return [
    line({ x: plot.left, y: at }, { x: plot.right, y: at }, { stroke: PALETTE.target, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }),
    text(label, { x: plot.right - 4, y: at - 5, 'font-size': LAYOUT.labelSize, 'text-anchor': 'end', fill: PALETTE.target }),
  ];
}

/** The SVG of a KPI's trend over its bands (see `renderKpiChart`). */
export function kpiChartSvg(data: KpiChartData, ctx: ChartContext): string {
  const t = createTranslator(ctx.locale);
  const readings = toDaySeries(data.readings.map((r) => ({ at: r.on, value: r.value })), ctx.timeZone);
  const span = daySpan(readings.map((r) => r.day), todayIn(ctx.timeZone));
  const values = [...readings.map((r) => r.value), ...bandThresholds(data.bands), ...(data.target === null ? [] : [data.target])];
  const frame = createFrame(span, withMargin(values));

  const body = [...drawBackgroundAndTitle(data.name), ...drawBands(frame, data), ...drawAxes(frame, ctx, data.unit)];
  body.push(...drawTarget(frame, data, ctx));
  const path = readings.map((r) => ({ x: frame.x(r.day), y: frame.y(r.value) }));
  if (readings.length === 0) body.push(drawEmptyNote(frame, t('chart.empty.kpi')));
  if (path.length > 1) body.push(polyline(path, { stroke: PALETTE.reading, 'stroke-width': 2, 'stroke-linejoin': 'round' }));
  if (readings.length <= MAX_DOTS) {
    // Each dot wears the colour of its own band, so a reading that left green stands out.
    readings.forEach((r, i) => body.push(circle(path[i]!, 4, { fill: PALETTE.bandDot[kpiBand(r.value, data.bands)], stroke: PALETTE.background, 'stroke-width': 1 })));
  }
  const legend: LegendItem[] = [
    { label: t('chart.legend.readings'), color: PALETTE.reading, mark: 'line' },
    ...(['green', 'yellow', 'red'] as const).map((band) => ({ label: t(`chart.legend.${band}`), color: PALETTE.band[band], mark: 'box' as const })),
  ];
  if (data.target !== null) legend.push({ label: t('chart.legend.target'), color: PALETTE.target, mark: 'dash' });
  body.push(...drawLegend(legend));
  return svgDocument(LAYOUT, body);
}

/**
 * A PNG (1600×800: 800×400 at 2×) of a KPI's readings over time, drawn over its green, yellow and
 * red bands, with its target line. Labels in `ctx.locale`; days in `ctx.timeZone`.
 */
export async function renderKpiChart(data: KpiChartData, ctx: ChartContext): Promise<Buffer> {
  return svgToPng(kpiChartSvg(data, ctx));
}
