import { sql } from 'kysely';
import { migrations } from '../../migrations';
import { createDatabase, type DatabaseHandle } from '../../src/db/create-db';
import { migrateToLatest } from '../../src/db/migrate-to-latest';
import { createScratchDatabase } from '../support/scratch-database';

let handle: DatabaseHandle;
let drop = async () => {};

beforeAll(async () => {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const scratch = await createScratchDatabase(server, 'okr_migrate');
    handle = await createDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    drop = scratch.drop;
  } else {
    handle = await createDatabase({});
  }
}, 60_000);
afterAll(async () => {
  await handle.close();
  await drop();
});

describe('migrations', () => {
  it('should stop with the failing migration’s name and error and apply nothing', async () => {
    const broken = {
      ...migrations,
      '2099_01_01_0000_broken': { up: async (db: Parameters<typeof migrateToLatest>[0]) => void (await sql`ALTER TABLE no_such_table ADD COLUMN x int`.execute(db)) },
    };
    await expect(migrateToLatest(handle.db, broken)).rejects.toThrow(/2099_01_01_0000_broken failed: .*no_such_table/);
    // All pending migrations share one transaction, so the schema is left exactly as it was.
    const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'objective'`.execute(handle.db);
    expect(tables.rows[0]!.n).toBe(0);
  });

  it('should then apply every migration once, and be a no-op after that', async () => {
    expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });
});
