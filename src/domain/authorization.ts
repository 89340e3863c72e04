import type { Actor } from './member';

/** Who stands behind a goal: its owner, the owner's manager, and the manager of its team. */
export interface GoalStakeholders {
  readonly ownerId: number;
  readonly ownerManagerId: number | null;
  readonly teamManagerId: number | null;
  /** For a key result: the owner of its objective, who is accountable for all of its KRs. */
  readonly objectiveOwnerId?: number | null;
}

/**
 * Members change their own goals; managers also their reports' and their team's; admins
 * everything. Anyone else gets a refusal.
 */
export function canChangeGoal(actor: Pick<Actor, 'memberId' | 'role'>, goal: GoalStakeholders): boolean {
  if (actor.role === 'admin') return true;
  const me = actor.memberId;
  return goal.ownerId === me || goal.ownerManagerId === me || goal.teamManagerId === me || goal.objectiveOwnerId === me;
}

/** Admins manage every team; a team's manager manages its members and settings. */
export function canManageTeam(actor: Pick<Actor, 'memberId' | 'role'>, team: { readonly managerId: number | null }): boolean {
  return actor.role === 'admin' || team.managerId === actor.memberId;
}

/** Admins change anyone's reporting line; a manager may hand their own report to someone else or let them go. */
export function canChangeReportingLine(actor: Pick<Actor, 'memberId' | 'role'>, member: { readonly managerId: number | null }): boolean {
  return actor.role === 'admin' || member.managerId === actor.memberId;
}

/** Workspace-wide settings (the holiday calendar) are for admins. */
export function canManageWorkspace(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}
