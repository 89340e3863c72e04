import type { Locale } from '../domain/member';

/** Who the chart is drawn for: the language of its labels and the zone that decides which day an instant falls on. */
export interface ChartContext {
  readonly locale: Locale;
  readonly timeZone: string;
}

/** A value at a day (`YYYY-MM-DD`) or an instant (full ISO timestamp). */
export interface DatedValue {
  readonly at: string;
  readonly value: number;
}

/** Everything a key result's progress chart shows; plain data, so callers need no chart types. */
export interface KeyResultChartData {
  readonly title: string;
  readonly unit: string | null;
  readonly start: number;
  readonly target: number;
  readonly startsOn: string;
  readonly endsOn: string;
  /** Check-ins, in any order. */
  readonly points: readonly DatedValue[];
  /** The pace curve: where the value should be on each day. */
  readonly expected: readonly DatedValue[];
  readonly today: string;
}

/** A KPI's thresholds as stored; any bound may be missing. */
export interface KpiChartBands {
  readonly kind: 'at_least' | 'at_most' | 'between';
  readonly greenMin: number | null;
  readonly greenMax: number | null;
  readonly yellowMin: number | null;
  readonly yellowMax: number | null;
}

/** Everything a KPI trend chart shows. */
export interface KpiChartData {
  readonly name: string;
  readonly unit: string | null;
  /** Readings, in any order; `on` is a day or an instant. */
  readonly readings: ReadonlyArray<{ readonly on: string; readonly value: number }>;
  readonly target: number | null;
  readonly bands: KpiChartBands;
}
