import type { MemberRef } from '../domain/command/command';
import { canChangeReportingLine } from '../domain/authorization';
import type { Actor, Role } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { writeAudit } from '../db/audit.repository';
import { lockActiveAdmins, setMemberManager as storeManager, setMemberRole as storeRole, wouldCloseReportingLoop } from '../db/member.repository';
import type { UseCaseDeps } from './deps';
import { currentActor, memberLabel, violates } from './org-access';
import type { Outcome, UseCaseError } from './outcome';
import { resolveMember } from './resolve-member';
import { transact } from './transact';

/**
 * `role @bob admin|manager|member`: admins only. The last active admin cannot step down, so the
 * workspace always keeps someone who can set it up.
 * @returns errors: admin_only, unknown_member, ambiguous, last_admin
 */
export async function setMemberRole(deps: UseCaseDeps, actor: Actor, memberRef: MemberRef, role: Role): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  return transact<Outcome, UseCaseError>(deps.db, async (trx) => {
    const me = await currentActor(trx, actor);
    if (me.role !== 'admin') return fail({ code: 'admin_only' } as const);
    const member = await resolveMember(trx, ws, memberRef);
    if (!member.ok) return member;
    const m = member.value;
    const result = { type: 'member_changed', memberName: m.display_name, change: { field: 'role', role } } as const;
    if (m.role === role) return ok({ ...result, changed: false });
    if (m.role === 'admin') {
      const others = (await lockActiveAdmins(trx, ws)).filter((id) => id !== m.id);
      if (others.length === 0) return fail({ code: 'last_admin' } as const);
    }
    await storeRole(trx, ws, m.id, role);
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'member.role', entityType: 'member', entityId: m.id, before: { role: m.role }, after: { role } });
    return ok({ ...result, changed: true });
  });
}

/**
 * `manager @alice @bob` (Alice now reports to Bob) or `manager @alice none`: admins, or Alice's
 * current manager. A line that would loop (Bob already reports to Alice, however far up) is refused.
 * @returns errors: unknown_member, ambiguous, forbidden (kind member), reporting_cycle
 */
export async function setMemberManager(deps: UseCaseDeps, actor: Actor, memberRef: MemberRef, managerRef: MemberRef | null): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  let names: { member: string; manager: string } | undefined;
  try {
    return await transact<Outcome, UseCaseError>(deps.db, async (trx) => {
      const me = await currentActor(trx, actor);
      const member = await resolveMember(trx, ws, memberRef);
      if (!member.ok) return member;
      const m = member.value;
      if (!canChangeReportingLine(me, { managerId: m.manager_id })) return fail({ code: 'forbidden', ref: memberLabel(m), kind: 'member' } as const);
      let managerId: number | null = null;
      let managerName: string | null = null;
      if (managerRef) {
        const manager = await resolveMember(trx, ws, managerRef);
        if (!manager.ok) return manager;
        names = { member: memberLabel(m), manager: memberLabel(manager.value) };
        if (await wouldCloseReportingLoop(trx, ws, m.id, manager.value.id)) return fail({ code: 'reporting_cycle', ...names } as const);
        managerId = manager.value.id;
        managerName = manager.value.display_name;
      }
      const result = { type: 'member_changed', memberName: m.display_name, change: { field: 'manager', managerName } } as const;
      if (m.manager_id === managerId) return ok({ ...result, changed: false });
      await storeManager(trx, ws, m.id, managerId);
      await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'member.manager', entityType: 'member', entityId: m.id, before: { manager_id: m.manager_id }, after: { manager_id: managerId } });
      return ok({ ...result, changed: true });
    });
  } catch (error) {
    // Two concurrent changes can each pass the check above; the schema's trigger catches the loop.
    if (names && violates(error, 'member_no_cycle')) return fail({ code: 'reporting_cycle', ...names });
    throw error;
  }
}
