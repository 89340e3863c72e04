import type { KpiBand, ThresholdKind } from './kpi';

/** A KPI's traffic-light thresholds as stored (any bound may be missing). */
export interface KpiThresholdSpec {
  readonly kind: ThresholdKind;
  readonly greenMin: number | null;
  readonly greenMax: number | null;
  readonly yellowMin: number | null;
  readonly yellowMax: number | null;
}

/** value >= min, where a missing min is no constraint. */
const atLeast = (value: number, min: number | null): boolean => min === null || value >= min;
/** value <= max, where a missing max is no constraint. */
const atMost = (value: number, max: number | null): boolean => max === null || value <= max;

/**
 * Colour of a KPI value. Missing bounds:
 * - a missing green bound is no constraint: a KPI with no target band (created without
 *   thresholds) shows green rather than raising a false alarm;
 * - a yellow band exists only if at least one of its bounds is set, otherwise a value that
 *   misses green is red straight away;
 * - for `between`, a missing side of either band is open on that side.
 * NaN is red: a reading that is not a number is never healthy.
 */
export function kpiBand(value: number, spec: KpiThresholdSpec): KpiBand {
  if (Number.isNaN(value)) return 'red';
  switch (spec.kind) {
    case 'at_least':
      if (atLeast(value, spec.greenMin)) return 'green';
      return spec.yellowMin !== null && value >= spec.yellowMin ? 'yellow' : 'red';
    case 'at_most':
      if (atMost(value, spec.greenMax)) return 'green';
      return spec.yellowMax !== null && value <= spec.yellowMax ? 'yellow' : 'red';
    case 'between': {
      if (atLeast(value, spec.greenMin) && atMost(value, spec.greenMax)) return 'green';
      const hasYellow = spec.yellowMin !== null || spec.yellowMax !== null;
      return hasYellow && atLeast(value, spec.yellowMin) && atMost(value, spec.yellowMax) ? 'yellow' : 'red';
    }
  }
}
