import type { CreatedAt } from './columns';

// State of a conversation with the bot (migrations/2026_11_24_0910_create_awaited_values.ts).

/** The number the bot asked a member for: their next bare value answers it. */
export interface AwaitedValueTable {
  workspace_id: number;
  member_id: number;
  key_result_id: number;
  expires_at: Date;
  created_at: CreatedAt;
}
