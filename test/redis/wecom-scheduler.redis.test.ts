import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createNotifiers } from '../../src/main/notifiers';
import { startScheduler, type SchedulerRuntime } from '../../src/main/scheduler-runtime';
import { createWecomRuntime, type WecomRuntime } from '../../src/main/wecom-runtime';
import { FAKE_WECOM_APP, startFakeWecomApi, type FakeWecomApi } from '../support/fake-wecom-api';
import { seedSchedulingWorld, type SeededMember } from '../support/scheduler-seed';
import { openTestDb, type TestDb } from '../support/test-db';
import { openTestRedis, type TestRedis } from '../support/test-redis';
import { randomSecrets } from '../support/wecom-callbacks';
import { wecomTestEnv } from '../support/wecom-harness';

// The weekly prompt through the real worker (tick job, relay, delivery jobs on BullMQ) to WeCom:
// each member gets one template card, nothing over WeCom's limits, nothing twice.

const MONDAY_0930_SHANGHAI = Date.parse('2026-11-23T01:30:00Z');
let now = MONDAY_0930_SHANGHAI;
let db: TestDb;
let redis: TestRedis;
let fake: FakeWecomApi;
let wecom: WecomRuntime;
let scheduler: SchedulerRuntime;
let members: SeededMember[];

beforeAll(async () => {
  [db, redis, fake] = await Promise.all([openTestDb(), openTestRedis(), startFakeWecomApi()]);
  ({ members } = await seedSchedulingWorld(db.db, {
    platform: 'wecom',
    externalId: FAKE_WECOM_APP.corpId,
    cycle: { startsOn: '2026-10-01', endsOn: '2026-12-31' },
    teams: [{ handle: 'sales', weekday: 1, time: '09:00', zones: Array.from({ length: 40 }, () => 'Asia/Shanghai') }],
  }));
  const secrets = randomSecrets(FAKE_WECOM_APP.corpId);
  const config = loadConfig({
    ...wecomTestEnv(secrets, fake, redis),
    TICK_EVERY_SECONDS: '3600',
    DELIVERY_RATE_PER_WORKSPACE: '50',
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'okr-wecom-')),
  });
  const deps = { db: db.db, clock: { now: () => new Date(now) } };
  const logger = createLogger('silent');
  wecom = await createWecomRuntime(config.wecom!, { deps, logger, redisUrl: redis.url, prefix: config.redisPrefix });
  scheduler = await startScheduler(config, deps, logger, createNotifiers(config, db.db, logger, { wecom: wecom.notifier }), { redisUrl: redis.url });
}, 60_000);

afterAll(async () => {
  await scheduler?.stop();
  await wecom?.stop();
  await fake?.close();
  await redis?.close();
  await db?.close();
});

async function tickAndDrain(): Promise<void> {
  const job = await scheduler.queues.ticks.add('tick', {});
  for (let state = await job.getState(); state !== 'completed'; state = await job.getState()) {
    if (state === 'failed') throw new Error(`tick failed: ${job.failedReason}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  for (let i = 0; i < 3_000; i++) {
    const row = await db.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('sent_at', 'is', null).where('failed_at', 'is', null).executeTakeFirstOrThrow();
    if (Number(row.n) === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('outbox did not drain');
}

it('sends every member one check-in card, within the limits, and no second one on the next tick', async () => {
  await tickAndDrain();
  now += 3_600_000;
  await tickAndDrain();
  const cards = fake.state.messages.filter((m) => m.msgtype === 'template_card');
  expect(new Set(cards.map((c) => c.toUser))).toEqual(new Set(members.map((m) => m.externalId)));
  expect(cards).toHaveLength(members.length);
  expect(fake.state.dropped).toEqual([]);
  expect(fake.state.violations).toEqual([]);
  const sent = await db.db.selectFrom('outbox').select(['channel_ref']).where('kind', '=', 'check_in_prompt').execute();
  expect(sent.every((r) => r.channel_ref?.startsWith('user:'))).toBe(true);
}, 120_000);
