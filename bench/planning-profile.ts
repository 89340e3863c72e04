import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database';
import { claimForRelay } from '../src/db/outbox.repository';
import { relayOutbox } from '../src/jobs/outbox-relay';
import { createQueues, deliveryJobId } from '../src/jobs/queues';
import { fixedClock } from '../src/ports/clock';
import { planCadencePrompts } from '../src/use-cases/scheduler/plan-cadence-prompts';
import { planCheckInPrompts } from '../src/use-cases/scheduler/plan-check-in-prompts';
import { planFollowUps } from '../src/use-cases/scheduler/plan-follow-ups';
import { planTeamDigests } from '../src/use-cases/scheduler/plan-team-digests';
import { runDailyLagScans } from '../src/use-cases/scheduler/run-daily-lag-scans';
import { loadTickContext } from '../src/use-cases/scheduler/tick-context';
import { activateOnly, resetPlans, seedCheckInWorkspace, TICK_AT } from './scheduler-seed';
import { openBenchRedis } from './scheduler-rig';
import { openBenchDb } from './support';

// Where the planning bench's time goes: the tick's steps one by one, then the relay, then a claim
// alone and an addBulk alone. Tuning aid; BENCH_RUNS runs (default 5), medians printed.

/** CPU ms so far of every process named `comm` (PostgreSQL backends, redis-server), Linux only. */
function cpuOf(comm: string): number {
  let ns = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== comm) continue;
      ns += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // gone meanwhile
    }
  }
  return ns / 1e6;
}
const cpus = () => ({ node: (process.cpuUsage().user + process.cpuUsage().system) / 1000, pg: cpuOf('postgres'), redis: cpuOf('redis-server') });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const handle = await openBenchDb({ poolSize: 10 });
  const redis = await openBenchRedis();
  const db: Kysely<Database> = handle.db;
  const ws = await seedCheckInWorkspace(db, 'T0PROF', 'P', 10_000);
  await activateOnly(db, [ws]);
  const prefix = redis.newPrefix();
  const queues = createQueues(redis.connection, prefix);
  const deps = { db, clock: fixedClock(TICK_AT) };
  const t: Record<string, number[]> = {};
  const lap = (k: string, ms: number) => (t[k] ??= []).push(ms);
  try {
    for (let i = 0; i <= runs; i++) {
      await resetPlans(db);
      await queues.deliveries.obliterate({ force: true });
      let a = performance.now();
      let c = cpus();
      const step = (k: string) => {
        const b = performance.now();
        const d = cpus();
        if (i > 0) {
          lap(k, b - a);
          if (k === 'planCheckInPrompts' || k === 'relay') for (const p of ['node', 'pg', 'redis'] as const) lap(`  ${k} cpu ${p}`, d[p] - c[p]);
        }
        a = b;
        c = d;
      };
      const t0 = a;
      const tick = await loadTickContext(deps);
      step('context');
      await tick.members();
      step('members');
      await planCheckInPrompts(deps, tick);
      step('planCheckInPrompts');
      await planFollowUps(deps, tick);
      step('followUps');
      await planTeamDigests(deps, tick);
      step('digests');
      await runDailyLagScans(deps, tick);
      step('lagScans');
      await planCadencePrompts(deps, tick);
      step('cadence');
      await relayOutbox(db, queues, () => TICK_AT);
      step('relay');
      if (i > 0) lap('TOTAL', performance.now() - t0);
      // Pieces alone: a claim of 2000 / 10000 rows, and one addBulk of 2000 jobs.
      await resetPlans(db);
      await planCheckInPrompts(deps, await loadTickContext(deps));
      a = performance.now();
      c = cpus();
      await claimForRelay(db, TICK_AT, 2_000);
      step('claim 2000 alone');
      await claimForRelay(db, TICK_AT, 8_000);
      step('claim 8000 alone');
      await queues.deliveries.obliterate({ force: true });
      a = performance.now();
      c = cpus();
      await queues.deliveries.addBulk(Array.from({ length: 2_000 }, (_, j) => ({ name: 'deliver' as const, data: { outboxId: j + 1, workspaceId: ws }, opts: { jobId: deliveryJobId(j + 1) } })));
      step('addBulk 2000 alone');
    }
  } finally {
    await queues.deliveries.obliterate({ force: true });
    await queues.close();
    await redis.deleteKeys(prefix);
    await redis.close();
    await handle.close();
  }
  for (const [k, v] of Object.entries(t)) console.log(`${k.padEnd(22)} median ${median(v).toFixed(0).padStart(6)} ms   [${v.map((x) => x.toFixed(0)).join(', ')}]`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
