import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/database';

// Bulk seeding in SQL (generate_series): inserting a million rows one by one would take minutes
// and measure nothing we care about.

export interface Seeded {
  readonly workspaceId: number;
  readonly memberId: number;
  readonly cycleId: number;
}

export async function seedWorkspace(db: Kysely<Database>, key: string, now: Date): Promise<Seeded> {
  const ws = await db.insertInto('workspace').values({ platform: 'console', external_id: key, name: key }).returning('id').executeTakeFirstOrThrow();
  const member = await db
    .insertInto('member')
    .values({ workspace_id: ws.id, external_id: `${key}-admin`, display_name: 'Bench Admin', role: 'admin' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const cycle = await db
    .insertInto('cycle')
    .values({ workspace_id: ws.id, name: 'bench', starts_on: day(-53), ends_on: day(38) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { workspaceId: ws.id, memberId: member.id, cycleId: cycle.id };
}

/**
 * `objectives` objectives in a `fanout`-ary tree (objective i's parent is ⌊(i-2)/fanout⌋+1) with
 * `perObjective` increase KRs each, current values spread over 0..100. Ids and refs are offset by
 * `idBase` so several workspaces can share the tables.
 */
export async function seedTree(
  db: Kysely<Database>,
  s: Seeded,
  o: { objectives: number; fanout: number | null; perObjective: number; idBase: number; now: Date },
): Promise<void> {
  const base = o.idBase;
  await sql`
    INSERT INTO objective (id, workspace_id, ref, cycle_id, title, level, owner_id, parent_id, weight, progress)
    SELECT ${base} + i, ${s.workspaceId}, i, ${s.cycleId}, 'Objective ' || i,
           CASE WHEN i = 1 THEN 'company' ELSE 'team' END, ${s.memberId},
           CASE WHEN ${o.fanout}::int IS NULL OR i = 1 THEN NULL ELSE ${base} + (i - 2) / ${o.fanout ?? 1} + 1 END,
           1 + (i % 3), 0
    FROM generate_series(1, ${o.objectives}) AS i`.execute(db);
  const krBase = base * o.perObjective;
  await sql`
    INSERT INTO key_result (id, workspace_id, ref, objective_id, owner_id, title, kind, start_value, target_value,
                            current_value, progress, weight, confidence, last_check_in_at, created_at)
    SELECT ${krBase} + n, ${s.workspaceId}, n, ${base} + (n - 1) / ${o.perObjective} + 1, ${s.memberId}, 'KR ' || n, 'increase', 0, 100,
           (n * 37) % 101, ((n * 37) % 101) / 100.0, 1 + (n % 2),
           (ARRAY['on_track', 'at_risk', 'off_track'])[1 + n % 3],
           ${o.now}::timestamptz - ((n % 30) || ' days')::interval, ${o.now}::timestamptz - interval '60 days'
    FROM generate_series(1, ${o.objectives * o.perObjective}) AS n`.execute(db);
  await sql`SELECT setval(pg_get_serial_sequence('objective', 'id'), (SELECT max(id) FROM objective))`.execute(db);
  await sql`SELECT setval(pg_get_serial_sequence('key_result', 'id'), (SELECT max(id) FROM key_result))`.execute(db);
  await sql`
    INSERT INTO ref_counter (workspace_id, kind, last_value)
    VALUES (${s.workspaceId}, 'O', ${o.objectives}), (${s.workspaceId}, 'KR', ${o.objectives * o.perObjective})`.execute(db);
  await sql`ANALYZE objective`.execute(db);
  await sql`ANALYZE key_result`.execute(db);
}
