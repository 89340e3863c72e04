import { fixedClock } from '../../src/ports/clock';
import { runCommand } from '../../src/use-cases/run-command';
import type { Command } from '../../src/domain/command/command';
import type { Actor } from '../../src/domain/member';
import { createOrg, type Org } from '../support/factories';
import { call, kpiIn, readingCount, startApiHarness, tokenFor, type ApiHarness } from '../support/api-harness';

// Writes through the REST API over HTTP: KPI readings (single, batch, idempotent, all or nothing),
// check-ins, and reading back what was written.

const clock = fixedClock('2026-11-24T10:00:00Z');
let h: ApiHarness;
let acme: Org;
let token: string;
let npsId: number;

async function run(actor: Actor, cmd: Command): Promise<void> {
  const result = await runCommand({ db: h.db.db, clock }, actor, cmd);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
}

beforeAll(async () => {
  h = await startApiHarness(clock);
}, 60_000);
afterAll(() => h.close());
beforeEach(async () => {
  await h.db.reset();
  acme = await createOrg(h.db.db, 'acme');
  npsId = await kpiIn(h.db, acme.workspaceId, 'nps');
  token = await tokenFor(h.db, clock, acme.admin, 'crm');
});

const day = (i: number): string => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const readings = (n: number) => Array.from({ length: n }, (_, i) => ({ value: i, observedOn: day(i) }));

describe('POST /kpis/{key}/readings', () => {
  it('should write one reading, default its day to today and move the KPI like /kpi log', async () => {
    const res = await call(`${h.apiUrl}/kpis/nps/readings`, { token, body: { value: 42 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1, kpi: { key: 'nps', latest: { value: 42, observedOn: '2026-11-24' }, band: 'green' } });
    const row = await h.db.db.selectFrom('kpi_reading').select(['source', 'author_id']).executeTakeFirstOrThrow();
    expect(row).toEqual({ source: 'api', author_id: acme.admin.memberId });
    const detail = await call(`${h.apiUrl}/kpis/NPS`, { token });
    expect(detail.body).toMatchObject({ key: 'nps', latest: { value: 42 }, readings: [{ observedOn: '2026-11-24', value: 42, source: 'api' }] });
  });

  it('should write a repeated Idempotency-Key once and answer the same body', async () => {
    const send = () => call(`${h.apiUrl}/kpis/nps/readings`, { token, body: { readings: [{ value: 30, observedOn: '2026-11-20' }, { value: 35 }] }, headers: { 'Idempotency-Key': 'crm-sync-77' } });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await readingCount(h.db, npsId)).toBe(2);
  });

  it('should write a repeated body idempotencyKey once', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await call(`${h.apiUrl}/kpis/nps/readings`, { token, body: { value: 44, idempotencyKey: 'row-1' } });
      expect(res.body.accepted).toBe(1);
    }
    expect(await readingCount(h.db, npsId)).toBe(1);
  });

  it('should write a batch of 1,000 readings in one request and take the latest by date', async () => {
    const res = await call(`${h.apiUrl}/kpis/nps/readings`, { token, body: { readings: readings(1000).reverse() } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1000, kpi: { latest: { value: 999, observedOn: day(999) } } });
    expect(await readingCount(h.db, npsId)).toBe(1000);
  });

  it('should write nothing of a batch whose 1,000th reading is invalid, or that has 1,001', async () => {
    const bad = readings(1000) as { value: unknown; observedOn: string }[];
    bad[999] = { value: 'n/a', observedOn: day(999) };
    const res = await call(`${h.apiUrl}/kpis/nps/readings`, { token, body: { readings: bad } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_body', field: 'readings.999.value' });
    const tooMany = await call(`${h.apiUrl}/kpis/nps/readings`, { token, body: { readings: readings(1001) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.field).toBe('readings');
    expect(await readingCount(h.db, npsId)).toBe(0);
    const kpi = await h.db.db.selectFrom('kpi').select('latest_value').where('id', '=', npsId).executeTakeFirstOrThrow();
    expect(kpi.latest_value).toBeNull();
  });
});

describe('POST /key-results/{ref}/check-ins and the reads', () => {
  beforeEach(async () => {
    await run(acme.alice, { verb: 'new', title: 'Delight our customers' });
    await run(acme.alice, { verb: 'kr_add', objective: { type: 'objective', number: 1 }, spec: { title: 'Raise NPS from 30 to 50', kind: 'increase', start: 30, target: 50 } });
  });

  it('should move the key result as the token’s creator, with source api', async () => {
    const res = await call(`${h.apiUrl}/key-results/KR-1/check-ins`, { token, body: { value: 40, confidence: 'at_risk', note: 'from CRM' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ previous: null, objectiveRef: 'O-1', keyResult: { ref: 'KR-1', current: 40, progress: 0.5, confidence: 'at_risk' } });
    const checkIn = await h.db.db.selectFrom('check_in').select(['source', 'author_id', 'value', 'note']).executeTakeFirstOrThrow();
    expect(checkIn).toEqual({ source: 'api', author_id: acme.admin.memberId, value: 40, note: 'from CRM' });
    const krs = await call(`${h.apiUrl}/key-results`, { token });
    expect(krs.body).toMatchObject({ cycle: { name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' }, keyResults: [{ ref: 'KR-1', current: 40, owner: 'Alice' }] });
    const objectives = await call(`${h.apiUrl}/objectives`, { token });
    expect(objectives.body.objectives).toMatchObject([{ ref: 'O-1', progress: 0.5, owner: 'Alice', keyResults: [{ ref: 'KR-1' }] }]);
  });

  it('should record a check-in with a repeated idempotency key once', async () => {
    for (const value of [40, 45]) {
      const res = await call(`${h.apiUrl}/key-results/kr1/check-ins`, { token, body: { value }, headers: { 'Idempotency-Key': 'ci-1' } });
      expect(res.status).toBe(200);
    }
    const rows = await h.db.db.selectFrom('check_in').select('value').execute();
    expect(rows).toEqual([{ value: 40 }]);
  });

  it('should answer 404 for a key result that does not exist, and 403 when the creator may not change it', async () => {
    expect((await call(`${h.apiUrl}/key-results/KR-99/check-ins`, { token, body: { value: 1 } })).status).toBe(404);
    expect((await call(`${h.apiUrl}/key-results/O-1/check-ins`, { token, body: { value: 1 } })).status).toBe(404);
    await h.db.db.updateTable('member').set({ role: 'member' }).where('id', '=', acme.admin.memberId).execute();
    const res = await call(`${h.apiUrl}/key-results/KR-1/check-ins`, { token, body: { value: 41 } });
    expect(res.status).toBe(403);
    expect(await h.db.db.selectFrom('check_in').select('id').execute()).toEqual([]);
  });

  it('should answer 404 for an unknown cycle', async () => {
    const res = await call(`${h.apiUrl}/objectives?cycle=1999-Q1`, { token });
    expect(res.status).toBe(404);
  });
});
