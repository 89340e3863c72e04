import type { CreatedAt, DateString, Id, Json, UpdatedAt } from './columns';

// The scheduler's tables (migrations/2026_11_23_1500_create_scheduler_tables.ts).

export interface WorkspaceHolidayTable {
  workspace_id: number;
  day: DateString;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CheckInPromptTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  team_id: number | null;
  /** ISO week of the member's local due day, '2026-W48'. */
  period: string;
  due_at: Date;
  remind_at: Date;
  reminded_at: Date | null;
  escalate_at: Date | null;
  escalated_at: Date | null;
  snoozed_until: Date | null;
  created_at: CreatedAt;
}

export interface TeamDigestTable {
  id: Id;
  workspace_id: number;
  team_id: number;
  period: string;
  /** The check-in time it follows: check-ins of the seven days from here are this digest's. */
  covers_from: Date;
  due_at: Date;
  created_at: CreatedAt;
}

export interface LagAlertTable {
  workspace_id: number;
  key_result_id: number;
  period: string;
  severity: number;
  reasons: Json;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface JobRunTable {
  workspace_id: number;
  job: string;
  period: string;
  created_at: CreatedAt;
}
