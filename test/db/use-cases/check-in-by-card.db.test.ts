import type { Command } from '../../../src/domain/command/command';
import type { Actor } from '../../../src/domain/member';
import { answerAwaitedValue } from '../../../src/use-cases/answer-awaited-value';
import { checkInByCard, promptCard } from '../../../src/use-cases/check-in-by-card';
import { runCommand } from '../../../src/use-cases/run-command';
import { runTick } from '../../../src/use-cases/scheduler/run-tick';
import { createOrg, rowCounts, type Org } from '../../support/factories';
import { openTestDb, type TestDb } from '../../support/test-db';

// Monday 2026-11-23 10:00 in Asia/Shanghai is 02:00Z: the team's default check-in time.
let t: TestDb;
let org: Org;
let now: Date;
const clock = { now: () => new Date(now) };
const deps = () => ({ db: t.db, clock });

beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  org = await createOrg(t.db);
  now = new Date('2026-11-20T00:00:00Z');
  await run(org.alice, { verb: 'new', title: 'Launch the beta' });
  await run(org.alice, { verb: 'kr_add', objective: { type: 'objective', number: 1 }, spec: { title: 'Sign 50 customers', kind: 'increase', start: 0, target: 50 } });
  await run(org.alice, { verb: 'kr_add', objective: { type: 'objective', number: 1 }, spec: { title: 'Ship 3 pilots', kind: 'increase', start: 0, target: 3 } });
  now = new Date('2026-11-23T02:30:00Z');
  await runTick(deps());
});

async function run(actor: Actor, cmd: Command) {
  const result = await runCommand(deps(), actor, cmd);
  if (!result.ok) throw new Error(`${cmd.verb}: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function alicesPrompt(): Promise<number> {
  const row = await t.db.selectFrom('check_in_prompt').select('id').where('member_id', '=', org.alice.memberId).executeTakeFirstOrThrow();
  return Number(row.id);
}

const krId = async (ref: number) => Number((await t.db.selectFrom('key_result').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()).id);

describe('checking in from a prompt card', () => {
  it('records the confidence, keeps the value, shows it on the redrawn card, and asks for the value', async () => {
    const promptId = await alicesPrompt();
    const fresh = await promptCard(deps(), org.alice, promptId);
    expect(fresh.ok && fresh.value.recorded).toEqual([]);
    expect(fresh.ok && fresh.value.view.keyResults.map((k) => k.ref)).toEqual(['KR-1', 'KR-2']);

    now = new Date('2026-11-23T03:00:00Z');
    const clicked = await checkInByCard(deps(), org.alice, { promptId, keyResultId: await krId(1), confidence: 'at_risk', idempotencyKey: 'click-1' });
    expect(clicked.ok).toBe(true);
    if (!clicked.ok) return;
    expect(clicked.value.keyResultRef).toBe('KR-1');
    expect(clicked.value.card.recorded).toEqual([{ keyResultId: await krId(1), confidence: 'at_risk' }]);
    const kr = await t.db.selectFrom('key_result').select(['confidence', 'current_value']).where('ref', '=', 1).executeTakeFirstOrThrow();
    expect(kr.confidence).toBe('at_risk');

    // The next bare value is the answer for KR-1, with a note; it keeps the confidence.
    now = new Date('2026-11-23T03:05:00Z');
    const answered = await answerAwaitedValue(deps(), org.alice, '12 waiting on legal', 'msg-1');
    expect(answered?.ok).toBe(true);
    const after = await t.db.selectFrom('key_result').select(['confidence', 'current_value']).where('ref', '=', 1).executeTakeFirstOrThrow();
    expect(Number(after.current_value)).toBe(12);
    expect(after.confidence).toBe('at_risk');
    // Answered: a later bare number is not taken as a value any more.
    expect(await answerAwaitedValue(deps(), org.alice, '13', 'msg-2')).toBeNull();
  });

  it('records a redelivered click once', async () => {
    const promptId = await alicesPrompt();
    const click = { promptId, keyResultId: await krId(2), confidence: 'on_track' as const, idempotencyKey: 'click-same' };
    await checkInByCard(deps(), org.alice, click);
    const counts = await rowCounts(t.db);
    const again = await checkInByCard(deps(), org.alice, click);
    expect(again.ok).toBe(true);
    expect((await rowCounts(t.db)).check_in).toBe(counts.check_in);
  });

  it("refuses someone else's prompt and changes nothing", async () => {
    const promptId = await alicesPrompt();
    const counts = await rowCounts(t.db);
    const stolen = await checkInByCard(deps(), org.bob, { promptId, keyResultId: await krId(1), confidence: 'off_track', idempotencyKey: 'x' });
    expect(stolen.ok).toBe(false);
    expect(await rowCounts(t.db)).toEqual(counts);
  });

  it('lets text that is not a value through to the grammar, and forgets the question after a day', async () => {
    const promptId = await alicesPrompt();
    await checkInByCard(deps(), org.alice, { promptId, keyResultId: await krId(1), confidence: 'at_risk', idempotencyKey: 'c' });
    expect(await answerAwaitedValue(deps(), org.alice, 'mine', 'm1')).toBeNull();
    now = new Date(now.getTime() + 25 * 3_600_000);
    expect(await answerAwaitedValue(deps(), org.alice, '40', 'm2')).toBeNull();
  });
});
