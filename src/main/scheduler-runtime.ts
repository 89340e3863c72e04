import { Worker } from 'bullmq';
import type { Config } from '../config';
import { markFailed } from '../db/outbox.repository';
import { processDelivery, type DeliveryJobDeps } from '../jobs/deliver.job';
import { DeliveryLimiter } from '../jobs/delivery-limiter';
import { startMaintenanceLoop } from '../jobs/maintenance-loop';
import { createQueues, QUEUE, type DeliveryJobData, type Queues } from '../jobs/queues';
import { checkRedisPolicy, createRedis } from '../jobs/redis-connection';
import { upsertSchedules } from '../jobs/schedules';
import { processTick } from '../jobs/tick.job';
import type { Logger } from '../logger';
import type { UseCaseDeps } from '../use-cases/deps';
import type { NotifierFor } from '../use-cases/delivery/deliver-outbox-row';
import { startPrivateRedis } from './private-redis';

export interface SchedulerRuntime {
  readonly redisUrl: string;
  readonly queues: Queues;
  /** Graceful: running jobs finish, then connections close (BullMQ's shutdown guide). */
  stop(): Promise<void>;
}

/**
 * The worker half of the system: the tick and delivery workers, the schedules, and the outbox
 * relay loop, on the configured Redis or — the local default — a private redis-server.
 */
export async function startScheduler(
  config: Config,
  deps: UseCaseDeps,
  logger: Logger,
  notifierFor: NotifierFor,
  /** A Redis the caller already opened (see openRedis); otherwise REDIS_URL or a private one. */
  options: { readonly redisUrl?: string } = {},
): Promise<SchedulerRuntime> {
  const given = options.redisUrl ?? config.redisUrl;
  const privateRedis = given ? undefined : await startPrivateRedis(config.dataDir, logger);
  const redisUrl = given ?? privateRedis!.url;
  const s = config.scheduler;
  // Workers block on Redis; BullMQ asks for maxRetriesPerRequest: null on those connections.
  const connection = createRedis(redisUrl, { blocking: true });
  await checkRedisPolicy(connection, logger);
  const prefix = config.redisPrefix;
  const queues = createQueues(connection, prefix);
  await upsertSchedules(queues, s.tickEveryMs);
  const limiter = new DeliveryLimiter(connection, prefix);
  const jobDeps: DeliveryJobDeps = {
    useCases: deps,
    notifierFor,
    limiter,
    rates: { perWorkspacePerSecond: s.deliveryPerSecond, burst: s.deliveryBurst, perChannelPerSecond: 1 },
  };
  const workerOptions = { connection, prefix, lockDuration: s.lockMs, stalledInterval: s.lockMs, maxStalledCount: 10 };
  const ticks = new Worker(QUEUE.ticks, () => processTick(deps, queues, logger), { ...workerOptions, concurrency: 1 });
  const deliveries = new Worker<DeliveryJobData>(QUEUE.deliveries, (job, token) => processDelivery(job, token, jobDeps), { ...workerOptions, concurrency: s.concurrency });
  deliveries.on('failed', (job, error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    logger.warn({ jobId: job.id, attempt: job.attemptsMade, final, err: error }, 'delivery failed');
    // Out of retries: recorded in PostgreSQL, not dropped.
    if (final) void markFailed(deps.db, job.data.outboxId, new Date(), `gave up: ${error.message}`).catch(() => undefined);
  });
  for (const w of [ticks, deliveries]) {
    w.on('error', (error) => {
      // Redis lost the job under a running worker (a flush, an eviction), or its lock lapsed and it
      // runs elsewhere: PostgreSQL still decides, and the reconciler enqueues what is gone — worth
      // a line, not a stack trace per job.
      if (/^Missing (key|lock) for job/.test(error.message)) logger.warn({ queue: w.name, reason: error.message }, 'job vanished or lost its lock; PostgreSQL decides and the reconciler re-enqueues');
      else logger.error({ err: error, queue: w.name }, 'worker error');
    });
  }
  // A row is "stale" well after a killed worker's lock would have expired and its job re-run.
  const maintenance = startMaintenanceLoop(deps.db, queues, logger, () => deps.clock.now(), {
    relayEveryMs: 500,
    reconcileEveryMs: 5 * s.lockMs,
    staleAfterMs: 10 * s.lockMs,
    tickEveryMs: s.tickEveryMs,
  });
  logger.info({ redis: privateRedis ? 'private redis-server' : config.redisUrl ? 'REDIS_URL' : 'shared', tickEveryMs: s.tickEveryMs }, 'scheduler started');
  return {
    redisUrl,
    queues,
    async stop() {
      await maintenance.stop();
      await Promise.all([ticks.close(), deliveries.close()]);
      await queues.close();
      await connection.quit().catch(() => undefined);
      await privateRedis?.stop();
    },
  };
}

/** Redis for the processes of `npm start`: REDIS_URL, or one private redis-server they share. */
export async function openRedis(config: Config, logger: Logger): Promise<{ readonly url: string; stop(): Promise<void> }> {
  if (config.redisUrl) return { url: config.redisUrl, stop: async () => {} };
  const server = await startPrivateRedis(config.dataDir, logger);
  return { url: server.url, stop: () => server.stop() };
}
