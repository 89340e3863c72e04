import { createHash } from 'node:crypto';
import { parseCommand } from '../../../src/domain/command/parse-command';
import { insertKpi } from '../../../src/db/kpi.repository';
import { fixedClock } from '../../../src/ports/clock';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from '../../../src/use-cases/api-tokens';
import { ingestKpiReadings } from '../../../src/use-cases/ingest-kpi-readings';
import { runCommand } from '../../../src/use-cases/run-command';
import { createOrg, rowCounts, type Org } from '../../support/factories';
import { openTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
let org: Org;
const deps = () => ({ db: t.db, clock: fixedClock('2026-11-24T10:00:00Z') });

beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  org = await createOrg(t.db);
});

async function newToken(name: string): Promise<string> {
  const created = await createApiToken(deps(), org.admin, name);
  if (!created.ok || created.value.type !== 'api_token_created') throw new Error(JSON.stringify(created));
  return created.value.token;
}

const tokenRows = () => t.db.selectFrom('api_token').selectAll().execute();

describe('API tokens', () => {
  it('should show a new token once and store only its SHA-256', async () => {
    const token = await newToken('crm');
    expect(token).toMatch(/^okr_[A-Za-z0-9_-]{43}$/);
    const [row] = await tokenRows();
    expect(row).toMatchObject({ name: 'crm', created_by: org.admin.memberId, revoked_at: null, last_used_at: null });
    expect(row!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const stored = JSON.stringify([await tokenRows(), await t.db.selectFrom('audit_log').selectAll().execute()]);
    expect(stored).not.toContain(token.slice(4));
    const list = await listApiTokens(deps(), org.admin);
    expect(list.ok && list.value).toEqual({ type: 'api_tokens', tokens: [{ name: 'crm', createdAt: expect.any(Date), lastUsedAt: null, creatorName: 'Admin' }] });
    expect(JSON.stringify(list)).not.toContain(row!.token_hash);
  });

  it('should give every token a different value', async () => {
    const tokens = await Promise.all(['a', 'b', 'c', 'd'].map(newToken));
    expect(new Set(tokens).size).toBe(4);
  });

  it('should refuse a second live token with the same name, in any case, and change nothing', async () => {
    await newToken('crm');
    const before = await rowCounts(t.db);
    expect(await createApiToken(deps(), org.admin, 'CRM')).toEqual({ ok: false, error: { code: 'token_exists', name: 'CRM' } });
    expect(await rowCounts(t.db)).toEqual(before);
    expect(await tokenRows()).toHaveLength(1);
  });

  it.each(['manager', 'alice'] as const)('should let only admins create, list or revoke tokens (%s may not)', async (who) => {
    await newToken('crm');
    const actor = org[who];
    const refused = { ok: false, error: { code: 'admin_only' } };
    expect(await createApiToken(deps(), actor, 'mine')).toEqual(refused);
    expect(await listApiTokens(deps(), actor)).toEqual(refused);
    expect(await revokeApiToken(deps(), actor, 'crm')).toEqual(refused);
    expect((await tokenRows()).map((r) => [r.name, r.revoked_at])).toEqual([['crm', null]]);
  });

  it('should authenticate a live token as its creator and refuse it once revoked', async () => {
    const token = await newToken('crm');
    expect(await authenticateApiToken(deps(), token)).toEqual({ tokenId: expect.any(Number), actor: { ...org.admin } });
    expect(await revokeApiToken(deps(), org.admin, 'Crm')).toEqual({ ok: true, value: { type: 'api_token_revoked', name: 'crm' } });
    expect(await authenticateApiToken(deps(), token)).toBeUndefined();
    const list = await listApiTokens(deps(), org.admin);
    expect(list.ok && list.value).toEqual({ type: 'api_tokens', tokens: [] });
    // A revoked token's name is free again, and the new token is a different one.
    expect(await newToken('crm')).not.toBe(token);
  });

  it('should refuse tokens that are malformed, unknown, or whose creator left', async () => {
    const token = await newToken('crm');
    expect(await authenticateApiToken(deps(), 'okr_short')).toBeUndefined();
    expect(await authenticateApiToken(deps(), `okr_${'x'.repeat(43)}`)).toBeUndefined();
    await t.db.updateTable('member').set({ active: false }).where('id', '=', org.admin.memberId).execute();
    expect(await authenticateApiToken(deps(), token)).toBeUndefined();
  });

  it('should say which live name was meant when revoking an unknown one', async () => {
    await newToken('crm-sync');
    expect(await revokeApiToken(deps(), org.admin, 'crm-snc')).toEqual({ ok: false, error: { code: 'not_found', what: 'crm-snc', suggestions: ['crm-sync'] } });
  });

  it('should run the Chinese commands through the same grammar', async () => {
    const parsed = parseCommand('okr', '令牌 新建 数据中台');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const result = await runCommand(deps(), org.admin, parsed.value);
    expect(result.ok && result.value.type).toBe('api_token_created');
    expect((await tokenRows()).map((r) => r.name)).toEqual(['数据中台']);
  });
});

describe('ingestKpiReadings', () => {
  it('should roll the whole batch back when the database refuses its last reading', async () => {
    const kpi = await insertKpi(t.db, {
      workspaceId: org.workspaceId, key: 'nps', name: 'NPS', unit: null, ownerId: null, teamId: null, direction: 'up', target: null,
      thresholdKind: 'at_least', greenMin: null, greenMax: null, yellowMin: null, yellowMax: null, frequency: 'weekly',
    });
    const readings = Array.from({ length: 1000 }, (_, i) => ({ value: i === 999 ? 1e16 : i, observedOn: '2026-11-01' }));
    const before = await rowCounts(t.db);
    await expect(ingestKpiReadings(deps(), org.admin, 'nps', readings)).rejects.toThrow();
    expect(await rowCounts(t.db)).toEqual(before);
    const after = await t.db.selectFrom('kpi').select('latest_value').where('id', '=', kpi!.id).executeTakeFirstOrThrow();
    expect(after.latest_value).toBeNull();
  });
});
