import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import { csvRoutes } from '../../../src/api/routes/csv.routes';
import { consoleCsv } from '../../../src/console/console-csv';
import type { Actor } from '../../../src/domain/member';
import { createTranslator } from '../../../src/i18n/translate';
import { fixedClock } from '../../../src/ports/clock';
import { emptyWorkspace, realisticWorkspace } from '../../support/csv-workspace';
import { rowCounts } from '../../support/factories';
import { openTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
const deps = () => ({ db: t.db, clock: fixedClock('2026-11-15T12:00:00Z') });

beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(() => t.reset());

/** The routes behind a stand-in for the API's token check: the `x-member` header names the actor. */
async function serve(actors: Record<string, Actor>): Promise<{ url: string; close: () => void }> {
  const authenticate: RequestHandler = (req, res, next) => {
    const actor = actors[req.get('x-member') ?? ''];
    if (!actor) return void res.status(401).json({ error: 'unauthorized' });
    res.locals.caller = { actor };
    next();
  };
  const app = express().use('/api/v1', csvRoutes(deps(), authenticate));
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`, close: () => server.close() };
}

describe('csv routes', () => {
  it('should export text/csv, dry-run by default, apply with dryRun=false and answer 422 with every bad line', async () => {
    const source = await realisticWorkspace(deps());
    const target = await emptyWorkspace(t.db, 'T_TARGET');
    const api = await serve({ source, target });
    try {
      const got = await fetch(`${api.url}/export/org`, { headers: { 'x-member': 'source' } });
      expect([got.status, got.headers.get('content-type'), got.headers.get('content-disposition')]).toEqual([200, 'text/csv; charset=utf-8', 'attachment; filename="org.csv"']);
      // fetch's text() drops the BOM; the bytes still carry it.
      const file = Buffer.from(await got.arrayBuffer()).toString('utf8');
      expect(file.startsWith('\uFEFFperson,external_id,')).toBe(true);
      const post = (query: string, body: string, member = 'target') =>
        fetch(`${api.url}/import/org${query}`, { method: 'POST', headers: { 'x-member': member, 'content-type': 'text/csv' }, body });
      const before = await rowCounts(t.db);
      const dry = await post('', file);
      expect([dry.status, ((await dry.json()) as { dryRun: boolean }).dryRun]).toEqual([200, true]);
      expect(await rowCounts(t.db)).toEqual(before);
      const applied = await post('?dryRun=false', file);
      expect([applied.status, ((await applied.json()) as { applied: boolean }).applied]).toEqual([200, true]);
      const bad = await post('?dryRun=false', 'person,external_id,role\nAnn,U_ANN,chief\nBob,,\n');
      expect([bad.status, ((await bad.json()) as { errors: { line: number }[] }).errors.map((e) => e.line)]).toEqual([422, [2, 3]]);
      expect((await post('', file, 'nobody')).status).toBe(401);
      expect((await fetch(`${api.url}/export/people`, { headers: { 'x-member': 'target' } })).status).toBe(404);
      const json = await fetch(`${api.url}/import/org`, { method: 'POST', headers: { 'x-member': 'target', 'content-type': 'application/json' }, body: '{}' });
      expect(json.status).toBe(415);
    } finally {
      api.close();
    }
  }, 60_000);
});

describe('console :export and :import', () => {
  it('should write a file, dry-run it, refuse without an admin, and apply it with --apply', async () => {
    const source = await realisticWorkspace(deps());
    const target = await emptyWorkspace(t.db, 'T_TARGET');
    const dir = await mkdtemp(join(tmpdir(), 'okr-csv-'));
    const file = join(dir, 'org.csv');
    const en = createTranslator('en');
    expect(await consoleCsv(deps(), source, 'export', `org ${file}`, en)).toBe(`Wrote ${file} (9 rows).`);
    expect(await consoleCsv(deps(), target, 'import', `org ${file}`, en)).toMatch(/^Dry run of .*org\.csv: 8 to create, 0 to update, 1 unchanged\. Nothing was written/);
    expect(await consoleCsv(deps(), { ...target, memberId: source.memberId }, 'import', `org ${file}`, createTranslator('zh-CN'))).toBe('只有管理员可以导入和导出 CSV 文件。');
    expect(await consoleCsv(deps(), target, 'import', `org ${file} --apply`, en)).toMatch(/^Imported .*: 8 created, 0 updated, 1 unchanged\.$/);
    // Line 12, not 11: one team name in the file holds a line break.
    await writeFile(file, `${await readFile(file, 'utf8')}Zed,,Nobody,\n`);
    expect(await consoleCsv(deps(), target, 'import', `org ${file}`, en)).toBe(`${file} has 1 errors; nothing was written:\n  line 12, person: no person "Zed"; a new person needs an external_id`);
    expect(await consoleCsv(deps(), target, 'import', 'people x.csv', en)).toBe(en('console.csvUsage'));
  }, 60_000);
});
