import type { Migration } from 'kysely';
import * as m1 from './2026_11_23_1200_create_workspaces_members_teams';
import * as m2 from './2026_11_23_1210_create_cycles_objectives_key_results';
import * as m3 from './2026_11_23_1220_create_feedback_scores_audit_outbox';
import * as m4 from './2026_11_23_1300_create_slack_installations_and_processed_events';
import * as m5 from './2026_11_23_1400_create_chat_threads';
import * as m6 from './2026_11_23_1500_create_scheduler_tables';
import * as m7 from './2026_11_24_0900_add_directory_refs';
import * as m8 from './2026_11_24_0910_create_awaited_values';
import * as m9 from './2026_11_24_1000_create_api_tokens';
import * as mKpiAlerts from './2026_11_24_1010_create_kpi_alerts';

/**
 * Every migration, by name. A static list (instead of FileMigrationProvider reading a folder) works
 * the same under Jest's TypeScript transform and in the compiled dist/, and a missing file is a
 * compile error rather than a silent skip.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_23_1200_create_workspaces_members_teams': m1,
  '2026_11_23_1210_create_cycles_objectives_key_results': m2,
  '2026_11_23_1220_create_feedback_scores_audit_outbox': m3,
  '2026_11_23_1300_create_slack_installations_and_processed_events': m4,
  '2026_11_23_1400_create_chat_threads': m5,
  '2026_11_23_1500_create_scheduler_tables': m6,
  '2026_11_24_0900_add_directory_refs': m7,
  '2026_11_24_0910_create_awaited_values': m8,
  '2026_11_24_1000_create_api_tokens': m9,
  '2026_11_24_1010_create_kpi_alerts': mKpiAlerts,
};
