import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database';
import { relayOutbox } from '../src/jobs/outbox-relay';
import { createQueues, deliveryJobId, type Queues } from '../src/jobs/queues';
import { fixedClock } from '../src/ports/clock';
import { runTick } from '../src/use-cases/scheduler/run-tick';
import { activateOnly, resetPlans, seedCheckInWorkspace, TICK_AT, ZONES } from './scheduler-seed';
import { timingOf, type BenchRedis } from './scheduler-rig';
import { report, type Timing } from './support';

// Issue 4: planning 10,000 check-in prompts into the delivery queue in at most 2 s — one tick at
// a fixed clock (prompts and outbox rows in PostgreSQL) plus the outbox relay into a real BullMQ
// queue — next to a bare BullMQ addBulk of as many jobs with job ids into an empty queue.
// Every run starts from nothing planned and an empty queue; one warm-up run first.

const MEMBERS = 10_000;
const TARGET_MS = 2_000;

export async function benchPlanning(db: Kysely<Database>, redis: BenchRedis, quick: boolean): Promise<boolean> {
  const workspaceId = await seedCheckInWorkspace(db, 'T0BENCH', 'P', MEMBERS);
  await activateOnly(db, [workspaceId]);
  const runs = quick ? 1 : 3;
  const prefix = redis.newPrefix();
  const queues = createQueues(redis.connection, prefix);
  const samples: { tick: number; relay: number }[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const sample = await planOnce(db, queues);
      if (i > 0) samples.push(sample);
    }
  } finally {
    await queues.deliveries.obliterate({ force: true });
    await queues.close();
    await redis.deleteKeys(prefix);
  }
  const bare = await bareAddBulk(redis, runs);
  const median = (f: (s: { tick: number; relay: number }) => number) => timingOf(samples.map(f)).median.toFixed(0);
  console.log(`  ${MEMBERS.toLocaleString('en')} members over ${ZONES.length} zones, all due: tick ${median((s) => s.tick)} ms + relay ${median((s) => s.relay)} ms (medians)`);
  return report('plan 10,000 prompts: tick + relay to BullMQ', timingOf(samples.map((s) => s.tick + s.relay)), bare, 'bare addBulk of 10,000 jobs', TARGET_MS);
}

/** From nothing planned and an empty queue: one tick, then the relay. @returns both durations in ms. */
async function planOnce(db: Kysely<Database>, queues: Queues): Promise<{ tick: number; relay: number }> {
  await resetPlans(db);
  await queues.deliveries.obliterate({ force: true });
  const t0 = performance.now();
  const planned = await runTick({ db, clock: fixedClock(TICK_AT) });
  const t1 = performance.now();
  const relayed = await relayOutbox(db, queues, () => TICK_AT);
  const t2 = performance.now();
  const waiting = await queues.deliveries.getWaitingCount();
  if (planned.prompts !== MEMBERS || relayed !== MEMBERS || waiting !== MEMBERS) {
    throw new Error(`planning bench: expected ${MEMBERS} prompts, got ${JSON.stringify(planned)}, relayed ${relayed}, ${waiting} waiting`);
  }
  return { tick: t1 - t0, relay: t2 - t1 };
}

/** One addBulk of 10,000 jobs with deterministic ids into an empty queue, after a warm-up. */
async function bareAddBulk(redis: BenchRedis, runs: number): Promise<Timing> {
  const prefix = redis.newPrefix();
  const queue = new Queue('bare-add-bulk', { connection: redis.connection, prefix });
  const jobs = Array.from({ length: MEMBERS }, (_, i) => ({ name: 'deliver', data: { outboxId: i + 1 }, opts: { jobId: deliveryJobId(i + 1) } }));
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      await queue.obliterate({ force: true });
      const t0 = performance.now();
      await queue.addBulk(jobs);
      if (i > 0) samples.push(performance.now() - t0);
    }
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.deleteKeys(prefix);
  }
  return timingOf(samples);
}
