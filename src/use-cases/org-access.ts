import type { Kysely } from 'kysely';
import type { TeamRef } from '../domain/command/command';
import type { Actor, Role } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import type { Database, MemberRow, TeamRow } from '../db/database';
import { findMemberById, setMemberRole } from '../db/member.repository';
import { addTeamMember, teamContext, teamsManagedBy, teamsOfMember } from '../db/team.repository';
import { writeAudit } from '../db/audit.repository';
import type { UseCaseError } from './outcome';
import { resolveTeam } from './resolve-member';
import type { TeamSettingsView, TeamView } from './views';

type Db = Kysely<Database>;

// Shared by the organisation use-cases (teams, roles, reporting lines).

/**
 * The actor as the database knows them now. Organisation commands change roles, so they decide on
 * the stored role rather than the one the adapter read at the start of the request (or, in the
 * console, when the session began).
 */
export async function currentActor(db: Db, actor: Actor): Promise<Actor> {
  const row = await findMemberById(db, actor.workspaceId, actor.memberId);
  return row && row.active ? { ...actor, role: row.role } : { ...actor, role: 'member' };
}

export const teamLabel = (team: Pick<TeamRow, 'handle'>): string => `#${team.handle}`;
export const memberLabel = (member: Pick<MemberRow, 'display_name'>): string => `@${member.display_name}`;

export function teamSettingsView(t: TeamRow): TeamSettingsView {
  return {
    teamId: t.id,
    name: t.name,
    handle: t.handle,
    checkinWeekday: t.checkin_weekday,
    checkinTime: t.checkin_time,
    channelRef: t.channel_ref,
    lagThreshold: t.lag_threshold,
    staleDays: t.stale_days,
    remindAfterHours: t.remind_after_hours,
    escalateAfterWorkdays: t.escalate_after_workdays,
    digestAfterHours: t.digest_after_hours,
  };
}

export async function teamView(db: Db, workspaceId: number, t: TeamRow): Promise<TeamView> {
  return { ...teamSettingsView(t), ...(await teamContext(db, workspaceId, t)) };
}

/**
 * The named team, or without a name the actor's own: the first team they manage, else the first
 * team they joined.
 * @returns errors: not_found, unknown_team, no_team
 */
export async function teamOrMine(db: Db, actor: Actor, ref: TeamRef | undefined): Promise<Result<TeamRow, UseCaseError>> {
  if (ref) return resolveTeam(db, actor.workspaceId, ref);
  const [managed] = await teamsManagedBy(db, actor.workspaceId, actor.memberId);
  const team = managed ?? (await teamsOfMember(db, actor.workspaceId, actor.memberId))[0];
  return team ? ok(team) : fail({ code: 'no_team' });
}

/**
 * Makes `member` able to run `team`: a member of it, and at least a manager by role. Returns
 * whether the role was raised. The caller sets `team.manager_id` and audits the team change.
 */
export async function seatManager(db: Db, actor: Actor, team: TeamRow, member: MemberRow): Promise<boolean> {
  await addTeamMember(db, actor.workspaceId, team.id, member.id);
  if (member.role !== 'member') return false;
  const role: Role = 'manager';
  await setMemberRole(db, actor.workspaceId, member.id, role);
  await writeAudit(db, {
    workspaceId: actor.workspaceId, actorId: actor.memberId, action: 'member.role', entityType: 'member', entityId: member.id,
    before: { role: member.role }, after: { role, reason: `manager of ${teamLabel(team)}` },
  });
  return true;
}

/** Whether an error thrown by the database is the violation of `constraint` (pg and PGlite both report it). */
export function violates(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { constraint?: unknown; message?: unknown };
  return e.constraint === constraint || (typeof e.message === 'string' && e.message.includes(constraint));
}
