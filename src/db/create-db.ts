import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { PGliteDialect } from './pglite-dialect';

const INT8 = 20;
const DATE = 1082;

export type DatabaseEngine = 'postgres' | 'pglite';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly engine: DatabaseEngine;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Set: PostgreSQL through `pg`. Unset: PGlite. */
  readonly databaseUrl?: string;
  /** PGlite's directory; undefined keeps it in memory (tests). */
  readonly dataDir?: string;
  readonly poolSize?: number;
}

// Both engines must hand back the same JS types: ids (int8) as numbers — they stay far below
// 2^53 — and dates as 'YYYY-MM-DD' strings, because a JS Date at local midnight shifts the day
// in any time zone west of UTC.
const parseInt8 = (value: string) => Number(value);
const keepDate = (value: string) => value;

/** Opens the database the configuration asks for; the caller runs migrations. */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: '-c TimeZone=UTC',
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8 ? parseInt8 : oid === DATE ? keepDate : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client the server ends (a restart, a failover, pg_terminate_backend) is dropped by
    // the pool and the next query connects afresh; without a listener, Node would treat the
    // pool's 'error' event as fatal and bring the whole process down.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    parsers: { [INT8]: parseInt8, [DATE]: keepDate },
  });
  await client.exec("SET TimeZone = 'UTC'");
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}
