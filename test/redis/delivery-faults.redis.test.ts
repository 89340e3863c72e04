import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createDatabase, type DatabaseHandle } from '../../src/db/create-db';
import { migrateToLatest } from '../../src/db/migrate-to-latest';
import { createLogger } from '../../src/logger';
import { startPrivateRedis, type PrivateRedis } from '../../src/main/private-redis';
import { loadTickContext } from '../../src/use-cases/scheduler/tick-context';
import { planCheckInPrompts } from '../../src/use-cases/scheduler/plan-check-in-prompts';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api';
import { seedFanOut } from '../support/fanout-seed';
import { createScratchDatabase } from '../support/scratch-database';

// The worker as a real process on a real PostgreSQL server (PGlite is single-process) and a
// private redis-server (FLUSHALL must not touch anyone else's keys). During a 10,000-prompt
// fan-out to the fake Slack the worker is SIGKILLed three times and Redis loses everything once;
// what the fake received must be exactly the planned prompts, each once.

const WORKER = path.join(__dirname, '../../dist/src/main/worker.js');
const PROMPTS = 10_000;
const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

let fake: FakeSlackApi;
let redis: PrivateRedis;
let redisDir: string;
let handle: DatabaseHandle;
let dropDb: () => Promise<void>;
let dbUrl: string;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  if (!serverUrl) throw new Error('this test needs a PostgreSQL server: set TEST_DATABASE_URL or DATABASE_URL (e.g. eval "$(bash .ci/services.sh start | grep ^export)")');
  const scratch = await createScratchDatabase(serverUrl, 'okr_fault');
  dbUrl = scratch.url;
  dropDb = scratch.drop;
  handle = await createDatabase({ databaseUrl: dbUrl, poolSize: 4 });
  await migrateToLatest(handle.db);
  redisDir = await mkdtemp(path.join(os.tmpdir(), 'okr-fault-redis-'));
  redis = await startPrivateRedis(redisDir, createLogger('silent'));
  fake = await startFakeSlackApi();
  fake.setLatency(15);
}, 120_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  await fake?.close();
  await redis?.stop();
  if (redisDir) await rm(redisDir, { recursive: true, force: true });
  await handle?.close();
  await dropDb?.();
});

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [WORKER], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: dbUrl,
      REDIS_URL: redis.url,
      SLACK_BOT_TOKEN: 'xoxb-fault-test',
      SLACK_SIGNING_SECRET: 'fault-test-secret',
      SLACK_API_URL: fake.url,
      JOB_LOCK_SECONDS: '2',
      WORKER_CONCURRENCY: '40',
      DELIVERY_RATE_PER_WORKSPACE: '1000',
      DELIVERY_BURST: '100',
      TICK_EVERY_SECONDS: '3600',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

const pending = async () =>
  Number(
    (await handle.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('sent_at', 'is', null).where('failed_at', 'is', null).executeTakeFirstOrThrow()).n,
  );

it('should deliver every planned prompt exactly once through worker kills and a Redis FLUSHALL', async () => {
  const now = new Date();
  const workspaceId = await seedFanOut(handle.db, { platform: 'slack', externalId: 'T0TEST', members: PROMPTS, now });
  const deps = { db: handle.db, clock: { now: () => now } };
  expect(await planCheckInPrompts(deps, await loadTickContext(deps))).toBe(PROMPTS);
  const intended = (await handle.db.selectFrom('outbox').select('dedupe_key').where('workspace_id', '=', workspaceId).execute()).map((r) => `${workspaceId}:${r.dedupe_key}`);
  expect(intended).toHaveLength(PROMPTS);

  const okPosts = () => fake.counts().ok;
  worker = startWorker();
  for (const threshold of [1_500, 3_500]) {
    await until(() => okPosts() >= threshold, 120_000, `${threshold} posts`);
    await kill(worker);
    worker = startWorker();
  }
  await until(() => okPosts() >= 5_000, 120_000, '5000 posts');
  const admin = new Redis(redis.url);
  await admin.flushall();
  admin.disconnect();
  await until(() => okPosts() >= 7_000, 180_000, '7000 posts after FLUSHALL');
  await kill(worker);
  worker = startWorker();
  await until(async () => (await pending()) === 0, 240_000, 'the outbox to drain');
  await kill(worker);

  const received = fake.posted().map((p) => String((p.metadata as { event_payload?: { key?: unknown } } | null)?.event_payload?.key));
  const counts = new Map<string, number>();
  for (const key of received) counts.set(key, (counts.get(key) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
  const lost = intended.filter((k) => !counts.has(k));
  const unplanned = [...counts.keys()].filter((k) => !intended.includes(k));
  expect({ received: received.length, twice: twice.slice(0, 5), lost: lost.slice(0, 5), unplanned: unplanned.slice(0, 5) }).toEqual({ received: PROMPTS, twice: [], lost: [], unplanned: [] });
  const failed = await handle.db.selectFrom('outbox').select(['dedupe_key', 'last_error']).where('failed_at', 'is not', null).execute();
  expect(failed).toEqual([]);
}, 600_000);
