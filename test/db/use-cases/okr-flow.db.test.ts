import { fixedClock } from '../../../src/ports/clock';
import type { Command } from '../../../src/domain/command/command';
import type { Actor } from '../../../src/domain/member';
import type { Outcome } from '../../../src/use-cases/outcome';
import { runCommand } from '../../../src/use-cases/run-command';
import { recomputeRollUp } from '../../../src/use-cases/recompute-roll-up';
import { recordCheckIn } from '../../../src/use-cases/record-check-in';
import { createOrg, type Org } from '../../support/factories';
import { openTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
let org: Org;
// Nov 15 is 50.5 % of the way through 2026-Q4.
const deps = () => ({ db: t.db, clock: fixedClock('2026-11-15T12:00:00Z') });

beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  org = await createOrg(t.db);
});

async function run(actor: Actor, cmd: Command): Promise<Outcome> {
  const result = await runCommand(deps(), actor, cmd);
  if (!result.ok) throw new Error(`expected success for ${cmd.verb}, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const O = (n: number) => ({ type: 'objective' as const, number: n });
const KR = (n: number) => ({ type: 'key_result' as const, number: n });

describe('an OKR cycle through the use-cases', () => {
  it('should roll progress up through key results and aligned objectives', async () => {
    await run(org.manager, { verb: 'new', title: 'Ship a reliable platform', team: { name: 'eng' } });
    await run(org.alice, { verb: 'new', title: 'Make the API fast', parent: O(1) });
    await run(org.alice, { verb: 'kr_add', objective: O(2), spec: { title: 'Raise coverage from 40 to 80', kind: 'increase', start: 40, target: 80, unit: '%' } });
    await run(org.alice, { verb: 'kr_add', objective: O(2), spec: { title: 'Cut p95 from 800ms to 200ms', kind: 'decrease', start: 800, target: 200, unit: 'ms' } });

    const up = await run(org.alice, { verb: 'update', keyResult: KR(1), value: { mode: 'absolute', quantity: { value: 60 } }, confidence: 'on_track' });
    const down = await run(org.alice, { verb: 'update', keyResult: KR(2), value: { mode: 'absolute', quantity: { value: 350 } }, note: 'cache landed' });
    expect(up.type === 'checked_in' && up.keyResult.progress).toBeCloseTo(0.5);
    expect(down.type === 'checked_in' && down.keyResult.progress).toBeCloseTo(0.75);
    expect(down.type === 'checked_in' && down.objectiveProgress).toBeCloseTo(0.625);

    const tree = await run(org.alice, { verb: 'tree' });
    if (tree.type !== 'tree') throw new Error(tree.type);
    expect(tree.nodes.map((n) => [n.depth, n.objective.ref, Math.round(n.objective.progress * 1000) / 1000])).toEqual([
      [0, 'O-1', 0.625],
      [1, 'O-2', 0.625],
    ]);

    const show = await run(org.bob, { verb: 'show', target: KR(2) });
    expect(show.type === 'key_result' && show.history.map((h) => [h.value, h.previousValue, h.note])).toEqual([[350, null, 'cache landed']]);
  });

  it('should apply deltas, done and percent-of-the-way values', async () => {
    await run(org.alice, { verb: 'new', title: 'Grow' });
    await run(org.alice, { verb: 'kr_add', objective: O(1), spec: { title: 'Leads from 0 to 60', kind: 'increase', start: 0, target: 60 } });
    await run(org.alice, { verb: 'kr_add', objective: O(1), spec: { title: 'Ship it', kind: 'milestone', start: 0, target: 1 } });
    await run(org.alice, { verb: 'update', keyResult: KR(1), value: { mode: 'delta', quantity: { value: 12 } } });
    const delta = await run(org.alice, { verb: 'update', keyResult: KR(1), value: { mode: 'delta', quantity: { value: 6 } } });
    expect(delta.type === 'checked_in' && delta.keyResult.current).toBe(18);
    const pct = await run(org.alice, { verb: 'update', keyResult: KR(1), value: { mode: 'absolute', quantity: { value: 50, unit: '%' } } });
    expect(pct.type === 'checked_in' && pct.keyResult.current).toBe(30);
    const done = await run(org.alice, { verb: 'update', keyResult: KR(2), value: { mode: 'done' } });
    expect(done.type === 'checked_in' && done.objectiveProgress).toBeCloseTo(0.75);
  });

  it('should flag a key result behind its pace, with the numbers', async () => {
    await run(org.alice, { verb: 'new', title: 'Grow' });
    await run(org.alice, { verb: 'kr_add', objective: O(1), spec: { title: 'Leads from 0 to 100', kind: 'increase', start: 0, target: 100 } });
    await run(org.alice, { verb: 'update', keyResult: KR(1), value: { mode: 'absolute', quantity: { value: 20 } } });
    const lagging = await run(org.alice, { verb: 'lagging' });
    if (lagging.type !== 'lagging') throw new Error(lagging.type);
    expect(lagging.keyResults.map((k) => k.ref)).toEqual(['KR-1']);
    expect(lagging.keyResults[0]!.lag!.reasons[0]).toMatchObject({ type: 'behind_pace', actualPercent: 20, currentValue: 20 });
    const reason = lagging.keyResults[0]!.lag!.reasons[0]!;
    expect(reason.type === 'behind_pace' && reason.expectedPercent).toBeGreaterThan(45);
    // A member sees only their own lagging KRs; the team's manager sees the reports' too.
    const laggingFor = async (actor: Actor) => {
      const outcome = await run(actor, { verb: 'lagging' });
      return outcome.type === 'lagging' ? outcome.keyResults.map((k) => k.ref) : [];
    };
    expect(await laggingFor(org.carol)).toEqual([]);
    expect(await laggingFor(org.manager)).toEqual(['KR-1']);
  });

  it('should keep the incremental roll-up equal to a full recompute', async () => {
    await run(org.admin, { verb: 'new', title: 'Company', level: 'company' });
    await run(org.manager, { verb: 'new', title: 'Team', team: { name: 'eng' }, parent: O(1) });
    await run(org.alice, { verb: 'new', title: 'Alice', parent: O(2), weight: 2 });
    await run(org.bob, { verb: 'new', title: 'Bob', parent: O(2) });
    for (const [actor, o] of [[org.admin, 1], [org.alice, 3], [org.bob, 4], [org.alice, 3]] as const) {
      await run(actor, { verb: 'kr_add', objective: O(o), spec: { title: `KR of O-${o}`, kind: 'increase', start: 0, target: 10 } });
    }
    const values = [3, 7, 12, -2, 5, 9];
    for (const [i, v] of values.entries()) {
      const kr = (i % 4) + 1;
      const actor = kr === 1 ? org.admin : kr === 3 ? org.bob : org.alice;
      await run(actor, { verb: 'update', keyResult: KR(kr), value: { mode: 'absolute', quantity: { value: v } } });
    }
    await run(org.alice, { verb: 'edit', target: O(3), changes: { weight: 3 } });
    await run(org.bob, { verb: 'align', child: O(4), parent: O(1) });
    const before = await t.db.selectFrom('objective').select(['id', 'progress']).orderBy('id').execute();
    const repaired = await recomputeRollUp(deps(), org.workspaceId, org.cycleId);
    expect(repaired.changed).toBe(0);
    expect(before.every((o) => o.progress >= 0 && o.progress <= 1)).toBe(true);
    // The repair path puts back exactly what the incremental path had, from corrupted caches.
    await t.db.updateTable('objective').set({ progress: 0.999 }).execute();
    expect((await recomputeRollUp(deps(), org.workspaceId, org.cycleId)).changed).toBe(before.length);
    const after = await t.db.selectFrom('objective').select(['id', 'progress']).orderBy('id').execute();
    after.forEach((o, i) => expect(o.progress).toBeCloseTo(before[i]!.progress, 12));
  });

  it('should write one audit row per mutation and none for reads', async () => {
    await run(org.alice, { verb: 'new', title: 'Grow' });
    await run(org.alice, { verb: 'kr_add', objective: O(1), spec: { title: 'Leads from 0 to 60', kind: 'increase', start: 0, target: 60 } });
    await run(org.alice, { verb: 'update', keyResult: KR(1), value: { mode: 'absolute', quantity: { value: 10 } } });
    await run(org.alice, { verb: 'show', target: KR(1) });
    await run(org.alice, { verb: 'list', scope: { type: 'me' } });
    await run(org.bob, { verb: 'comment', target: KR(1), text: 'nice' });
    await run(org.bob, { verb: 'blocker', target: KR(1), text: 'legal', helper: { name: 'Alice' } });
    await run(org.alice, { verb: 'resolve', blocker: { type: 'blocker', number: 1 } });
    await run(org.alice, { verb: 'score', target: O(1), score: 0.6 });
    const actions = await t.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'objective.create', 'key_result.create', 'key_result.check_in', 'feedback.comment', 'feedback.blocker', 'blocker.resolve', 'score.set',
    ]);
  });

  it('should record a check-in once per idempotency key', async () => {
    await run(org.alice, { verb: 'new', title: 'Grow' });
    await run(org.alice, { verb: 'kr_add', objective: O(1), spec: { title: 'Leads from 0 to 60', kind: 'increase', start: 0, target: 60 } });
    const input = { keyResult: KR(1), value: { mode: 'absolute' as const, quantity: { value: 10 } }, source: 'api' as const, idempotencyKey: 'crm-42' };
    await recordCheckIn(deps(), org.alice, input);
    await recordCheckIn(deps(), org.alice, { ...input, value: { mode: 'absolute', quantity: { value: 99 } } });
    const rows = await t.db.selectFrom('check_in').select('value').execute();
    expect(rows).toEqual([{ value: 10 }]);
  });

  it('should review a cycle with suggested and set scores', async () => {
    await run(org.alice, { verb: 'new', title: 'Grow' });
    await run(org.alice, { verb: 'kr_add', objective: O(1), spec: { title: 'Leads from 0 to 10', kind: 'increase', start: 0, target: 10 } });
    await run(org.alice, { verb: 'update', keyResult: KR(1), value: { mode: 'absolute', quantity: { value: 7 } } });
    await run(org.alice, { verb: 'score', target: KR(1), score: 0.8, note: 'close enough' });
    const review = await run(org.alice, { verb: 'review' });
    if (review.type !== 'review') throw new Error(review.type);
    expect(review.report.cycleName).toBe('2026-Q4');
    expect(review.report.objectives[0]!.keyResults[0]).toMatchObject({ ref: 'KR-1', suggested: 0.7, score: 0.8, note: 'close enough' });
    expect(review.report.objectives[0]!.score.suggested).toBe(0.8);
    expect(review.report.stats).toMatchObject({ objectives: 1, keyResults: 1, checkIns: 1, delivered: 1 });
  });
});
