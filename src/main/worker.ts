import { boot, die } from './boot';

// The Procfile's worker process. The BullMQ schedulers (check-in prompts, digests, lag alerts)
// are wired here by the scheduler issue; until then it holds its database connection and shuts
// down cleanly on SIGTERM, so a deployment's process layout is already the final one.
async function main(): Promise<void> {
  const { logger, database } = await boot();
  logger.info('worker started; no scheduled jobs are registered yet');
  const stop = async () => {
    logger.info('worker stopping');
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => die(undefined, 'Worker start-up failed', error));
