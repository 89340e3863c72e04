import type { Kysely } from 'kysely';
import type { Command } from '../../src/domain/command/command';
import type { Actor, Role } from '../../src/domain/member';
import type { Database } from '../../src/db/database';
import { insertCycle } from '../../src/db/cycle.repository';
import { insertKpi, insertReading } from '../../src/db/kpi.repository';
import { insertMember, upsertWorkspace } from '../../src/db/member.repository';
import { addTeamMember, insertTeam } from '../../src/db/team.repository';
import type { UseCaseDeps } from '../../src/use-cases/deps';
import { runCommand } from '../../src/use-cases/run-command';

const actorOf = (workspaceId: number, memberId: number, role: Role): Actor => ({ workspaceId, memberId, role, locale: 'en', timeZone: 'Asia/Shanghai' });

/** A workspace with nobody but its admin (same Slack user id as the source's admin), ready for an import. */
export async function emptyWorkspace(db: Kysely<Database>, externalId: string): Promise<Actor> {
  const ws = await upsertWorkspace(db, { platform: 'slack', externalId, name: externalId });
  const admin = await insertMember(db, { workspaceId: ws.id, externalId: 'U_ADMIN', displayName: 'Admin', timeZone: 'Asia/Shanghai', locale: 'en', role: 'admin' });
  return actorOf(ws.id, admin.id, 'admin');
}

/**
 * A company as people build it in chat: a team tree four deep with managers, two people with the
 * same name, a team nobody is in yet, someone in no team; aligned objectives over two cycles, key
 * results of every kind with check-ins, a KR linked to a KPI, KPIs of each threshold kind with readings.
 */
export async function realisticWorkspace(deps: UseCaseDeps): Promise<Actor> {
  const db = deps.db;
  const admin = await emptyWorkspace(db, 'T_SOURCE');
  const ws = admin.workspaceId;
  const person = async (ext: string, name: string, role: Role, managerId: number | null) => {
    const m = await insertMember(db, { workspaceId: ws, externalId: ext, displayName: name, timeZone: 'Asia/Shanghai', locale: 'zh-CN', role, managerId });
    return actorOf(ws, m.id, role);
  };
  const ceo = await person('U_CEO', '陈静', 'manager', null);
  const cto = await person('U_CTO', 'Li, "Lee" Wei', 'manager', ceo.memberId);
  const wang1 = await person('U_WANG1', 'Wang Wei', 'member', cto.memberId);
  const wang2 = await person('U_WANG2', 'Wang Wei', 'member', ceo.memberId);
  const sales = await person('U_SALES', '=Sum(Sales)', 'manager', ceo.memberId);
  await person('U_CAROL', 'Carol', 'member', wang1.memberId);

  const hq = await insertTeam(db, { workspaceId: ws, name: '总部', handle: 'hq', managerId: ceo.memberId });
  const eng = await insertTeam(db, { workspaceId: ws, name: 'Engineering, R&D', handle: 'eng', parentId: hq.id, managerId: cto.memberId });
  const platform = await insertTeam(db, { workspaceId: ws, name: 'Platform\nteam', handle: 'eng-platform', parentId: eng.id });
  const sal = await insertTeam(db, { workspaceId: ws, name: '销售部', handle: '销售', parentId: hq.id, managerId: sales.memberId });
  await insertTeam(db, { workspaceId: ws, name: 'Ops', handle: 'ops', parentId: platform.id });
  for (const [t, m] of [[hq, ceo], [eng, cto], [eng, wang1], [platform, wang1], [sal, sales], [sal, wang2]] as const) await addTeamMember(db, ws, t.id, m.memberId);

  await insertCycle(db, { workspaceId: ws, name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' });
  await insertCycle(db, { workspaceId: ws, name: '2026 annual', startsOn: '2026-01-01', endsOn: '2026-12-31' });
  const nps = await insertKpi(db, {
    workspaceId: ws, key: 'nps', name: 'Net promoter score', unit: 'pts', ownerId: ceo.memberId, teamId: hq.id, direction: 'up', target: 45,
    thresholdKind: 'at_least', greenMin: 40, greenMax: null, yellowMin: 30, yellowMax: null, frequency: 'monthly',
  });
  const churn = await insertKpi(db, {
    workspaceId: ws, key: 'churn', name: '流失率', unit: '%', ownerId: wang2.memberId, teamId: sal.id, direction: 'down', target: 2,
    thresholdKind: 'at_most', greenMin: null, greenMax: 2, yellowMin: null, yellowMax: 3.5, frequency: 'weekly',
  });
  await insertKpi(db, {
    workspaceId: ws, key: 'temp', name: 'Server room temperature', unit: '°C', ownerId: null, teamId: null, direction: 'up', target: null,
    thresholdKind: 'between', greenMin: 18, greenMax: 24, yellowMin: 15, yellowMax: 27, frequency: 'daily',
  });
  for (const [kpi, date, value] of [[nps!, '2026-10-01', 31], [nps!, '2026-11-01', 38.5], [nps!, '2026-11-01', 39], [churn!, '2026-11-02', -0.25], [churn!, '2026-11-09', 2.75]] as const) {
    await insertReading(db, { workspaceId: ws, kpiId: kpi.id, value, observedOn: date, source: 'chat', authorId: admin.memberId });
  }

  const run = async (actor: Actor, cmd: Command) => {
    const r = await runCommand(deps, actor, cmd);
    if (!r.ok) throw new Error(`${cmd.verb}: ${JSON.stringify(r.error)}`);
  };
  const O = (n: number) => ({ type: 'objective' as const, number: n });
  const KR = (n: number) => ({ type: 'key_result' as const, number: n });
  await run(admin, { verb: 'new', title: 'Grow revenue, 增长收入', level: 'company', cycle: '2026-Q4' });
  await run(cto, { verb: 'new', title: 'Ship "v2" of the platform', team: { name: 'eng' }, parent: O(1), cycle: '2026-Q4' });
  await run(wang1, { verb: 'new', title: '=1+1 is not a formula', parent: O(2), cycle: '2026-Q4', weight: 2 });
  await run(admin, { verb: 'new', title: 'A year of trust', level: 'company', cycle: '2026 annual' });
  await run(sales, { verb: 'new', title: '销售翻番', team: { name: '销售' }, parent: O(4), cycle: '2026 annual' });
  await run(cto, { verb: 'kr_add', objective: O(2), spec: { title: 'Coverage from 40 to 80', kind: 'increase', start: 40, target: 80, unit: '%' } });
  await run(cto, { verb: 'kr_add', objective: O(2), spec: { title: 'p95 from 800ms to 200ms', kind: 'decrease', start: 800, target: 200, unit: 'ms' }, owner: { id: 'U_WANG1' } });
  await run(wang1, { verb: 'kr_add', objective: O(3), spec: { title: 'Uptime above 99.9%', kind: 'stay_above', start: 99.9, target: 99.9, unit: '%' } });
  await run(wang1, { verb: 'kr_add', objective: O(3), spec: { title: 'Incidents below 3', kind: 'stay_below', start: 3, target: 3 }, weight: 0.5 });
  await run(sales, { verb: 'kr_add', objective: O(5), spec: { title: '上线新版官网', kind: 'milestone', start: 0, target: 1 } });
  await run(admin, { verb: 'kr_add', objective: O(4), spec: { title: 'NPS from 30 to 45', kind: 'increase', start: 30, target: 45, unit: 'pts' } });
  await run(cto, { verb: 'update', keyResult: KR(1), value: { mode: 'absolute', quantity: { value: 60 } }, confidence: 'at_risk' });
  await run(wang1, { verb: 'update', keyResult: KR(2), value: { mode: 'absolute', quantity: { value: 350 } } });
  await run(wang1, { verb: 'update', keyResult: KR(3), value: { mode: 'absolute', quantity: { value: 99.95 } }, confidence: 'on_track' });
  await run(sales, { verb: 'update', keyResult: KR(5), value: { mode: 'done' } });
  await run(admin, { verb: 'kpi_link', keyResult: KR(6), key: 'nps' });
  await run(wang1, { verb: 'close', target: KR(4), reopen: false });
  return admin;
}
