import { boot, die } from './boot';
import { createNotifiers } from './notifiers';
import { openRedis, startScheduler } from './scheduler-runtime';
import { createWecomRuntime } from './wecom-runtime';

// The Procfile's worker process: BullMQ workers for the scheduler tick, deliveries and WeCom's
// inbound messages, the schedules upserted on boot, and the outbox relay. SIGTERM lets running
// jobs finish first.
async function main(): Promise<void> {
  const { config, logger, database, deps } = await boot();
  if (database.engine === 'pglite') {
    logger.warn('embedded PGlite is single-process: run the worker next to the web process with `npm start`, or set DATABASE_URL');
  }
  const redis = await openRedis(config, logger);
  const wecom = config.wecom ? await createWecomRuntime(config.wecom, { deps, logger, redisUrl: redis.url, prefix: config.redisPrefix }) : undefined;
  const scheduler = await startScheduler(config, deps, logger, createNotifiers(config, database.db, logger, wecom ? { wecom: wecom.notifier } : {}), { redisUrl: redis.url });
  wecom?.startWorker({ concurrency: config.scheduler.concurrency, lockMs: config.scheduler.lockMs });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('worker stopping');
    await scheduler.stop();
    await wecom?.stop();
    await redis.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error) => die(undefined, 'Worker start-up failed', error));
