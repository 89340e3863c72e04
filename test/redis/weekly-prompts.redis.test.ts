import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { isoWeekPeriod } from '../../src/domain/check-in-schedule';
import { createLogger } from '../../src/logger';
import { startScheduler, type SchedulerRuntime } from '../../src/main/scheduler-runtime';
import { recordingNotifier } from '../support/recording-notifier';
import { seedSchedulingWorld, type SeededMember } from '../support/scheduler-seed';
import { openTestDb, type TestDb } from '../support/test-db';
import { openTestRedis, type TestRedis } from '../support/test-redis';

// Twelve simulated weeks through the real queue: tick jobs go through BullMQ on a real Redis,
// deliveries through the delivery worker and its rate limiter. The weeks cross Sydney's
// spring-forward (Oct 4, 02:00 → 03:00), Berlin's fall-back (Oct 25) and New York's (Nov 1).

const HOUR = 3_600_000;
const START = Date.parse('2026-09-28T00:00:00Z');
const WEEKS = 12;

let db: TestDb;
let redis: TestRedis;
let runtime: SchedulerRuntime;
let now = START;
const notifier = recordingNotifier();
const sentAt: number[] = [];
let members: SeededMember[];

beforeAll(async () => {
  db = await openTestDb();
  redis = await openTestRedis();
  ({ members } = await seedSchedulingWorld(db.db, {
    platform: 'console',
    externalId: 'dst',
    cycle: { startsOn: '2026-09-01', endsOn: '2027-01-31' },
    teams: [
      // Sunday 02:30: skipped in Sydney on Oct 4, doubled in Berlin on Oct 25.
      { handle: 'night', weekday: 7, time: '02:30', zones: ['Europe/Berlin', 'America/New_York', 'Australia/Sydney'] },
      { handle: 'day', weekday: 1, time: '09:00', zones: ['Asia/Kolkata', 'Asia/Shanghai', 'America/Los_Angeles'] },
    ],
  }));
  const config = loadConfig({ REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix, TICK_EVERY_SECONDS: '3600', JOB_LOCK_SECONDS: '5', DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'okr-weeks-')) });
  const clock = { now: () => new Date(now) };
  const recordTime = { ...notifier, deliver: async (n: Parameters<typeof notifier.deliver>[0]) => { sentAt.push(now); return notifier.deliver(n); } };
  runtime = await startScheduler(config, { db: db.db, clock }, createLogger('silent'), (platform) => (platform === 'console' ? recordTime : undefined));
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await redis?.close();
  await db?.close();
});

/** Waits until every outbox row is delivered or recorded. */
async function drained(): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    const row = await db.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('sent_at', 'is', null).where('failed_at', 'is', null).executeTakeFirstOrThrow();
    if (Number(row.n) === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('outbox did not drain');
}

const local = (at: number, zone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
};

/**
 * When the slot time happens on that local day, found by walking the day in 5-minute steps: the
 * first instant the wall clock shows it (a repeated time: its first occurrence). A time skipped
 * by a DST jump counts from the jump, later by as much as the clock skipped past it.
 */
function expectedInstant(day: string, time: string, zone: string): number {
  const [h, min] = time.split(':').map(Number) as [number, number];
  const slot = h * 60 + min;
  for (let t = Date.parse(`${day}T00:00:00Z`) - 15 * HOUR; t < Date.parse(`${day}T00:00:00Z`) + 39 * HOUR; t += 5 * 60_000) {
    const l = local(t, zone);
    if (l.day === day && l.minutes >= slot) return t + (l.minutes - slot) * 60_000;
  }
  throw new Error(`no ${time} on ${day} in ${zone}`);
}

it('should prompt every member exactly once a week at their local check-in time, within one tick, across DST changes', async () => {
  for (now = START; now < START + WEEKS * 7 * 24 * HOUR; now += HOUR) {
    const job = await runtime.queues.ticks.add('tick', {});
    for (let state = await job.getState(); state !== 'completed'; state = await job.getState()) {
      if (state === 'failed') throw new Error(`tick failed: ${job.failedReason}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    await drained();
  }
  const prompts = notifier.delivered.map((d, i) => ({ d, at: sentAt[i]! })).filter(({ d }) => d.notice.notice.type === 'check_in_prompt');
  for (const m of members) {
    const all = prompts.filter(({ d }) => d.notice.to.kind === 'member' && d.notice.to.externalId === m.externalId);
    // The first tick catches up on a check-in already due that week before the run began
    // (New York's Sunday, Los Angeles' Monday of W39); it must be that week's, and only one.
    const catchUp = all.filter(({ at }) => at === START);
    expect(catchUp.length).toBeLessThanOrEqual(1);
    for (const { at } of catchUp) expect(isoWeekPeriod(local(at, m.timeZone).day)).toBe('2026-W39');
    const mine = all.filter(({ at }) => at !== START);
    const weeks = mine.map(({ at }) => isoWeekPeriod(local(at, m.timeZone).day));
    expect({ member: m.externalId, weeks: new Set(weeks).size, prompts: mine.length }).toEqual({ member: m.externalId, weeks: WEEKS, prompts: WEEKS });
    for (const { at } of mine) {
      const l = local(at, m.timeZone);
      const late = at - expectedInstant(l.day, m.slot.time, m.timeZone);
      expect({ member: m.externalId, day: l.day, weekday: l.weekday, withinOneTick: late >= 0 && late < HOUR }).toEqual({
        member: m.externalId,
        day: l.day,
        weekday: m.slot.weekday,
        withinOneTick: true,
      });
    }
  }
}, 600_000);
