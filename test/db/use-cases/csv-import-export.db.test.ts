import type { CsvKind } from '../../../src/domain/csv/csv-issue';
import type { Actor } from '../../../src/domain/member';
import { insertMember } from '../../../src/db/member.repository';
import { fixedClock } from '../../../src/ports/clock';
import { exportCsv } from '../../../src/use-cases/csv/export-csv';
import { importCsv, type CsvImportReport } from '../../../src/use-cases/csv/import-csv';
import { emptyWorkspace, realisticWorkspace } from '../../support/csv-workspace';
import { rowCounts } from '../../support/factories';
import { openTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
const deps = () => ({ db: t.db, clock: fixedClock('2026-11-15T12:00:00Z') });
// Org first: goals and KPIs name people and teams; KPIs before goals, which link to them.
const KINDS: CsvKind[] = ['org', 'kpis', 'kpi-readings', 'okrs'];

beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(() => t.reset());

async function exported(actor: Actor, kind: CsvKind): Promise<string> {
  const r = await exportCsv(deps(), actor, kind);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function imported(actor: Actor, kind: CsvKind, text: string, dryRun = false): Promise<CsvImportReport> {
  const r = await importCsv(deps(), actor, kind, text, { dryRun });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('CSV import and export', () => {
  it('should export, import into an empty workspace and export the same files, and change nothing on a second import', async () => {
    const source = await realisticWorkspace(deps());
    const target = await emptyWorkspace(t.db, 'T_TARGET');
    for (const kind of KINDS) {
      const file = await exported(source, kind);
      const report = await imported(target, kind, file);
      expect({ kind, errors: report.errors, applied: report.applied }).toEqual({ kind, errors: [], applied: true });
      expect(await exported(target, kind)).toBe(file);
    }
    const counts = await rowCounts(t.db);
    for (const kind of KINDS) {
      const again = await imported(target, kind, await exported(source, kind));
      expect({ kind, ...again.summary, create: again.summary.create, update: again.summary.update }).toEqual({ kind, ...again.summary, create: 0, update: 0 });
    }
    expect(await rowCounts(t.db)).toEqual(counts);
  }, 60_000);

  it('should carry goals, alignment, values and links across, and keep numbering after the imported refs', async () => {
    const source = await realisticWorkspace(deps());
    const target = await emptyWorkspace(t.db, 'T_TARGET');
    for (const kind of KINDS) await imported(target, kind, await exported(source, kind));
    const okrs = await exported(target, 'okrs');
    expect(okrs.startsWith('\uFEFFtype,ref,cycle,')).toBe(true);
    expect(okrs).toContain('key_result,KR-1,,,,Coverage from 40 to 80,,"Li, ""Lee"" Wei",,O-2,1,active,increase,40,80,60,%,at_risk,linear,\r\n');
    expect(okrs).toContain("objective,O-3,2026-Q4,2026-10-01,2026-12-31,'=1+1 is not a formula,personal,U_WANG1,,O-2,2,active");
    const kr = await t.db.selectFrom('key_result').selectAll().where('workspace_id', '=', target.workspaceId).where('ref', '=', 1).executeTakeFirstOrThrow();
    expect([kr.current_value, kr.confidence, kr.progress]).toEqual([60, 'at_risk', 0.5]);
    const counter = await t.db.selectFrom('ref_counter').select(['kind', 'last_value']).where('workspace_id', '=', target.workspaceId).orderBy('kind').execute();
    expect(counter).toEqual([{ kind: 'KR', last_value: 6 }, { kind: 'O', last_value: 5 }]);
    const company = await t.db.selectFrom('objective').select('progress').where('workspace_id', '=', target.workspaceId).where('ref', '=', 1).executeTakeFirstOrThrow();
    const sourceCompany = await t.db.selectFrom('objective').select('progress').where('workspace_id', '=', source.workspaceId).where('ref', '=', 1).executeTakeFirstOrThrow();
    expect(company.progress).toBeCloseTo(sourceCompany.progress, 12);
  }, 60_000);

  it('should report every bad line of a file and change nothing', async () => {
    const source = await realisticWorkspace(deps());
    const target = await emptyWorkspace(t.db, 'T_TARGET');
    for (const kind of ['org', 'kpis'] as const) await imported(target, kind, await exported(source, kind));
    const lines = (await exported(source, 'okrs')).split('\r\n');
    lines[3] = lines[3]!.replace('increase', 'sideways'); // kind
    lines[4] = lines[4]!.replace(',O-2,', ',O-99,'); // KR of an objective nowhere
    lines[6] = lines[6]!.replace('U_WANG1', 'Nobody'); // owner
    const before = await rowCounts(t.db);
    const report = await imported(target, 'okrs', lines.join('\r\n'));
    expect(report.applied).toBe(false);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([[4, 'kind'], [5, 'parent'], [7, 'owner']]);
    expect(await rowCounts(t.db)).toEqual(before);
  }, 60_000);

  it('should say what a dry run would do and write nothing', async () => {
    const source = await realisticWorkspace(deps());
    const target = await emptyWorkspace(t.db, 'T_TARGET');
    const before = await rowCounts(t.db);
    const report = await imported(target, 'org', await exported(source, 'org'), true);
    expect(report).toMatchObject({ dryRun: true, applied: false, errors: [] });
    expect(report.summary.create).toBeGreaterThan(0);
    expect(report.rows.find((r) => r.what === 'Admin')?.action).toBe('unchanged');
    expect(await rowCounts(t.db)).toEqual(before);
  }, 60_000);

  it('should refuse a reporting loop and a non-admin', async () => {
    const target = await emptyWorkspace(t.db, 'T_TARGET');
    const file = 'person,external_id,manager,role\nAnn,U_ANN,Bob,\nBob,U_BOB,Ann,\n';
    const report = await imported(target, 'org', file);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([[2, 'manager'], [3, 'manager']]);
    const member = await insertMember(t.db, { workspaceId: target.workspaceId, externalId: 'U_M', displayName: 'M', timeZone: 'UTC', locale: 'en', role: 'member' });
    const asMember = { ...target, memberId: member.id, role: 'member' as const };
    expect(await importCsv(deps(), asMember, 'org', file, { dryRun: true })).toEqual({ ok: false, error: { code: 'admin_only' } });
    expect(await exportCsv(deps(), asMember, 'org')).toEqual({ ok: false, error: { code: 'admin_only' } });
  });

  it('should import 10,000 readings and refuse 10,001 as a whole', async () => {
    const target = await emptyWorkspace(t.db, 'T_TARGET');
    await imported(target, 'kpis', '负责人,指标代码,名称\nAdmin,nps,NPS\n');
    const day = (i: number) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const file = (n: number) => ['kpi,date,value', ...Array.from({ length: n }, (_, i) => `nps,${day(i)},${i % 100}`)].join('\n');
    const big = await imported(target, 'kpi-readings', file(10_000));
    expect(big.summary).toEqual({ create: 10_000, update: 0, unchanged: 0, errors: 0 });
    const before = await rowCounts(t.db);
    expect(before.kpi_reading).toBe(10_000);
    const tooBig = await imported(target, 'kpi-readings', file(10_001));
    expect(tooBig.errors).toEqual([{ line: 1, message: 'too many rows: 10001, at most 10000 per file' }]);
    expect(await rowCounts(t.db)).toEqual(before);
  }, 120_000);
});
