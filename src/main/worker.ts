import { boot, die } from './boot';
import { createNotifiers } from './notifiers';
import { startScheduler } from './scheduler-runtime';

// The Procfile's worker process: BullMQ workers for the scheduler tick and deliveries, the
// schedules upserted on boot, and the outbox relay. SIGTERM lets running jobs finish first.
async function main(): Promise<void> {
  const { config, logger, database, deps } = await boot();
  if (database.engine === 'pglite') {
    logger.warn('embedded PGlite is single-process: run the worker next to the web process with `npm start`, or set DATABASE_URL');
  }
  const scheduler = await startScheduler(config, deps, logger, createNotifiers(config, database.db, logger));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('worker stopping');
    await scheduler.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error) => die(undefined, 'Worker start-up failed', error));
