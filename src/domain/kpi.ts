export const KPI_DIRECTIONS = ['up', 'down'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const THRESHOLD_KINDS = ['at_least', 'at_most', 'between'] as const;
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];

export const KPI_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type KpiFrequency = (typeof KPI_FREQUENCIES)[number];

export type KpiBand = 'green' | 'yellow' | 'red';
