import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CheckInTable, CycleTable, FeedbackTable, KeyResultTable, ObjectiveTable, ScoreTable } from './goal.tables';
import type { KpiReadingTable, KpiTable } from './kpi.tables';
import type { KpiAlertTable } from './kpi-alert.tables';
import type { MemberAbsenceTable, MemberTable, RefCounterTable, TeamMembershipTable, TeamTable, WorkspaceTable } from './org.tables';
import type { AwaitedValueTable } from './conversation.tables';
import type { ApiTokenTable } from './api-token.tables';
import type { CheckInPromptTable, JobRunTable, LagAlertTable, TeamDigestTable, WorkspaceHolidayTable } from './scheduler.tables';
import type { AuditLogTable, ChatThreadTable, OutboxTable, ProcessedEventTable, SlackInstallationTable } from './platform.tables';

export type * from './api-token.tables';
export type * from './conversation.tables';
export type * from './goal.tables';
export type * from './kpi.tables';
export type * from './kpi-alert.tables';
export type * from './org.tables';
export type * from './platform.tables';
export type * from './scheduler.tables';

/** The whole schema as kysely sees it; one table type file per area. */
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
  kpi_alert: KpiAlertTable;
  feedback: FeedbackTable;
  score: ScoreTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  slack_installation: SlackInstallationTable;
  processed_event: ProcessedEventTable;
  chat_thread: ChatThreadTable;
  workspace_holiday: WorkspaceHolidayTable;
  check_in_prompt: CheckInPromptTable;
  team_digest: TeamDigestTable;
  lag_alert: LagAlertTable;
  job_run: JobRunTable;
  awaited_value: AwaitedValueTable;
  api_token: ApiTokenTable;
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
