import type { KpiBand } from '../domain/kpi';
import { kpiBand } from '../domain/kpi-band';
import type { KpiChartBands } from './chart-types';

/** A horizontal stripe of the chart, `from` below `to`, in one band colour. */
export interface BandArea {
  readonly from: number;
  readonly to: number;
  readonly band: KpiBand;
}

/** Threshold values a KPI spec sets (missing bounds drop out). */
export function bandThresholds(bands: KpiChartBands): number[] {
  return [bands.greenMin, bands.greenMax, bands.yellowMin, bands.yellowMax].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
}

/**
 * The stripes of `[low, high]` by band colour. Each stripe between two neighbouring thresholds is
 * coloured by the domain's own `kpiBand` at its middle, so the chart can never disagree with the
 * alerts about what counts as green; neighbours of one colour merge.
 */
export function bandAreas(bands: KpiChartBands, low: number, high: number): BandArea[] {
  if (!(high > low)) return [];
  const cuts = [low, ...bandThresholds(bands).filter((v) => v > low && v < high).sort((a, b) => a - b), high];
  const areas: BandArea[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    if (to <= from) continue;
    const band = kpiBand((from + to) / 2, bands);
    const previous = areas[areas.length - 1];
    if (previous && previous.band === band) areas[areas.length - 1] = { ...previous, to };
    else areas.push({ from, to, band });
  }
  return areas;
}
