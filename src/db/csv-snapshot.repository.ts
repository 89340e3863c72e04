import { sql, type Kysely } from 'kysely';
import type { Person } from '../domain/csv/csv-plan';
import type { KpiSnapshot, ReadingSnapshot } from '../domain/csv/plan-kpis';
import type { OkrSnapshot } from '../domain/csv/plan-okrs';
import type { OrgSnapshot } from '../domain/csv/plan-org';
import type { Database } from './database';

type Db = Kysely<Database>;

// Whole-workspace reads for CSV import and export: a few queries per file, whatever its size, so a
// 10,000-row import plans in memory instead of asking the database row by row.

export async function loadPeople(db: Db, workspaceId: number): Promise<Person[]> {
  const rows = await db.selectFrom('member').select(['id', 'external_id', 'display_name']).where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, externalId: r.external_id, name: r.display_name }));
}

const teamHandles = (db: Db, workspaceId: number) => db.selectFrom('team').select(['id', 'handle']).where('workspace_id', '=', workspaceId).orderBy('id').execute();
const kpiKeys = (db: Db, workspaceId: number) => db.selectFrom('kpi').select(['id', 'key']).where('workspace_id', '=', workspaceId).orderBy('id').execute();

export async function loadOrgSnapshot(db: Db, workspaceId: number): Promise<OrgSnapshot> {
  const [members, teams, memberships] = await Promise.all([
    db.selectFrom('member').select(['id', 'external_id', 'display_name', 'role', 'manager_id', 'active']).where('workspace_id', '=', workspaceId).orderBy('id').execute(),
    db.selectFrom('team').select(['id', 'handle', 'name', 'parent_id', 'manager_id']).where('workspace_id', '=', workspaceId).orderBy('id').execute(),
    db.selectFrom('team_membership').select(['team_id', 'member_id']).where('workspace_id', '=', workspaceId).execute(),
  ]);
  return {
    members: members.map((m) => ({ id: m.id, externalId: m.external_id, name: m.display_name, role: m.role, managerId: m.manager_id, active: m.active })),
    teams: teams.map((t) => ({ id: t.id, handle: t.handle, name: t.name, parentId: t.parent_id, managerId: t.manager_id })),
    memberships: memberships.map((m) => ({ teamId: m.team_id, memberId: m.member_id })),
  };
}

export async function loadOkrSnapshot(db: Db, workspaceId: number): Promise<OkrSnapshot> {
  const [cycles, objectives, keyResults, people, teams, kpis] = await Promise.all([
    db.selectFrom('cycle').select(['id', 'name', 'starts_on', 'ends_on']).where('workspace_id', '=', workspaceId).orderBy('id').execute(),
    db.selectFrom('objective').select(['id', 'ref', 'cycle_id', 'title', 'level', 'owner_id', 'team_id', 'parent_id', 'weight', 'status']).where('workspace_id', '=', workspaceId).orderBy('ref').execute(),
    db
      .selectFrom('key_result')
      .select(['id', 'ref', 'objective_id', 'owner_id', 'title', 'kind', 'start_value', 'target_value', 'current_value', 'unit', 'confidence', 'weight', 'status', 'pace_curve', 'kpi_id'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('ref')
      .execute(),
    loadPeople(db, workspaceId),
    teamHandles(db, workspaceId),
    kpiKeys(db, workspaceId),
  ]);
  return {
    cycles: cycles.map((c) => ({ id: c.id, name: c.name, startsOn: c.starts_on, endsOn: c.ends_on })),
    objectives: objectives.map((o) => ({
      id: o.id, ref: o.ref, cycleId: o.cycle_id, title: o.title, level: o.level, ownerId: o.owner_id, teamId: o.team_id, parentId: o.parent_id, weight: o.weight, status: o.status,
    })),
    keyResults: keyResults.map((k) => ({
      id: k.id, ref: k.ref, objectiveId: k.objective_id, ownerId: k.owner_id, title: k.title, kind: k.kind, start: k.start_value, target: k.target_value,
      current: k.current_value, unit: k.unit, confidence: k.confidence, weight: k.weight, status: k.status, pace: k.pace_curve, kpiId: k.kpi_id,
    })),
    people,
    teams,
    kpis,
  };
}

export async function loadKpiSnapshot(db: Db, workspaceId: number): Promise<KpiSnapshot> {
  const [kpis, people, teams] = await Promise.all([
    db.selectFrom('kpi').selectAll().where('workspace_id', '=', workspaceId).orderBy('key').execute(),
    loadPeople(db, workspaceId),
    teamHandles(db, workspaceId),
  ]);
  return {
    kpis: kpis.map((k) => ({
      id: k.id, key: k.key, name: k.name, unit: k.unit, ownerId: k.owner_id, teamId: k.team_id, direction: k.direction, target: k.target, threshold: k.threshold_kind,
      greenMin: k.green_min, greenMax: k.green_max, yellowMin: k.yellow_min, yellowMax: k.yellow_max, frequency: k.frequency, active: k.active,
    })),
    people,
    teams,
  };
}

/** The reading that counts per KPI and day: the latest recorded for that day, as insertReading ranks them. */
export async function loadReadingSnapshot(db: Db, workspaceId: number): Promise<ReadingSnapshot> {
  const [kpis, readings] = await Promise.all([
    kpiKeys(db, workspaceId),
    sql<{ kpi_id: number; observed_on: string; value: number }>`
      SELECT DISTINCT ON (kpi_id, observed_on) kpi_id, observed_on, value
      FROM kpi_reading WHERE workspace_id = ${workspaceId}
      ORDER BY kpi_id, observed_on, id DESC`.execute(db),
  ]);
  return { kpis, readings: readings.rows.map((r) => ({ kpiId: Number(r.kpi_id), date: dateText(r.observed_on), value: r.value })) };
}

/** Raw SQL skips kysely's column typing; date columns still arrive as text or Date depending on the engine. */
function dateText(d: unknown): string {
  return d instanceof Date ? d.toISOString().slice(0, 10) : String(d);
}
