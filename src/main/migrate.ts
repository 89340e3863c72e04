import { boot, die } from './boot';
import { runMigrations } from './run-migrations';

// The Procfile's release step and `npm run migrate`.
async function main(): Promise<void> {
  const { logger, database } = await boot();
  try {
    await runMigrations(database.db, logger);
    logger.info('database is up to date');
  } catch (error) {
    die(logger, 'Migration failed', error);
  } finally {
    await database.close();
  }
}

void main();
