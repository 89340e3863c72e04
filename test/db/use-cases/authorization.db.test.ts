import { fixedClock } from '../../../src/ports/clock';
import type { Command } from '../../../src/domain/command/command';
import type { Actor } from '../../../src/domain/member';
import { runCommand } from '../../../src/use-cases/run-command';
import { createOrg, goalState, type Org } from '../../support/factories';
import { openTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
let org: Org;
let other: Org;
const deps = () => ({ db: t.db, clock: fixedClock('2026-11-15T12:00:00Z') });
const O = (n: number) => ({ type: 'objective' as const, number: n });
const KR = (n: number) => ({ type: 'key_result' as const, number: n });
const update = (n: number, value = 5): Command => ({ verb: 'update', keyResult: KR(n), value: { mode: 'absolute', quantity: { value } } });

beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  org = await createOrg(t.db, 'acme');
  other = await createOrg(t.db, 'globex');
  // acme: Alice owns O-1 with KR-1; globex: Alice owns O-1 with KR-1 too (refs are per workspace).
  for (const o of [org, other]) {
    await must(o.alice, { verb: 'new', title: 'Grow', team: { name: 'eng' } });
    await must(o.alice, { verb: 'kr_add', objective: O(1), spec: { title: 'Leads from 0 to 10', kind: 'increase', start: 0, target: 10 } });
  }
});

async function must(actor: Actor, cmd: Command) {
  const r = await runCommand(deps(), actor, cmd);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function refusedWithoutChange(actor: Actor, cmd: Command) {
  const before = await goalState(t.db);
  const r = await runCommand(deps(), actor, cmd);
  expect(await goalState(t.db)).toEqual(before);
  return r.ok ? undefined : r.error;
}

describe('authorization', () => {
  it('should refuse a member updating someone else’s key result, changing nothing', async () => {
    expect(await refusedWithoutChange(org.bob, update(1))).toEqual({ code: 'forbidden', ref: 'KR-1' });
    expect(await refusedWithoutChange(org.carol, { verb: 'edit', target: O(1), changes: { title: 'Mine now' } })).toEqual({ code: 'forbidden', ref: 'O-1' });
    expect(await refusedWithoutChange(org.carol, { verb: 'close', target: KR(1), reopen: false })).toEqual({ code: 'forbidden', ref: 'KR-1' });
    expect(await refusedWithoutChange(org.bob, { verb: 'score', target: O(1), score: 1 })).toEqual({ code: 'forbidden', ref: 'O-1' });
    expect(await refusedWithoutChange(org.bob, { verb: 'kr_add', objective: O(1), spec: { title: 'x', kind: 'milestone', start: 0, target: 1 } })).toEqual({ code: 'forbidden', ref: 'O-1' });
  });

  it('should let the owner’s manager, the team’s manager and admins change the goal', async () => {
    for (const actor of [org.alice, org.manager, org.admin]) {
      const r = await runCommand(deps(), actor, update(1, actor.memberId));
      expect(r.ok).toBe(true);
    }
  });

  it('should keep company objectives for admins and team objectives for the team', async () => {
    expect(await refusedWithoutChange(org.alice, { verb: 'new', title: 'Rule the world', level: 'company' })).toEqual({ code: 'admin_only' });
    expect(await refusedWithoutChange(org.carol, { verb: 'new', title: 'Infiltrate eng', team: { name: 'eng' } })).toEqual({ code: 'forbidden', ref: '#eng' });
    expect(await refusedWithoutChange(org.carol, { verb: 'kpi_new', key: 'nps', name: 'NPS' })).toEqual({ code: 'admin_only' });
  });

  it('should treat a reference from another workspace as not found', async () => {
    // globex has KR-1 and O-1, but acme's Carol asking for KR-2 / O-2 must not see anything of globex.
    const r = await refusedWithoutChange(org.alice, update(2));
    expect(r).toMatchObject({ code: 'not_found', what: 'KR-2' });
    const s = await runCommand(deps(), org.alice, { verb: 'show', target: O(2) });
    expect(s.ok).toBe(false);
    // Updating acme's KR-1 as acme's Alice touches acme's row only.
    await must(org.alice, update(1, 7));
    const rows = await t.db.selectFrom('key_result').select(['workspace_id', 'current_value']).orderBy('workspace_id').execute();
    expect(rows).toEqual([
      { workspace_id: org.workspaceId, current_value: 7 },
      { workspace_id: other.workspaceId, current_value: null },
    ]);
  });

  it('should refuse alignment that would form a cycle or climb levels', async () => {
    await must(org.alice, { verb: 'new', title: 'Team child', team: { name: 'eng' }, parent: O(1) });
    await must(org.alice, { verb: 'new', title: 'Personal' });
    expect(await refusedWithoutChange(org.alice, { verb: 'align', child: O(1), parent: O(2) })).toEqual({ code: 'alignment_cycle', ref: 'O-1', parentRef: 'O-2' });
    expect(await refusedWithoutChange(org.alice, { verb: 'align', child: O(1), parent: O(1) })).toEqual({ code: 'alignment_cycle', ref: 'O-1', parentRef: 'O-1' });
    expect(await refusedWithoutChange(org.manager, { verb: 'new', title: 'Team under personal', team: { name: 'eng' }, parent: O(3) })).toMatchObject({ code: 'alignment_level' });
  });

  it('should suggest close references when one is not found', async () => {
    await must(org.alice, { verb: 'kr_add', objective: O(1), spec: { title: 'Second', kind: 'milestone', start: 0, target: 1 } });
    expect(await refusedWithoutChange(org.alice, update(21))).toEqual({ code: 'not_found', what: 'KR-21', suggestions: ['KR-2', 'KR-1'] });
    expect(await refusedWithoutChange(org.alice, { verb: 'show', target: { type: 'title', text: 'nothing like it' } })).toMatchObject({ code: 'not_found' });
  });
});
