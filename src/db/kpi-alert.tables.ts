import type { ColumnType } from 'kysely';
import type { KpiBand } from '../domain/kpi';
import type { CreatedAt, UpdatedAt } from './columns';

// KPI health memory (migrations/2026_11_24_1010_create_kpi_alerts.ts): one row per KPI.

export interface KpiAlertTable {
  workspace_id: number;
  kpi_id: number;
  band: KpiBand;
  streak_alerted: ColumnType<boolean, boolean | undefined, boolean>;
  /** How many alerts this KPI raised; the newest one's number is its outbox dedupe key. */
  alert_count: ColumnType<number, number | undefined, number>;
  last_alerted_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
