import { sql } from 'kysely';
import { openTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(() => t.reset());

async function seedTwoWorkspaces() {
  const db = t.db;
  const [a, b] = await db
    .insertInto('workspace')
    .values([
      { platform: 'console', external_id: 'a', name: 'A' },
      { platform: 'console', external_id: 'b', name: 'B' },
    ])
    .returning('id')
    .execute();
  const wa = a!.id;
  const wb = b!.id;
  const alice = await db.insertInto('member').values({ workspace_id: wa, external_id: 'alice', display_name: 'Alice' }).returning('id').executeTakeFirstOrThrow();
  const bob = await db.insertInto('member').values({ workspace_id: wb, external_id: 'bob', display_name: 'Bob' }).returning('id').executeTakeFirstOrThrow();
  const cycleA = await db.insertInto('cycle').values({ workspace_id: wa, name: '2026-Q4', starts_on: '2026-10-01', ends_on: '2026-12-31' }).returning('id').executeTakeFirstOrThrow();
  const cycleB = await db.insertInto('cycle').values({ workspace_id: wb, name: '2026-Q4', starts_on: '2026-10-01', ends_on: '2026-12-31' }).returning('id').executeTakeFirstOrThrow();
  return { wa, wb, alice: alice.id, bob: bob.id, cycleA: cycleA.id, cycleB: cycleB.id };
}

function objective(workspaceId: number, cycleId: number, ownerId: number, parentId: number | null = null) {
  return t.db
    .insertInto('objective')
    .values({ workspace_id: workspaceId, cycle_id: cycleId, owner_id: ownerId, title: 'Win', level: 'team', parent_id: parentId })
    .returning(['id', 'ref'])
    .executeTakeFirstOrThrow();
}

describe('schema', () => {
  it('should number references per workspace', async () => {
    const s = await seedTwoWorkspaces();
    const o1 = await objective(s.wa, s.cycleA, s.alice);
    const o2 = await objective(s.wa, s.cycleA, s.alice);
    const p1 = await objective(s.wb, s.cycleB, s.bob);
    expect([o1.ref, o2.ref, p1.ref]).toEqual([1, 2, 1]);
  });

  it('should refuse a foreign key that crosses workspaces', async () => {
    const s = await seedTwoWorkspaces();
    await expect(objective(s.wa, s.cycleA, s.bob)).rejects.toThrow(/foreign key/);
    const parentInB = await objective(s.wb, s.cycleB, s.bob);
    await expect(objective(s.wa, s.cycleA, s.alice, parentInB.id)).rejects.toThrow(/foreign key/);
  });

  it('should refuse an alignment cycle', async () => {
    const s = await seedTwoWorkspaces();
    const top = await objective(s.wa, s.cycleA, s.alice);
    const mid = await objective(s.wa, s.cycleA, s.alice, top.id);
    const leaf = await objective(s.wa, s.cycleA, s.alice, mid.id);
    await expect(
      t.db.updateTable('objective').set({ parent_id: leaf.id }).where('id', '=', top.id).execute(),
    ).rejects.toThrow(/own ancestor/);
    await expect(
      t.db.updateTable('objective').set({ parent_id: top.id }).where('id', '=', top.id).execute(),
    ).rejects.toThrow();
  });

  it('should keep check-ins append-only', async () => {
    const s = await seedTwoWorkspaces();
    const o = await objective(s.wa, s.cycleA, s.alice);
    const kr = await t.db
      .insertInto('key_result')
      .values({ workspace_id: s.wa, objective_id: o.id, owner_id: s.alice, title: 'NPS', kind: 'increase', start_value: 30, target_value: 45 })
      .returning(['id', 'ref'])
      .executeTakeFirstOrThrow();
    expect(kr.ref).toBe(1);
    await t.db
      .insertInto('check_in')
      .values({ workspace_id: s.wa, key_result_id: kr.id, author_id: s.alice, value: 40, progress: 0.66, source: 'console' })
      .execute();
    await expect(t.db.updateTable('check_in').set({ value: 41 }).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('check_in').execute()).rejects.toThrow(/append-only/);
  });

  it('should make idempotency keys unique per workspace', async () => {
    const s = await seedTwoWorkspaces();
    const kpi = await t.db.insertInto('kpi').values({ workspace_id: s.wa, key: 'nps', name: 'NPS' }).returning('id').executeTakeFirstOrThrow();
    const reading = { workspace_id: s.wa, kpi_id: kpi.id, value: 40, observed_on: '2026-11-01', source: 'api' as const, idempotency_key: 'k1' };
    await t.db.insertInto('kpi_reading').values(reading).execute();
    await expect(t.db.insertInto('kpi_reading').values(reading).execute()).rejects.toThrow(/unique|duplicate/);
  });

  it('should return the same JS types on both engines', async () => {
    const s = await seedTwoWorkspaces();
    const row = await t.db.selectFrom('cycle').select(['id', 'starts_on', 'created_at']).where('id', '=', s.cycleA).executeTakeFirstOrThrow();
    expect(typeof row.id).toBe('number');
    expect(row.starts_on).toBe('2026-10-01');
    expect(row.created_at).toBeInstanceOf(Date);
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM member`.execute(t.db);
    expect(count.rows[0]!.n).toBe(2);
  });
});
