import type { Kysely } from 'kysely';
import { migrateToLatest } from '../db/migrate-to-latest';
import type { Logger } from '../logger';

/** Migrates and logs what ran; a failure propagates so start-up stops with the error. */
export async function runMigrations(db: Kysely<any>, logger: Logger): Promise<void> {
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
}
