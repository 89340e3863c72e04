import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Confidence, KeyResultKind, PaceCurve } from '../domain/key-result';
import type { Locale, Role } from '../domain/member';
import type { ObjectiveLevel, ObjectiveStatus } from '../domain/objective';
import type { KpiDirection, KpiFrequency, ThresholdKind } from '../domain/kpi';

// Table types mirror migrations/ (snake_case columns); repositories map rows to domain shapes.

type Id = Generated<number>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns come back as 'YYYY-MM-DD' on both engines (see create-db.ts). */
type DateString = string;
type Json = ColumnType<unknown, string, string>;

export type Platform = 'slack' | 'wecom' | 'console';
export type CheckInSource = 'chat' | 'api' | 'import' | 'console' | 'kpi';
export type ReadingSource = 'chat' | 'api' | 'import' | 'console';

export interface WorkspaceTable {
  id: Id;
  platform: Platform;
  external_id: string;
  name: string;
  default_locale: ColumnType<Locale, Locale | undefined, Locale>;
  default_time_zone: ColumnType<string, string | undefined, string>;
  settings: ColumnType<unknown, string | undefined, string>;
  created_at: CreatedAt;
}

export interface MemberTable {
  id: Id;
  workspace_id: number;
  external_id: string;
  display_name: string;
  time_zone: ColumnType<string, string | undefined, string>;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  role: ColumnType<Role, Role | undefined, Role>;
  manager_id: number | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  snoozed_until: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MemberAbsenceTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  starts_on: DateString;
  ends_on: DateString;
  created_at: CreatedAt;
}

export interface TeamTable {
  id: Id;
  workspace_id: number;
  name: string;
  handle: string;
  parent_id: number | null;
  manager_id: number | null;
  channel_ref: string | null;
  checkin_weekday: ColumnType<number, number | undefined, number>;
  checkin_time: ColumnType<string, string | undefined, string>;
  lag_threshold: ColumnType<number, number | undefined, number>;
  stale_days: ColumnType<number, number | undefined, number>;
  settings: ColumnType<unknown, string | undefined, string>;
  created_at: CreatedAt;
}

export interface TeamMembershipTable {
  workspace_id: number;
  team_id: number;
  member_id: number;
  created_at: CreatedAt;
}

export interface RefCounterTable {
  workspace_id: number;
  kind: 'O' | 'KR' | 'B';
  last_value: number;
}

export interface CycleTable {
  id: Id;
  workspace_id: number;
  name: string;
  starts_on: DateString;
  ends_on: DateString;
  status: ColumnType<'planning' | 'active' | 'closed', 'planning' | 'active' | 'closed' | undefined>;
  created_at: CreatedAt;
}

export interface ObjectiveTable {
  id: Id;
  workspace_id: number;
  /** Assigned by a trigger from ref_counter. */
  ref: Generated<number>;
  cycle_id: number;
  title: string;
  description: string | null;
  level: ObjectiveLevel;
  owner_id: number;
  team_id: number | null;
  parent_id: number | null;
  weight: ColumnType<number, number | undefined, number>;
  status: ColumnType<ObjectiveStatus, ObjectiveStatus | undefined, ObjectiveStatus>;
  progress: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  closed_at: Date | null;
}

export interface KeyResultTable {
  id: Id;
  workspace_id: number;
  ref: Generated<number>;
  objective_id: number;
  owner_id: number;
  title: string;
  kind: KeyResultKind;
  start_value: number;
  target_value: number;
  current_value: number | null;
  unit: string | null;
  weight: ColumnType<number, number | undefined, number>;
  confidence: Confidence | null;
  confidence_falls: ColumnType<number, number | undefined, number>;
  pace_curve: ColumnType<PaceCurve, PaceCurve | undefined, PaceCurve>;
  kpi_id: number | null;
  status: ColumnType<ObjectiveStatus, ObjectiveStatus | undefined, ObjectiveStatus>;
  progress: ColumnType<number, number | undefined, number>;
  last_check_in_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  closed_at: Date | null;
}

export interface CheckInTable {
  id: Id;
  workspace_id: number;
  key_result_id: number;
  author_id: number;
  value: number | null;
  previous_value: number | null;
  progress: number;
  confidence: Confidence | null;
  note: string | null;
  source: CheckInSource;
  idempotency_key: string | null;
  created_at: CreatedAt;
}

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

export interface FeedbackTable {
  id: Id;
  workspace_id: number;
  /** Set by a trigger for blockers only. */
  ref: ColumnType<number | null, never, never>;
  kind: 'comment' | 'reply' | 'blocker';
  objective_id: number | null;
  key_result_id: number | null;
  check_in_id: number | null;
  author_id: number;
  body: string;
  state: 'open' | 'resolved' | null;
  helper_id: number | null;
  resolved_by: number | null;
  resolved_at: Date | null;
  resolution_note: string | null;
  created_at: CreatedAt;
}

export interface ScoreTable {
  id: Id;
  workspace_id: number;
  cycle_id: number;
  objective_id: number | null;
  key_result_id: number | null;
  suggested: number;
  value: number;
  note: string | null;
  scored_by: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AuditLogTable {
  id: Id;
  workspace_id: number;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: number;
  before: Json | null;
  after: Json | null;
  created_at: CreatedAt;
}

export interface OutboxTable {
  id: Id;
  workspace_id: number;
  kind: string;
  payload: Json;
  dedupe_key: string;
  available_at: CreatedAt;
  sent_at: Date | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: CreatedAt;
}

export interface SlackInstallationTable {
  id: Id;
  enterprise_id: ColumnType<string, string | undefined, string>;
  team_id: ColumnType<string, string | undefined, string>;
  is_enterprise_install: ColumnType<boolean, boolean | undefined, boolean>;
  bot_user_id: string | null;
  installation_encrypted: string;
  installed_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProcessedEventTable {
  platform: 'slack' | 'wecom';
  event_id: string;
  created_at: CreatedAt;
}

export type ThreadKind = 'check_in_prompt' | 'team_digest' | 'lag_alert' | 'shared';

export interface ChatThreadTable {
  id: Id;
  workspace_id: number;
  platform: 'slack' | 'wecom';
  channel_ref: string;
  thread_ref: string;
  kind: ThreadKind;
  member_id: number | null;
  team_id: number | null;
  key_result_id: number | null;
  check_in_id: number | null;
  created_at: CreatedAt;
}

export interface Database {
  workspace: WorkspaceTable;
  member: MemberTable;
  member_absence: MemberAbsenceTable;
  team: TeamTable;
  team_membership: TeamMembershipTable;
  ref_counter: RefCounterTable;
  cycle: CycleTable;
  objective: ObjectiveTable;
  key_result: KeyResultTable;
  check_in: CheckInTable;
  kpi: KpiTable;
  kpi_reading: KpiReadingTable;
  feedback: FeedbackTable;
  score: ScoreTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  slack_installation: SlackInstallationTable;
  processed_event: ProcessedEventTable;
  chat_thread: ChatThreadTable;
}

export type MemberRow = Selectable<MemberTable>;
export type TeamRow = Selectable<TeamTable>;
export type CycleRow = Selectable<CycleTable>;
export type ObjectiveRow = Selectable<ObjectiveTable>;
export type NewObjectiveRow = Insertable<ObjectiveTable>;
export type ObjectiveUpdate = Updateable<ObjectiveTable>;
export type KeyResultRow = Selectable<KeyResultTable>;
export type NewKeyResultRow = Insertable<KeyResultTable>;
export type KeyResultUpdate = Updateable<KeyResultTable>;
export type CheckInRow = Selectable<CheckInTable>;
export type KpiRow = Selectable<KpiTable>;
export type KpiReadingRow = Selectable<KpiReadingTable>;
export type FeedbackRow = Selectable<FeedbackTable>;
export type ScoreRow = Selectable<ScoreTable>;
