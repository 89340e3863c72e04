import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfig } from '../src/config';
import { processDelivery, type DeliveryRates } from '../src/jobs/deliver.job';
import { DeliveryLimiter } from '../src/jobs/delivery-limiter';
import { createQueues, QUEUE, type DeliveryJobData, type Queues } from '../src/jobs/queues';
import { createRedis } from '../src/jobs/redis-connection';
import { createLogger } from '../src/logger';
import { startPrivateRedis, type PrivateRedis } from '../src/main/private-redis';
import type { NotifierFor } from '../src/use-cases/delivery/deliver-outbox-row';
import type { UseCaseDeps } from '../src/use-cases/deps';
import type { FakeSlackApi } from '../test/support/fake-slack-api';
import type { Timing } from './support';

// What the scheduler bench runs on: Redis (REDIS_URL, else a private redis-server in a temp dir),
// a delivery worker wired as src/main/scheduler-runtime.ts wires it, each on a fresh key prefix,
// and a tally of the fake Slack's chat.postMessage answers per bot token.

/** The worker settings production starts with (WORKER_CONCURRENCY, JOB_LOCK_SECONDS defaults). */
export const PRODUCTION = loadConfig({}).scheduler;

export interface BenchRedis {
  readonly label: string;
  /** For processes of their own (a server forked by a bench). */
  readonly url: string;
  /** A worker-style connection (maxRetriesPerRequest: null), shared like the runtime shares its one. */
  readonly connection: Redis;
  /** A key prefix no other run or measurement uses. */
  newPrefix(): string;
  /** Deletes every key under `prefix`. */
  deleteKeys(prefix: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBenchRedis(): Promise<BenchRedis> {
  const run = `bench-sched-${randomUUID().slice(0, 8)}`;
  let dir: string | undefined;
  let server: PrivateRedis | undefined;
  if (!process.env.REDIS_URL) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'okr-bench-redis-'));
    server = await startPrivateRedis(dir, createLogger('silent'));
  }
  const url = process.env.REDIS_URL ?? server!.url;
  const connection = createRedis(url, { blocking: true });
  const version = /redis_version:(\S+)/.exec(await connection.info('server'))?.[1] ?? '?';
  let n = 0;
  const deleteKeys = async (prefix: string) => {
    let cursor = '0';
    do {
      const [next, keys] = await connection.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await connection.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  };
  return {
    label: `Redis ${version} ${server ? '(private redis-server; set REDIS_URL for a shared one)' : 'at REDIS_URL'}`,
    url,
    connection,
    newPrefix: () => `${run}-${++n}`,
    deleteKeys,
    async close() {
      await deleteKeys(run);
      await connection.quit().catch(() => undefined);
      await server?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface DeliveryRig {
  readonly queues: Queues;
  /** Processor runs so far (a job deferred to its rate slot runs twice), of all jobs or of these outbox rows. */
  runs(outboxIds?: ReadonlySet<number>): number;
  /** Error messages of failed attempts. */
  readonly failures: string[];
  stop(): Promise<void>;
}

/** A delivery Worker running processDelivery with its own queue and limiter state. */
export async function startDeliveryRig(redis: BenchRedis, deps: UseCaseDeps, notifierFor: NotifierFor, rates: DeliveryRates): Promise<DeliveryRig> {
  const prefix = redis.newPrefix();
  const connection = redis.connection;
  const queues = createQueues(connection, prefix);
  const jobDeps = { useCases: deps, notifierFor, limiter: new DeliveryLimiter(connection, prefix), rates };
  const runsByRow = new Map<number, number>();
  const failures: string[] = [];
  const worker = new Worker<DeliveryJobData>(
    QUEUE.deliveries,
    (job, token) => {
      runsByRow.set(job.data.outboxId, (runsByRow.get(job.data.outboxId) ?? 0) + 1);
      return processDelivery(job, token, jobDeps);
    },
    { connection, prefix, lockDuration: PRODUCTION.lockMs, stalledInterval: PRODUCTION.lockMs, maxStalledCount: 10, concurrency: PRODUCTION.concurrency },
  );
  worker.on('failed', (_job, error) => failures.push(error.message));
  worker.on('error', (error) => failures.push(`worker error: ${error.message}`));
  await worker.waitUntilReady();
  return {
    queues,
    runs: (outboxIds) => {
      let n = 0;
      for (const [id, count] of runsByRow) if (!outboxIds || outboxIds.has(id)) n += count;
      return n;
    },
    failures,
    async stop() {
      await worker.close();
      await queues.deliveries.obliterate({ force: true });
      await queues.close();
      await redis.deleteKeys(prefix);
    },
  };
}

export interface TokenTally {
  ok: number;
  limited: number;
  /** Date.now() of the first and last accepted post. */
  firstOkAt: number;
  lastOkAt: number;
}

/** chat.postMessage outcomes per bot token, read incrementally from the fake's call log. */
export class PostTally {
  private seen = 0;
  private readonly byToken = new Map<string, TokenTally>();

  constructor(private readonly fake: FakeSlackApi) {}

  /** Clears the fake (calls, budgets) and this tally. */
  restart(): void {
    this.fake.reset();
    this.seen = 0;
    this.byToken.clear();
  }

  of(token: string): TokenTally {
    const calls = this.fake.calls;
    for (; this.seen < calls.length; this.seen++) {
      const c = calls[this.seen]!;
      if (c.method !== 'chat.postMessage' || c.token === null) continue;
      let t = this.byToken.get(c.token);
      if (!t) this.byToken.set(c.token, (t = { ok: 0, limited: 0, firstOkAt: 0, lastOkAt: 0 }));
      if (c.status === 429) t.limited += 1;
      else if (c.response.ok === true) {
        if (t.ok++ === 0) t.firstOkAt = c.at;
        t.lastOkAt = c.at;
      }
    }
    return { ...(this.byToken.get(token) ?? { ok: 0, limited: 0, firstOkAt: 0, lastOkAt: 0 }) };
  }

  /** Polls until `token` has `count` accepted posts; false on timeout. */
  async waitFor(token: string, count: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.of(token).ok < count) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 10));
    }
    return true;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Median, p90 and min of samples taken outside `measure` (each run needs fresh data first). */
export function timingOf(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p90: at(0.9), min: sorted[0]!, runs: sorted.length };
}
