import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The bot asked a member for a number (after a card click set a key result's confidence): their
  // next message that is just a value answers it. One question open per member; it expires, so an
  // old question never swallows a later, unrelated number.
  await sql`
    CREATE TABLE awaited_value (
      workspace_id bigint NOT NULL REFERENCES workspace (id),
      member_id bigint NOT NULL,
      key_result_id bigint NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, member_id),
      FOREIGN KEY (workspace_id, member_id) REFERENCES member (workspace_id, id),
      FOREIGN KEY (workspace_id, key_result_id) REFERENCES key_result (workspace_id, id) ON DELETE CASCADE
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE awaited_value`.execute(db);
}
