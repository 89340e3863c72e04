import type { Command } from '../../../src/domain/command/command';
import type { Actor } from '../../../src/domain/member';
import { insertKpi, insertReading } from '../../../src/db/kpi.repository';
import { deliverPending } from '../../../src/use-cases/delivery/deliver-pending';
import { afterKpiReadings } from '../../../src/use-cases/kpi-health/after-kpi-readings';
import { confirmKpiValue } from '../../../src/use-cases/kpi-health/confirm-kpi-value';
import { logKpiReading } from '../../../src/use-cases/kpis';
import { runCommand } from '../../../src/use-cases/run-command';
import { createOrg, type Org } from '../../support/factories';
import { recordingNotifier, type Delivered } from '../../support/recording-notifier';
import { openTestDb, type TestDb } from '../../support/test-db';

// NPS: weekly, higher is better, target 45, green from 40, yellow from 30. Weeks are ISO weeks:
// 2026-11-02, -09, -16, -23 and -30 are Mondays.
let t: TestDb;
let org: Org;
let notifier: ReturnType<typeof recordingNotifier>;
let kpiId: number;
const now = new Date('2026-12-20T00:00:00Z');
const deps = () => ({ db: t.db, clock: { now: () => now } });

beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  org = await createOrg(t.db);
  notifier = recordingNotifier();
  const kpi = await insertKpi(t.db, {
    workspaceId: org.workspaceId, key: 'nps', name: 'Net Promoter Score', unit: 'pts', ownerId: org.bob.memberId, teamId: org.teamId, direction: 'up',
    target: 45, thresholdKind: 'at_least', greenMin: 40, greenMax: null, yellowMin: 30, yellowMax: null, frequency: 'weekly',
  });
  kpiId = kpi!.id;
});

async function run(actor: Actor, cmd: Command) {
  const result = await runCommand(deps(), actor, cmd);
  if (!result.ok) throw new Error(`${cmd.verb}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Logs a reading the way `/kpi log` does and delivers what it queued. */
async function log(value: number, date: string): Promise<Delivered[]> {
  const logged = await logKpiReading(deps(), org.admin, 'nps', value, date);
  expect(logged.ok).toBe(true);
  const before = notifier.delivered.length;
  await deliverPending(deps(), () => notifier);
  return notifier.delivered.slice(before);
}

const alerts = (list: readonly Delivered[]) => list.filter((d) => d.notice.notice.type === 'kpi_alert');
const confirms = (list: readonly Delivered[]) => list.filter((d) => d.notice.notice.type === 'kpi_linked_update');
const to = (d: Delivered) => (d.notice.to.kind === 'member' ? d.notice.to.externalId : d.notice.to.channelRef);
const setChannel = (ref: string | null) => t.db.updateTable('team').set({ channel_ref: ref }).where('id', '=', org.teamId).execute();

describe('KPI health alerts', () => {
  it('should alert the team channel once after 3 weeks below target, not again while it stays there, and again after a relapse', async () => {
    await setChannel('C-ENG');
    // Below target (45) but green (≥ 40): only the streak can alert. Two readings in one week count once.
    expect(alerts(await log(42, '2026-11-02'))).toHaveLength(0);
    expect(alerts(await log(41, '2026-11-09'))).toHaveLength(0);
    expect(alerts(await log(44, '2026-11-11'))).toHaveLength(0);
    const third = alerts(await log(43, '2026-11-16'));
    expect(third.map(to)).toEqual(['C-ENG']);
    const n = third[0]!.notice.notice;
    if (n.type !== 'kpi_alert') throw new Error(n.type);
    expect(n.reasons).toEqual([{ kind: 'below_target', periods: 3 }]);
    expect(n.band).toBe('green');
    expect(n.kpi.latest?.value).toBe(43);
    expect(n.trend.map((r) => [r.on, r.value])).toEqual([['2026-11-02', 42], ['2026-11-11', 44], ['2026-11-16', 43]]);

    expect(alerts(await log(42, '2026-11-23'))).toHaveLength(0);
    expect(alerts(await log(42, '2026-11-24'))).toHaveLength(0);
    // Recovery, then three more weeks below: heard again, once.
    expect(alerts(await log(46, '2026-11-30'))).toHaveLength(0);
    expect(alerts(await log(44, '2026-12-07'))).toHaveLength(0);
    expect(alerts(await log(44, '2026-12-14'))).toHaveLength(0);
    expect(alerts(await log(44, '2026-12-15'))).toHaveLength(0);
    expect(alerts(await log(44, '2026-12-21'))).toHaveLength(1);
    expect(alerts(notifier.delivered)).toHaveLength(2);
  });

  it('should follow the KPI setting for the number of periods, and a missing week breaks the streak', async () => {
    await t.db.updateTable('kpi').set({ alert_after: 2 }).where('id', '=', kpiId).execute();
    expect(alerts(await log(42, '2026-11-02'))).toHaveLength(0);
    // 2026-11-09 has no reading: the streak starts again on the 16th.
    expect(alerts(await log(42, '2026-11-16'))).toHaveLength(0);
    expect(alerts(await log(42, '2026-11-23')).map(to)).toEqual(['acme:Mia']);
  });

  it('should alert when the band worsens, not while it stays, not when it improves', async () => {
    await t.db.updateTable('kpi').set({ alert_after: 52 }).where('id', '=', kpiId).execute();
    expect(alerts(await log(50, '2026-11-02'))).toHaveLength(0);
    const yellow = alerts(await log(35, '2026-11-09'));
    // No channel: the team's manager hears it.
    expect(yellow.map(to)).toEqual(['acme:Mia']);
    expect(yellow[0]!.notice.notice).toMatchObject({ bandBefore: 'green', band: 'yellow', reasons: [{ kind: 'band_worsened', from: 'green', to: 'yellow' }] });
    expect(alerts(await log(33, '2026-11-16'))).toHaveLength(0);
    expect(alerts(await log(41, '2026-11-23'))).toHaveLength(0);
    const red = alerts(await log(20, '2026-11-30'));
    expect(red[0]!.notice.notice).toMatchObject({ bandBefore: 'green', band: 'red' });
    // Yellow after red is better: nothing. Red again after that is worse: heard.
    expect(alerts(await log(31, '2026-12-07'))).toHaveLength(0);
    expect(alerts(await log(10, '2026-12-14'))).toHaveLength(1);
    expect(alerts(notifier.delivered)).toHaveLength(3);
  });

  it('should take the number of periods from /kpi new --alert-after', async () => {
    await run(org.admin, { verb: 'kpi_new', key: 'churn', name: 'Churn', direction: 'down', target: { value: 2 }, alertAfter: 5 });
    await run(org.admin, { verb: 'kpi_new', key: 'csat', name: 'CSAT' });
    const rows = await t.db.selectFrom('kpi').select(['key', 'alert_after']).where('key', 'in', ['churn', 'csat']).orderBy('key').execute();
    expect(rows).toEqual([{ key: 'churn', alert_after: 5 }, { key: 'csat', alert_after: 3 }]);
  });

  it('should tell the KPI owner when the KPI has no team, and nobody about a back-dated reading that changes nothing', async () => {
    await t.db.updateTable('kpi').set({ team_id: null }).where('id', '=', kpiId).execute();
    expect(alerts(await log(20, '2026-11-16')).map(to)).toEqual(['acme:Bob']);
    expect(alerts(await log(10, '2026-11-02'))).toHaveLength(0);
    const memory = await t.db.selectFrom('kpi_alert').selectAll().where('kpi_id', '=', kpiId).executeTakeFirstOrThrow();
    expect(memory).toMatchObject({ band: 'red', alert_count: 1 });
  });
});

describe('KPI-linked key results', () => {
  beforeEach(async () => {
    await run(org.alice, { verb: 'new', title: 'Delight customers' });
    await run(org.alice, { verb: 'kr_add', objective: { type: 'objective', number: 1 }, spec: { title: 'Raise NPS to 60', kind: 'increase', start: 30, target: 60 } });
    await run(org.alice, { verb: 'kpi_link', keyResult: { type: 'key_result', number: 1 }, key: 'nps' });
  });
  const keyResult = () => t.db.selectFrom('key_result').selectAll().where('ref', '=', 1).executeTakeFirstOrThrow();

  it('should move the key result with its KPI, audited, and ask its owner once per batch', async () => {
    const first = await log(42, '2026-11-16');
    expect(confirms(first).map(to)).toEqual(['acme:Alice']);
    const kr = await keyResult();
    expect(kr.current_value).toBe(42);
    expect(kr.progress).toBeCloseTo(0.4);
    const objective = await t.db.selectFrom('objective').select('progress').where('ref', '=', 1).executeTakeFirstOrThrow();
    expect(objective.progress).toBeCloseTo(0.4);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'key_result.follow_kpi').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ current_value: null });

    // A batch of three readings, as the API writes them: one transaction, one question.
    await t.db.transaction().execute(async (trx) => {
      for (const [value, on] of [[44, '2026-11-23'], [47, '2026-11-24'], [49, '2026-11-25']] as const) {
        await insertReading(trx, { workspaceId: org.workspaceId, kpiId, value, observedOn: on, source: 'api', authorId: null });
      }
      await afterKpiReadings(trx, org.workspaceId, [kpiId, kpiId], now);
    });
    await deliverPending(deps(), () => notifier);
    const asked = confirms(notifier.delivered);
    expect(asked).toHaveLength(2);
    const n = asked[1]!.notice.notice;
    if (n.type !== 'kpi_linked_update') throw new Error(n.type);
    expect(n.kpi.latest?.value).toBe(49);
    expect(n.previous).toMatchObject({ on: '2026-11-16', value: 42 });
    expect((await keyResult()).current_value).toBe(49);

    // Running it again for the same readings asks nothing new.
    await t.db.transaction().execute((trx) => afterKpiReadings(trx, org.workspaceId, [kpiId], now));
    await deliverPending(deps(), () => notifier);
    expect(confirms(notifier.delivered)).toHaveLength(2);
  });

  it('should record the confirmation as a chat check-in with the KPI value, or the owner’s own', async () => {
    await log(42, '2026-11-16');
    const kr = await keyResult();
    const confirmed = await confirmKpiValue(deps(), org.alice, { keyResultId: kr.id, confidence: 'on_track', idempotencyKey: 'click-1' });
    expect(confirmed.ok).toBe(true);
    const again = await confirmKpiValue(deps(), org.alice, { keyResultId: kr.id, confidence: 'on_track', idempotencyKey: 'click-1' });
    expect(again.ok).toBe(true);
    const adjusted = await confirmKpiValue(deps(), org.alice, { keyResultId: kr.id, value: 40, confidence: 'at_risk', note: 'survey was small' });
    expect(adjusted.ok).toBe(true);
    const checkIns = await t.db.selectFrom('check_in').select(['value', 'confidence', 'source', 'author_id', 'note']).where('key_result_id', '=', kr.id).orderBy('id').execute();
    expect(checkIns).toEqual([
      { value: 42, confidence: 'on_track', source: 'chat', author_id: org.alice.memberId, note: null },
      { value: 40, confidence: 'at_risk', source: 'chat', author_id: org.alice.memberId, note: 'survey was small' },
    ]);
    // Someone else may not confirm Alice's key result.
    expect((await confirmKpiValue(deps(), org.carol, { keyResultId: kr.id, confidence: 'on_track' })).ok).toBe(false);
  });

  it('should not ask about a closed key result', async () => {
    await t.db.updateTable('key_result').set({ status: 'closed' }).where('ref', '=', 1).execute();
    expect(confirms(await log(42, '2026-11-16'))).toHaveLength(0);
    expect((await keyResult()).current_value).toBeNull();
  });
});
