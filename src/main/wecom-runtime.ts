import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Worker } from 'bullmq';
import type express from 'express';
import type { WecomConfig } from '../config';
import { DeliveryLimiter } from '../jobs/delivery-limiter';
import { createRedis } from '../jobs/redis-connection';
import type { Logger } from '../logger';
import type { ChatNotifier } from '../ports/chat-notifier';
import type { UseCaseDeps } from '../use-cases/deps';
import { createWecomApi, type WecomApi } from '../wecom/api/wecom-api';
import { wecomCallbackRouter } from '../wecom/callback-route';
import type { ReplyPlan } from '../wecom/inbound/reply-plan';
import { processInbound } from '../wecom/inbound/process-inbound';
import { createInboundQueue, enqueueInbound, WECOM_INBOUND_QUEUE, type InboundJobData } from '../wecom/inbound-queue';
import { createDirectoryQueue, requestSync, syncAtBoot, upsertDailySync, WECOM_DIRECTORY_QUEUE, type DirectoryJobData } from '../wecom/directory/directory-sync-job';
import { processDirectoryJob } from '../wecom/directory/directory-job-processor';
import { unexpectedErrorMessage } from '../wecom/messages/outcome-messages';
import { createWecomNotifier } from '../wecom/outbound/wecom-notifier';
import { wecomSender, type WecomSender } from '../wecom/outbound/wecom-sender';
import { redisReplayGuard } from '../wecom/replay-guard';

/** An inbound job carries its reply plan once worked out (see process-inbound.ts). */
type InboundJob = InboundJobData & { readonly plan?: ReplyPlan };

export interface WecomRuntime {
  readonly api: WecomApi;
  readonly sender: WecomSender;
  readonly notifier: ChatNotifier;
  /** `GET|POST /wecom/callback`, for the web process. */
  readonly callback: express.Router;
  /** Runs the inbound messages' worker in this process (the worker half). */
  /** `syncAtBoot` (default true) also syncs the directory once now. */
  startWorker(options: { readonly concurrency: number; readonly lockMs: number; readonly syncAtBoot?: boolean }): void;
  /** Queues a directory sync (the worker runs it): tests, and the first boot of a new install. */
  syncDirectoryNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface WecomRuntimeContext {
  readonly deps: UseCaseDeps;
  readonly logger: Logger;
  readonly redisUrl: string;
  readonly prefix: string;
}

/**
 * The WeCom app's parts on one Redis: the API client (its token shared there), the per-member
 * send limits, the callback (which only verifies, deduplicates and enqueues, well inside WeCom's
 * 5 s), and the workers that answer what was enqueued and sync the directory (daily, on demand).
 */
export async function createWecomRuntime(config: WecomConfig, ctx: WecomRuntimeContext): Promise<WecomRuntime> {
  const { deps, logger, prefix } = ctx;
  const redis = createRedis(ctx.redisUrl, { blocking: false });
  // A producer connection has no offline queue: the token cache, limiter and replay guard use it
  // directly, so it must be connected before the first message.
  await once(redis, 'ready');
  const api = createWecomApi({ baseUrl: config.apiUrl, corpId: config.corpId, agentId: config.agentId, secret: config.secret, redis, prefix, logger });
  const sender = wecomSender(api, new DeliveryLimiter(redis, prefix), config);
  const notifier = createWecomNotifier({ sender, logger, now: () => deps.clock.now() });
  const queue = createInboundQueue(redis, prefix);
  const directoryQueue = createDirectoryQueue(redis, prefix);
  const callback = wecomCallbackRouter({
    secrets: { token: config.token, encodingAesKey: config.encodingAesKey, corpId: config.corpId },
    guard: redisReplayGuard(redis, `${prefix}:wecom-replay`),
    accept: (msg, key) => enqueueInbound(queue, config.corpId, msg, key),
    logger,
  });
  const inboundDeps = {
    db: deps.db,
    useCases: deps,
    api,
    sender,
    logger,
    corpId: config.corpId,
    agentId: config.agentId,
    defaults: { locale: config.defaultLocale, timeZone: config.defaultTimeZone },
    requestDirectorySync: (requestedBy: string) => requestSync(directoryQueue, requestedBy),
  };
  let worker: Worker<InboundJob> | undefined;
  let directoryWorker: Worker<DirectoryJobData> | undefined;
  let blocking: ReturnType<typeof createRedis> | undefined;
  return {
    api,
    sender,
    notifier,
    callback,
    startWorker({ concurrency, lockMs, syncAtBoot: atBoot = true }) {
      blocking = createRedis(ctx.redisUrl, { blocking: true });
      worker = new Worker<InboundJob>(
        WECOM_INBOUND_QUEUE,
        (job) =>
          processInbound(inboundDeps, job.data, {
            attempt: job.attemptsMade,
            plan: job.data.plan,
            save: (plan) => job.updateData({ ...job.data, plan }),
          }),
        { connection: blocking, prefix, concurrency, lockDuration: lockMs },
      );
      worker.on('failed', (job, error) => {
        if (!job) return;
        const final = job.attemptsMade >= (job.opts.attempts ?? 1);
        const correlationId = randomUUID().slice(0, 8);
        logger.error({ err: error, jobId: job.id, attempt: job.attemptsMade, final, correlationId }, 'wecom inbound message failed');
        if (!final) return;
        // Out of retries: recorded in the failed set, and the person hears it did not work.
        const who = job.data.message.fromUser;
        const ctxt = { locale: config.defaultLocale, timeZone: config.defaultTimeZone, now: new Date() };
        void sender.toMember(who, unexpectedErrorMessage(correlationId, ctxt)).catch(() => undefined);
      });
      worker.on('error', (error) => logger.error({ err: error, queue: WECOM_INBOUND_QUEUE }, 'worker error'));
      directoryWorker = new Worker<DirectoryJobData>(WECOM_DIRECTORY_QUEUE, (job) => processDirectoryJob(inboundDeps, job), { connection: blocking, prefix, concurrency: 1, lockDuration: Math.max(lockMs, 120_000) });
      directoryWorker.on('error', (error) => logger.error({ err: error, queue: WECOM_DIRECTORY_QUEUE }, 'worker error'));
      // Daily, and once at boot so a new install (or a long outage) starts from the directory.
      void Promise.all([upsertDailySync(directoryQueue, config.defaultTimeZone), atBoot ? syncAtBoot(directoryQueue) : undefined]).catch((error: unknown) => logger.error({ err: error }, 'wecom directory sync not scheduled'));
    },
    syncDirectoryNow: () => requestSync(directoryQueue, ''),
    async stop() {
      await Promise.all([worker?.close(), directoryWorker?.close()]);
      await Promise.all([queue.close(), directoryQueue.close()]);
      await blocking?.quit().catch(() => undefined);
      await redis.quit().catch(() => undefined);
    },
  };
}
