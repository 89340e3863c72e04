import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../../src/db/create-db';
import { migrateToLatest } from '../../src/db/migrate-to-latest';

export interface TestDb extends DatabaseHandle {
  /** Empties every table and restarts ids, between tests. */
  reset(): Promise<void>;
}

const TABLES = [
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
    const name = `okr_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    handle = await createDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
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

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
