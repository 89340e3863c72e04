import type { ColumnType, Generated } from 'kysely';
import type { Confidence, KeyResultKind, PaceCurve } from '../domain/key-result';
import type { ObjectiveLevel, ObjectiveStatus } from '../domain/objective';
import type { CreatedAt, DateString, Id, UpdatedAt } from './columns';

export type CheckInSource = 'chat' | 'api' | 'import' | 'console' | 'kpi';

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
