import type { ColumnType } from 'kysely';
import type { KpiDirection, KpiFrequency, ThresholdKind } from '../domain/kpi';
import type { CreatedAt, DateString, Id, UpdatedAt } from './columns';

export type ReadingSource = 'chat' | 'api' | 'import' | 'console';

export interface KpiTable {
  id: Id;
  workspace_id: number;
  key: string;
  name: string;
  unit: string | null;
  owner_id: number | null;
  team_id: number | null;
  direction: ColumnType<KpiDirection, KpiDirection | undefined, KpiDirection>;
  target: number | null;
  threshold_kind: ColumnType<ThresholdKind, ThresholdKind | undefined, ThresholdKind>;
  green_min: number | null;
  green_max: number | null;
  yellow_min: number | null;
  yellow_max: number | null;
  frequency: ColumnType<KpiFrequency, KpiFrequency | undefined, KpiFrequency>;
  /** Consecutive periods below target that raise a health alert (1–52, default 3). */
  alert_after: ColumnType<number, number | undefined, number>;
  latest_value: number | null;
  latest_observed_on: DateString | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface KpiReadingTable {
  id: Id;
  workspace_id: number;
  kpi_id: number;
  value: number;
  observed_on: DateString;
  source: ReadingSource;
  author_id: number | null;
  idempotency_key: string | null;
  created_at: CreatedAt;
}
