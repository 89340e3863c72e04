import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database';
import { relayOutbox } from '../src/jobs/outbox-relay';
import { createQueues, deliveryJobId } from '../src/jobs/queues';
import { fixedClock } from '../src/ports/clock';
import { runTick } from '../src/use-cases/scheduler/run-tick';
import { activateOnly, resetPlans, seedCheckInWorkspace, TICK_AT } from './scheduler-seed';
import type { BenchRedis } from './scheduler-rig';
import { report, type Timing } from './support';

// Issue 4: planning 10,000 check-in prompts into the delivery queue in at most 2 s — one tick at
// a fixed clock (prompts and outbox rows in PostgreSQL) plus the outbox relay into a real BullMQ
// queue — next to a bare BullMQ addBulk of as many jobs with job ids into an empty queue.

const MEMBERS = 10_000;
const TARGET_MS = 2_000;

export function timingOf(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p90: at(0.9), min: sorted[0]!, runs: sorted.length };
}

export async function benchPlanning(db: Kysely<Database>, redis: BenchRedis, quick: boolean): Promise<boolean> {
  const workspaceId = await seedCheckInWorkspace(db, 'T0BENCH', 'P', MEMBERS);
  await activateOnly(db, [workspaceId]);
  const deps = { db, clock: fixedClock(TICK_AT) };
  const runs = quick ? 1 : 3;
  const prefix = redis.newPrefix();
  const queues = createQueues(redis.connection, prefix);
  const total: number[] = [];
  const tick: number[] = [];
  const relay: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      await resetPlans(db);
      await queues.deliveries.obliterate({ force: true });
      const t0 = performance.now();
      const planned = await runTick(deps);
      const t1 = performance.now();
      const relayed = await relayOutbox(db, queues, () => TICK_AT);
      const t2 = performance.now();
      const waiting = await queues.deliveries.getWaitingCount();
      if (planned.prompts !== MEMBERS || relayed !== MEMBERS || waiting !== MEMBERS) {
        throw new Error(`planning bench: expected ${MEMBERS} prompts, got ${JSON.stringify(planned)}, relayed ${relayed}, ${waiting} waiting`);
      }
      if (i === 0) continue; // warm-up
      total.push(t2 - t0);
      tick.push(t1 - t0);
      relay.push(t2 - t1);
    }
  } finally {
    await queues.deliveries.obliterate({ force: true });
    await queues.close();
    await redis.deleteKeys(prefix);
  }
  const bare = await bareAddBulk(redis, runs);
  const [t, r] = [timingOf(tick).median, timingOf(relay).median];
  console.log(`  10,000 members in ${new Set(await zonesOf(db, workspaceId)).size} zones, all due; tick ${t.toFixed(0)} ms + relay ${r.toFixed(0)} ms (medians)`);
  return report('plan 10,000 prompts: tick + relay to BullMQ', timingOf(total), bare, 'bare addBulk of 10,000 jobs', TARGET_MS);
}

async function zonesOf(db: Kysely<Database>, workspaceId: number): Promise<string[]> {
  const rows = await db.selectFrom('member').select('time_zone').distinct().where('workspace_id', '=', workspaceId).execute();
  return rows.map((r) => r.time_zone);
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
