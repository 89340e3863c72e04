import { fixedClock } from '../../src/ports/clock';
import { revokeApiToken } from '../../src/use-cases/api-tokens';
import { createOrg, type Org } from '../support/factories';
import { call, kpiIn, readingCount, startApiHarness, tokenFor, type ApiHarness } from '../support/api-harness';

// The REST API over HTTP against the production web app: authentication, workspace isolation,
// validation errors and the OpenAPI document. Ingest and check-ins: api-ingest.e2e.test.ts.

const clock = fixedClock('2026-11-24T10:00:00Z');
let h: ApiHarness;
let acme: Org;
let globex: Org;
let token: string;
let npsId: number;

beforeAll(async () => {
  h = await startApiHarness(clock);
  acme = await createOrg(h.db.db, 'acme');
  globex = await createOrg(h.db.db, 'globex');
  npsId = await kpiIn(h.db, acme.workspaceId, 'nps');
  await kpiIn(h.db, globex.workspaceId, 'revenue');
  token = await tokenFor(h.db, clock, acme.admin, 'crm');
}, 60_000);
afterAll(() => h.close());

describe('API authentication', () => {
  it('should answer 401 JSON without a token, with a malformed one and with an unknown one', async () => {
    const unknown = `okr_${'A'.repeat(43)}`;
    for (const attempt of [undefined, 'nonsense', unknown, `${token}x`]) {
      const res = await call(`${h.apiUrl}/kpis`, attempt === undefined ? {} : { token: attempt });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'unauthorized' });
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await call(`${h.apiUrl}/kpis`, { headers: { authorization: `Basic ${token}` } })).status).toBe(401);
  });

  it('should refuse a revoked token from the moment it is revoked', async () => {
    const temp = await tokenFor(h.db, clock, acme.admin, 'temp');
    expect((await call(`${h.apiUrl}/kpis`, { token: temp })).status).toBe(200);
    const revoked = await revokeApiToken({ db: h.db.db, clock }, acme.admin, 'temp');
    expect(revoked.ok).toBe(true);
    const res = await call(`${h.apiUrl}/kpis/nps/readings`, { token: temp, body: { value: 41 } });
    expect(res.status).toBe(401);
    expect(await readingCount(h.db, npsId)).toBe(0);
  });

  it('should answer 401 before looking at the body', async () => {
    const res = await call(`${h.apiUrl}/kpis/nps/readings`, { rawBody: '{not json' });
    expect(res.status).toBe(401);
  });

  it('should record when a token was last used', async () => {
    await call(`${h.apiUrl}/kpis`, { token });
    const row = await h.db.db.selectFrom('api_token').select('last_used_at').where('name', '=', 'crm').executeTakeFirstOrThrow();
    expect(row.last_used_at?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
});

describe('API workspace isolation', () => {
  it('should answer 404 for another workspace’s KPI exactly as for a KPI that does not exist', async () => {
    const theirs = await call(`${h.apiUrl}/kpis/revenue/readings`, { token, body: { value: 1 } });
    const nobodys = await call(`${h.apiUrl}/kpis/nothing/readings`, { token, body: { value: 1 } });
    expect(theirs.status).toBe(404);
    expect(nobodys.status).toBe(404);
    expect(theirs.body.error).toBe('not_found');
    expect(Object.keys(theirs.body).sort()).toEqual(Object.keys(nobodys.body).sort());
    expect((await call(`${h.apiUrl}/kpis/revenue`, { token })).status).toBe(404);
    const rows = await h.db.db.selectFrom('kpi_reading').select('id').where('workspace_id', '=', globex.workspaceId).execute();
    expect(rows).toEqual([]);
  });

  it('should list only the token’s workspace', async () => {
    const res = await call(`${h.apiUrl}/kpis`, { token });
    expect(res.status).toBe(200);
    expect(res.body.kpis.map((k: { key: string }) => k.key)).toEqual(['nps']);
  });
});

describe('API validation', () => {
  const post = (body: unknown) => call(`${h.apiUrl}/kpis/nps/readings`, { token, body });

  it('should name the first bad field of a batch', async () => {
    const res = await post({ readings: [{ value: 1 }, { value: 2 }, { value: 3 }, { value: 'four' }, { value: 'five' }] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_body', field: 'readings.3.value' });
    expect(typeof res.body.message).toBe('string');
  });

  it.each([
    [{ value: 1, observed_on: '2026-11-01' }, 'observed_on'],
    [{ value: 1, observedOn: '2026-02-30' }, 'observedOn'],
    [{ value: 1e16 }, 'value'],
    [{ observedOn: '2026-11-01' }, 'value'],
    [{ readings: [] }, 'readings'],
    [{ readings: [{ value: 1, idempotencyKey: '' }] }, 'readings.0.idempotencyKey'],
    [[{ value: 1 }], ''],
  ])('should refuse %j naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_body', field });
  });

  it('should refuse JSON that does not parse, and a bad query parameter', async () => {
    const bad = await call(`${h.apiUrl}/kpis/nps/readings`, { token, rawBody: '{"value": ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_json');
    const limit = await call(`${h.apiUrl}/kpis/nps?limit=0`, { token });
    expect(limit.status).toBe(400);
    expect(limit.body).toMatchObject({ error: 'invalid_body', field: 'query.limit' });
    expect(await readingCount(h.db, npsId)).toBe(0);
  });

  it('should answer unknown routes with 404 JSON', async () => {
    const res = await call(`${h.apiUrl}/nothing-here`, { token });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not_found');
  });
});

describe('API OpenAPI document', () => {
  it('should serve an OpenAPI 3.1 document of every path without a token', async () => {
    const res = await call(`${h.apiUrl}/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.servers).toEqual([{ url: '/api/v1' }]);
    expect(Object.keys(res.body.paths).sort()).toEqual(
      ['/export/{kind}', '/import/{kind}', '/key-results', '/key-results/{ref}/check-ins', '/kpis', '/kpis/{key}', '/kpis/{key}/readings', '/objectives', '/openapi.json'].sort(),
    );
    expect(res.body.paths['/kpis/{key}/readings'].post.security).toEqual([{ bearer: [] }]);
    expect(res.body.components.schemas.ReadingBatch.properties.readings.maxItems).toBe(1000);
  });
});

describe('API CSV', () => {
  it('should export the org chart as CSV and dry-run it back as unchanged, refusing a non-admin', async () => {
    const exported = await fetch(`${h.apiUrl}/export/org`, { headers: { authorization: `Bearer ${token}` } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const file = await exported.text();
    expect(file).toContain('Alice');
    const dryRun = await fetch(`${h.apiUrl}/import/org?dryRun=true`, { method: 'POST', body: file, headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' } });
    expect(dryRun.status).toBe(200);
    const report = (await dryRun.json()) as { applied: boolean; summary: { create: number; update: number; errors: number } };
    expect(report).toMatchObject({ applied: false, summary: { create: 0, update: 0, errors: 0 } });
    const member = await tokenFor(h.db, clock, acme.admin, 'for-alice');
    await h.db.db.updateTable('api_token').set({ created_by: acme.alice.memberId }).where('name', '=', 'for-alice').execute();
    expect((await fetch(`${h.apiUrl}/export/org`, { headers: { authorization: `Bearer ${member}` } })).status).toBe(403);
  });
});
