import { findWorkspace } from '../db/member.repository';
import { insertAuditEntries, loadDirectoryState, lockDirectorySync } from '../db/directory.repository';
import type { DirectorySnapshot } from '../ports/directory';
import type { UseCaseDeps } from './deps';
import { normalizeSnapshot } from './directory/normalize-snapshot';
import { seatLeaders } from './directory/seat-leaders';
import type { SyncContext } from './directory/sync-context';
import { syncMembers } from './directory/sync-members';
import { syncMemberships } from './directory/sync-memberships';
import { syncReportingLines } from './directory/sync-reporting-lines';
import { createDepartmentTeams, linkDepartmentTeams } from './directory/sync-teams';

// Directory sync: the platform's organisation chart (WeCom departments, people, leaders) becomes
// our teams, members and managers. The directory is the source of truth for what it states; what
// it does not state, people may have set by hand, and that stays. Mapping rules:
//
// - Snapshot hygiene: a repeated ref counts once (the first); a parent that is missing, the
//   department itself, or closes a loop counts as none; blank names fall back to the ref; names are
//   cut to 200 characters. "Known" people are the snapshot's active people.
// - Department → team, matched by team.external_ref (the department id); created when new, its name
//   and parent follow the directory; the root department is a team too. A new team's handle is a
//   slug of its name when the name is ASCII ("Sales & Ops" → sales-ops), else dept-<ref>, with -2,
//   -3… when taken. Handles never change afterwards: people have learnt them.
// - A team's manager is the department's first known leader. With none, a manager set by hand stays
//   unless they are no longer active. A team's manager becomes at least a manager by role.
// - Person → member, matched by member.external_id = ref. New people are created as role 'member'
//   with the workspace's default locale and time zone (people set their own later); display names
//   follow the directory. Someone already inactive when we first see them is not created.
// - Memberships: an active person's department teams become exactly their departments (the main
//   department counts as one). Teams made by hand (no external_ref) keep their members.
// - A member's manager: their first known direct leader; else the first known leader of their main
//   department, or — when they lead it themselves, or it has none — of the nearest department above
//   that has one. With none, a manager set by hand stays unless no longer active. Leaders naming
//   each other would close a loop; the link that closes it is dropped (the same one every run).
// - People missing from the snapshot or inactive in it: active = false and deactivated_at set; their
//   goals, check-ins and memberships stay as history, and the scheduler (which selects active
//   members only) stops prompting them. Someone back in the directory is reactivated.
// - Nothing is ever deleted but memberships of active people. When no active admin is left, the
//   root department's known leaders become admins.
// - One transaction, serialised per workspace; a sync that changed something leaves one
//   'directory.sync' audit entry with the report, plus one 'member.role' entry per role raised.
//   Running it again with the same snapshot changes nothing and reports zeros.

/** What a sync changed; all zeros when the database already mirrored the directory. */
export interface DirectorySyncReport {
  readonly teamsCreated: number;
  /** Teams that existed and got a new name, parent or manager. */
  readonly teamsUpdated: number;
  readonly membersCreated: number;
  /** Members that existed and got a new display name. */
  readonly membersUpdated: number;
  readonly membersDeactivated: number;
  readonly membersReactivated: number;
  /** Members whose manager was set, replaced or cleared. */
  readonly managersSet: number;
  readonly membershipsAdded: number;
  readonly membershipsRemoved: number;
}

/**
 * Mirrors a directory snapshot into a workspace (rules above), in one transaction.
 * @throws when the workspace does not exist, or the snapshot lists no active person — an empty
 * answer from the platform (a permission slip, an outage) must not deactivate everyone.
 */
export async function syncDirectory(deps: UseCaseDeps, workspaceId: number, snapshot: DirectorySnapshot): Promise<DirectorySyncReport> {
  const dir = normalizeSnapshot(snapshot);
  if (![...dir.people.values()].some((p) => p.active)) throw new Error('directory sync: the snapshot lists no active person; nothing was changed');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await lockDirectorySync(trx, workspaceId);
    const workspace = await findWorkspace(trx, workspaceId);
    if (!workspace) throw new Error(`directory sync: no workspace ${workspaceId}`);
    const ctx: SyncContext = { trx, workspaceId, now, dir, before: await loadDirectoryState(trx, workspaceId) };

    const teams = await createDepartmentTeams(ctx);
    const { members, counts } = await syncMembers(ctx, { locale: workspace.default_locale, timeZone: workspace.default_time_zone });
    const { teamsUpdated, managerIds } = await linkDepartmentTeams(ctx, teams, members);
    const managersSet = await syncReportingLines(ctx, members);
    const memberships = await syncMemberships(ctx, teams, members);
    const roles = await seatLeaders(ctx, members, managerIds);

    const report: DirectorySyncReport = { teamsCreated: teams.createdIds.size, teamsUpdated, ...counts, managersSet, ...memberships };
    if (roles.length > 0 || Object.values(report).some((n) => n > 0)) {
      await insertAuditEntries(trx, workspaceId, [
        { action: 'directory.sync', entityType: 'workspace', entityId: workspaceId, before: null, after: { ...report, departments: dir.departments.size, people: dir.people.size } },
        ...roles.map((r) => ({ action: 'member.role', entityType: 'member', entityId: r.memberId, before: { role: r.before }, after: { role: r.after, reason: r.reason } })),
      ]);
    }
    return report;
  });
}
