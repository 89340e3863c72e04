import type { ColumnType } from 'kysely';
import type { CreatedAt, Id, Json, UpdatedAt } from './columns';

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
  /** The person it is for, when it is for one: the daily reminder budget counts these. */
  recipient_member_id: number | null;
  /** Delivered as a reply in the thread this row's delivery started. */
  parent_id: number | null;
  enqueued_at: Date | null;
  /** An attempt began here and may have sent before it was cut off. */
  attempt_started_at: Date | null;
  channel_ref: string | null;
  thread_ref: string | null;
  failed_at: Date | null;
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

export type ThreadKind = 'check_in_prompt' | 'team_digest' | 'lag_alert' | 'shared' | 'review_prompt';

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
