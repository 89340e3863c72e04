import { sql, type Kysely } from 'kysely';
import type { KpiDirection, KpiFrequency, ThresholdKind } from '../domain/kpi';
import type { Locale, Role } from '../domain/member';
import type { Database, NewKeyResultRow, NewObjectiveRow } from './database';

type Db = Kysely<Database>;

// Bulk writes for CSV import. Each takes a whole batch: a 10,000-row file becomes a handful of
// statements (chunked below the 65,535-parameter limit of the PostgreSQL protocol).

const CHUNK = 1_000;

async function chunked<T, R>(items: readonly T[], write: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await write(items.slice(i, i + CHUNK))));
  return out;
}

export interface AuditEntry {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: number;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** One audit row per change, as writeAudit would write them one by one. */
export async function writeAudits(db: Db, workspaceId: number, actorId: number, entries: readonly AuditEntry[]): Promise<void> {
  await chunked(entries, async (chunk) => {
    await db
      .insertInto('audit_log')
      .values(chunk.map((e) => ({
        workspace_id: workspaceId, actor_id: actorId, action: e.action, entity_type: e.entityType, entity_id: e.entityId,
        before: e.before === undefined ? null : JSON.stringify(e.before), after: e.after === undefined ? null : JSON.stringify(e.after),
      })))
      .execute();
    return [];
  });
}

export function insertMembers(db: Db, workspaceId: number, rows: readonly { externalId: string; name: string; role: Role; timeZone: string; locale: Locale }[]) {
  return chunked(rows, (chunk) =>
    db
      .insertInto('member')
      .values(chunk.map((r) => ({ workspace_id: workspaceId, external_id: r.externalId, display_name: r.name, role: r.role, time_zone: r.timeZone, locale: r.locale })))
      .returning(['id', 'external_id'])
      .execute(),
  );
}

/** Names and roles of many members in one statement. */
export async function setMemberNamesAndRoles(db: Db, workspaceId: number, rows: readonly { id: number; name: string; role: Role }[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE member AS m SET display_name = c.name, role = c.role, updated_at = now()
    FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.role)}::text[]) AS c(id, name, role)
    WHERE m.workspace_id = ${workspaceId} AND m.id = c.id`.execute(db);
}

/**
 * Many reporting lines in ONE statement: the schema's loop check runs once per statement and judges
 * its end state, so a file that reshuffles a whole department is checked as a whole.
 */
export async function setManagers(db: Db, workspaceId: number, rows: readonly { id: number; managerId: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE member AS m SET manager_id = c.manager_id, updated_at = now()
    FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.managerId)}::bigint[]) AS c(id, manager_id)
    WHERE m.workspace_id = ${workspaceId} AND m.id = c.id`.execute(db);
}

export function insertTeams(db: Db, workspaceId: number, rows: readonly { handle: string; name: string }[]) {
  return chunked(rows, (chunk) =>
    db.insertInto('team').values(chunk.map((r) => ({ workspace_id: workspaceId, handle: r.handle, name: r.name }))).returning(['id', 'handle']).execute(),
  );
}

/** Team names, parents and managers, one statement each (one loop check for the whole tree). */
export async function setTeamFields(db: Db, workspaceId: number, field: 'name' | 'parent_id' | 'manager_id', rows: readonly { id: number; value: string | number }[]): Promise<void> {
  if (rows.length === 0) return;
  const values = field === 'name' ? sql`${rows.map((r) => String(r.value))}::text[]` : sql`${rows.map((r) => Number(r.value))}::bigint[]`;
  await sql`
    UPDATE team AS t SET ${sql.ref(field)} = c.value
    FROM unnest(${rows.map((r) => r.id)}::bigint[], ${values}) AS c(id, value)
    WHERE t.workspace_id = ${workspaceId} AND t.id = c.id`.execute(db);
}

export async function addMemberships(db: Db, workspaceId: number, rows: readonly { teamId: number; memberId: number }[]): Promise<void> {
  await chunked(rows, async (chunk) => {
    await db
      .insertInto('team_membership')
      .values(chunk.map((r) => ({ workspace_id: workspaceId, team_id: r.teamId, member_id: r.memberId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    return [];
  });
}

export function insertCycles(db: Db, workspaceId: number, rows: readonly { name: string; startsOn: string; endsOn: string }[]) {
  return chunked(rows, (chunk) =>
    db.insertInto('cycle').values(chunk.map((c) => ({ workspace_id: workspaceId, name: c.name, starts_on: c.startsOn, ends_on: c.endsOn }))).returning(['id', 'name']).execute(),
  );
}

/** Objectives with the refs the file gave them (the ref trigger only numbers rows without one). */
export function insertObjectivesWithRefs(db: Db, rows: readonly (NewObjectiveRow & { ref: number })[]) {
  return chunked(rows, (chunk) => db.insertInto('objective').values(chunk).returningAll().execute());
}

export function insertKeyResultsWithRefs(db: Db, rows: readonly (NewKeyResultRow & { ref: number })[]) {
  return chunked(rows, (chunk) => db.insertInto('key_result').values(chunk).returningAll().execute());
}

/** Moves the O / KR counter past refs the import chose, so the next `/okr new` does not collide. */
export async function raiseRefCounter(db: Db, workspaceId: number, kind: 'O' | 'KR', atLeast: number): Promise<void> {
  await db
    .insertInto('ref_counter')
    .values({ workspace_id: workspaceId, kind, last_value: atLeast })
    .onConflict((oc) => oc.columns(['workspace_id', 'kind']).doUpdateSet({ last_value: sql`greatest(ref_counter.last_value, excluded.last_value)` }))
    .execute();
}

/** Many KPI readings at once, then each touched KPI's latest value, as insertReading keeps it. */
export async function insertReadings(db: Db, workspaceId: number, authorId: number, rows: readonly { kpiId: number; date: string; value: number }[]) {
  const inserted = await chunked(rows, (chunk) =>
    db
      .insertInto('kpi_reading')
      .values(chunk.map((r) => ({ workspace_id: workspaceId, kpi_id: r.kpiId, value: r.value, observed_on: r.date, source: 'import' as const, author_id: authorId })))
      .returning(['id', 'kpi_id'])
      .execute(),
  );
  const kpiIds = [...new Set(rows.map((r) => r.kpiId))];
  if (kpiIds.length > 0) {
    await sql`
      UPDATE kpi SET latest_value = l.value, latest_observed_on = l.observed_on, updated_at = now()
      FROM (
        SELECT DISTINCT ON (kpi_id) kpi_id, value, observed_on FROM kpi_reading
        WHERE workspace_id = ${workspaceId} AND kpi_id = ANY(${kpiIds}::bigint[])
        ORDER BY kpi_id, observed_on DESC, id DESC
      ) AS l
      WHERE kpi.workspace_id = ${workspaceId} AND kpi.id = l.kpi_id`.execute(db);
  }
  return inserted;
}

export interface KpiDefinition {
  readonly name: string; readonly unit: string | null; readonly ownerId: number | null; readonly teamId: number | null;
  readonly direction: KpiDirection; readonly target: number | null; readonly threshold: ThresholdKind;
  readonly greenMin: number | null; readonly greenMax: number | null; readonly yellowMin: number | null; readonly yellowMax: number | null;
  readonly frequency: KpiFrequency; readonly active: boolean;
}

const kpiColumns = (k: KpiDefinition) => ({
  name: k.name, unit: k.unit, owner_id: k.ownerId, team_id: k.teamId, direction: k.direction, target: k.target, threshold_kind: k.threshold,
  green_min: k.greenMin, green_max: k.greenMax, yellow_min: k.yellowMin, yellow_max: k.yellowMax, frequency: k.frequency, active: k.active,
});

export function insertKpiDefinitions(db: Db, workspaceId: number, rows: readonly (KpiDefinition & { key: string })[]) {
  return chunked(rows, (chunk) =>
    db.insertInto('kpi').values(chunk.map((k) => ({ workspace_id: workspaceId, key: k.key, ...kpiColumns(k) }))).returning(['id', 'key']).execute(),
  );
}

export async function updateKpiDefinition(db: Db, workspaceId: number, id: number, k: KpiDefinition): Promise<void> {
  await db.updateTable('kpi').set({ ...kpiColumns(k), updated_at: new Date() }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Many objectives' parents in one statement; rows already pointing there are left alone. */
export async function setObjectiveParents(db: Db, workspaceId: number, rows: readonly { id: number; parentId: number | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE objective AS o SET parent_id = c.parent_id, updated_at = now()
    FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.parentId)}::bigint[]) AS c(id, parent_id)
    WHERE o.workspace_id = ${workspaceId} AND o.id = c.id AND o.parent_id IS DISTINCT FROM c.parent_id`.execute(db);
}

export async function cycleIdsWithObjectives(db: Db, workspaceId: number): Promise<number[]> {
  const rows = await db.selectFrom('objective').select('cycle_id').distinct().where('workspace_id', '=', workspaceId).execute();
  return rows.map((r) => r.cycle_id);
}
