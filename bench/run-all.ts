import { sql } from 'kysely';
import { fixedClock } from '../src/ports/clock';
import { scanOpenKeyResults } from '../src/db/lag-scan.repository';
import { propagateProgress } from '../src/use-cases/propagate-progress';
import { recomputeRollUp } from '../src/use-cases/recompute-roll-up';
import { recordCheckIn } from '../src/use-cases/record-check-in';
import { scanLagging } from '../src/use-cases/scan-lagging';
import { measure, openBenchDb, report } from './support';
import { seedTree, seedWorkspace } from './seed';
import { runSchedulerBench } from './scheduler';
import { runSlackAckBench } from './slack-ack';
import { runWecomCallbackBench } from './wecom-callback';
import { runApiReadingsBench } from './api-readings';

// `npm run bench`: the core's three performance targets (issue 2), each next to a bare-SQL
// baseline measured in the same run on the same server. BENCH_QUICK=1 skips the million-KR scan.

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const handle = await openBenchDb();
  const { db } = handle;
  const now = new Date();
  const deps = { db, clock: fixedClock(now) };
  console.log(`okr-bot benchmarks on ${handle.label}; medians of repeated runs\n`);
  let allPass = true;
  try {
    // 1. Full roll-up of a 10,000-objective tree (10-ary, depth 4) with 30,000 KRs.
    const tree = await seedWorkspace(db, 'bench-tree', now);
    await seedTree(db, tree, { objectives: 10_000, fanout: 10, perObjective: 3, idBase: 0, now });
    const first = await recomputeRollUp(deps, tree.workspaceId, tree.cycleId);
    console.log(`seeded 10,000 objectives / 30,000 KRs; first full roll-up wrote ${first.changed} objectives`);
    const full = await measure(() => recomputeRollUp(deps, tree.workspaceId, tree.cycleId), 15);
    // Baseline: the plain way to read the same tree — every objective row and every KR row.
    const fullBase = await measure(async () => {
      await sql`SELECT id, parent_id, weight, progress FROM objective WHERE workspace_id = ${tree.workspaceId} AND cycle_id = ${tree.cycleId}`.execute(db);
      await sql`SELECT k.id, k.objective_id, k.weight, k.progress FROM key_result k JOIN objective o ON o.workspace_id = k.workspace_id AND o.id = k.objective_id
                WHERE k.workspace_id = ${tree.workspaceId} AND o.cycle_id = ${tree.cycleId}`.execute(db);
    }, 15);
    allPass = report('full roll-up, 10,000-node tree', full, fullBase, 'bare SELECT of its 40,000 rows', 100) && allPass;

    // 2. Incremental: one check-in on a KR of a deepest objective, refreshing its 5 ancestors.
    const leafKr = await db.selectFrom('key_result').select(['id', 'ref', 'objective_id']).where('workspace_id', '=', tree.workspaceId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const actor = { workspaceId: tree.workspaceId, memberId: tree.memberId, role: 'admin' as const, locale: 'en' as const, timeZone: 'UTC' };
    let v = 0;
    const checkIn = await measure(
      () => recordCheckIn(deps, actor, { keyResult: { type: 'key_result', number: leafKr.ref }, value: { mode: 'absolute', quantity: { value: (v++ % 100) + 0.5 } }, source: 'console' }),
      60,
      5,
    );
    const propagate = await measure(() => db.transaction().execute((trx) => propagateProgress(trx, tree.workspaceId, leafKr.objective_id)), 60, 5);
    const updateBase = await measure(
      () => sql`UPDATE key_result SET current_value = ${v++ % 100} WHERE workspace_id = ${tree.workspaceId} AND id = ${leafKr.id}`.execute(db),
      60,
      5,
    );
    allPass = report('incremental: check-in + 5 ancestors (use-case)', checkIn, updateBase, 'bare UPDATE of the KR', 10) && allPass;
    allPass = report('incremental: ancestor roll-up alone', propagate, updateBase, 'bare UPDATE of the KR', 10) && allPass;

    // 3. Lag scans: 100,000 KRs (and 1,000,000 unless quick), 10 KRs per objective.
    const sizes = quick ? [100_000] : [100_000, 1_000_000];
    let idBase = 100_000;
    for (const size of sizes) {
      const ws = await seedWorkspace(db, `bench-lag-${size}`, now);
      await seedTree(db, ws, { objectives: size / 10, fanout: null, perObjective: 10, idBase, now });
      idBase += size;
      let lagging = 0;
      const scan = await measure(async () => {
        const r = await scanLagging(deps, ws.workspaceId, () => undefined);
        lagging = r.lagging;
      }, size >= 1_000_000 ? 3 : 7, 1);
      const scanBase = await measure(async () => {
        for (let after = 0; ; ) {
          const rows = await scanOpenKeyResults(db, ws.workspaceId, after, 20_000);
          if (rows.length === 0) break;
          after = rows[rows.length - 1]!.id;
        }
      }, size >= 1_000_000 ? 3 : 7, 1);
      console.log(`  ${size.toLocaleString('en')} KRs scanned, ${lagging.toLocaleString('en')} lagging`);
      allPass = report(`lag scan, ${size.toLocaleString('en')} KRs`, scan, scanBase, 'bare paged SELECT', size >= 1_000_000 ? 10_000 : 1_000) && allPass;
    }
  } finally {
    await handle.close();
  }

  // 4. Slack: /okr update ack latency and web-process memory, next to a bare Bolt app.
  console.log('\nSlack web process');
  allPass = (await runSlackAckBench()) && allPass;

  // 5. Scheduler: planning 10,000 prompts, delivery within a Slack budget, a 429 storm's isolation.
  console.log('\nScheduler');
  allPass = (await runSchedulerBench()) && allPass;

  // 6. WeCom: encrypted callbacks handled per second over HTTP, next to bare decrypt.
  console.log('\nWeCom callbacks');
  allPass = (await runWecomCallbackBench()) && allPass;

  // 7. KPI ingest API: 10,000 readings over HTTP in batches of 1,000, next to a bare INSERT.
  console.log('\nKPI ingest API');
  allPass = (await runApiReadingsBench()) && allPass;
  console.log(allPass ? '\nall targets met' : '\nSOME TARGETS MISSED');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
