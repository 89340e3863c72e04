import type { CreatedAt, Id } from './columns';

/** A REST API credential; `token_hash` is the hex SHA-256 of the token, which itself is never stored. */
export interface ApiTokenTable {
  id: Id;
  workspace_id: number;
  name: string;
  token_hash: string;
  created_by: number;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
