import type { Transaction } from 'kysely';
import type { Actor } from '../../domain/member';
import type { OrgChanges } from '../../domain/csv/plan-org';
import type { Database } from '../../db/database';
import { findWorkspace } from '../../db/member.repository';
import { addMemberships, insertMembers, insertTeams, setManagers, setMemberNamesAndRoles, setTeamFields, writeAudits, type AuditEntry } from '../../db/csv-write.repository';

/**
 * Writes a planned org.csv import inside the caller's transaction: people and teams first (so the
 * file's new keys get ids), then names and roles, the team tree, team managers, reporting lines
 * and memberships, each as one statement, and one audit row per change.
 */
export async function applyOrgChanges(trx: Transaction<Database>, actor: Actor, c: OrgChanges): Promise<void> {
  const ws = actor.workspaceId;
  const workspace = await findWorkspace(trx, ws);
  const audits: AuditEntry[] = [];
  const people = new Map<string, number>();
  const created = await insertMembers(trx, ws, c.newMembers.map((m) => ({ ...m, timeZone: workspace!.default_time_zone, locale: workspace!.default_locale })));
  const byExternal = new Map(created.map((r) => [r.external_id, r.id]));
  for (const m of c.newMembers) {
    people.set(m.key, byExternal.get(m.externalId)!);
    audits.push({ action: 'member.create', entityType: 'member', entityId: byExternal.get(m.externalId)!, after: { external_id: m.externalId, display_name: m.name, role: m.role } });
  }
  const personId = (k: string) => people.get(k) ?? Number(k.slice(1));

  const teamIds = new Map<string, number>();
  const teams = await insertTeams(trx, ws, c.newTeams);
  const byHandle = new Map(teams.map((t) => [t.handle, t.id]));
  for (const t of c.newTeams) {
    teamIds.set(t.key, byHandle.get(t.handle)!);
    audits.push({ action: 'team.create', entityType: 'team', entityId: byHandle.get(t.handle)!, after: { handle: t.handle, name: t.name } });
  }
  const teamId = (k: string) => teamIds.get(k) ?? Number(k.slice(1));

  await setMemberNamesAndRoles(trx, ws, c.memberUpdates);
  for (const u of c.memberUpdates) audits.push({ action: 'member.update', entityType: 'member', entityId: u.id, before: u.before, after: { name: u.name, role: u.role } });
  await setTeamFields(trx, ws, 'name', c.teamNames.map((t) => ({ id: t.id, value: t.name })));
  for (const t of c.teamNames) audits.push({ action: 'team.update', entityType: 'team', entityId: t.id, before: { name: t.before }, after: { name: t.name } });

  const parents = c.parents.map((p) => ({ id: teamId(p.team), value: teamId(p.parent) }));
  await setTeamFields(trx, ws, 'parent_id', parents);
  for (const p of parents) audits.push({ action: 'team.parent', entityType: 'team', entityId: p.id, after: { parent_id: p.value } });
  const teamManagers = c.teamManagers.map((t) => ({ id: teamId(t.team), value: personId(t.manager) }));
  await setTeamFields(trx, ws, 'manager_id', teamManagers);
  for (const t of teamManagers) audits.push({ action: 'team.manager', entityType: 'team', entityId: t.id, after: { manager_id: t.value } });

  const managers = c.managers.map((m) => ({ id: personId(m.person), managerId: personId(m.manager) }));
  await setManagers(trx, ws, managers);
  for (const m of managers) audits.push({ action: 'member.manager', entityType: 'member', entityId: m.id, after: { manager_id: m.managerId } });

  // A team manager's row also names the team, so the plan already makes them a member of it.
  await addMemberships(trx, ws, c.memberships.map((m) => ({ teamId: teamId(m.team), memberId: personId(m.person) })));
  for (const m of c.memberships) audits.push({ action: 'team.member_add', entityType: 'team', entityId: teamId(m.team), after: { member_id: personId(m.person) } });
  await writeAudits(trx, ws, actor.memberId, audits);
}
