import { sql } from 'kysely';
import { createDatabase, type DatabaseHandle } from '../../src/db/create-db';
import { migrateToLatest } from '../../src/db/migrate-to-latest';
import { createScratchDatabase } from './scratch-database';

export interface TestDb extends DatabaseHandle {
  /** Empties every table and restarts ids, between tests. */
  reset(): Promise<void>;
}

const TABLES = [
  'job_run', 'lag_alert', 'team_digest', 'check_in_prompt', 'workspace_holiday',
  'chat_thread',
  'processed_event', 'slack_installation',
  'outbox', 'audit_log', 'score', 'feedback', 'check_in', 'key_result', 'objective', 'kpi_reading', 'kpi',
  'cycle', 'ref_counter', 'team_membership', 'team', 'member_absence', 'member', 'workspace',
];

/**
 * A migrated database for one test file: PGlite in memory by default, or — when
 * TEST_DATABASE_URL is set (CI) — a fresh database on that real PostgreSQL server, so test files
 * running in parallel never share rows.
 */
export async function openTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let handle: DatabaseHandle;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, 'okr_test');
    handle = await createDatabase({ databaseUrl: scratch.url, poolSize: 4 });
    dropDatabase = scratch.drop;
  } else {
    handle = await createDatabase({});
  }
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async reset() {
      await sql`TRUNCATE ${sql.join(TABLES.map((t) => sql.table(t)))} RESTART IDENTITY CASCADE`.execute(handle.db);
    },
    async close() {
      await handle.close();
      await dropDatabase();
    },
  };
}
