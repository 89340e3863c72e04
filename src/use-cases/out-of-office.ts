import { localDay, shiftDay } from '../domain/calendar';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { endAbsences, insertAbsence } from '../db/absence.repository';
import { writeAudit } from '../db/audit.repository';
import { updateMember } from '../db/member.repository';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';
import { transact } from './transact';

/**
 * Marks the actor out of office from `from` (default today) until `until`, inclusive: no
 * check-in prompts or reminders reach them meanwhile.
 * @returns errors: bad_date_range
 */
export async function setOutOfOffice(deps: UseCaseDeps, actor: Actor, until: string, from?: string): Promise<Result<Outcome, UseCaseError>> {
  const today = localDay(deps.clock.now(), actor.timeZone);
  const start = from ?? today;
  if (until < start || until < today || until > shiftDay(today, 366)) return fail({ code: 'bad_date_range' });
  return transact(deps.db, async (trx) => {
    const row = await insertAbsence(trx, { workspaceId: actor.workspaceId, memberId: actor.memberId, startsOn: start, endsOn: until });
    await writeAudit(trx, { workspaceId: actor.workspaceId, actorId: actor.memberId, action: 'member.ooo', entityType: 'member_absence', entityId: row.id, after: { from: start, until } });
    return ok({ type: 'out_of_office', from: start, until } as const);
  });
}

/** Back in office from today: running absences end yesterday, planned ones are cancelled. */
export async function clearOutOfOffice(deps: UseCaseDeps, actor: Actor): Promise<Result<Outcome, UseCaseError>> {
  const today = localDay(deps.clock.now(), actor.timeZone);
  return transact(deps.db, async (trx) => {
    const changed = await endAbsences(trx, actor.workspaceId, actor.memberId, today, shiftDay(today, -1));
    await writeAudit(trx, { workspaceId: actor.workspaceId, actorId: actor.memberId, action: 'member.ooo_clear', entityType: 'member', entityId: actor.memberId, after: { changed } });
    return ok({ type: 'out_of_office_cleared' } as const);
  });
}

/** Holds back check-in prompts and reminders for `days` days. */
export async function snoozePrompts(deps: UseCaseDeps, actor: Actor, days: number): Promise<Result<Outcome, UseCaseError>> {
  const until = new Date(deps.clock.now().getTime() + days * 86_400_000);
  return transact(deps.db, async (trx) => {
    await updateMember(trx, actor.workspaceId, actor.memberId, { snoozedUntil: until });
    await writeAudit(trx, { workspaceId: actor.workspaceId, actorId: actor.memberId, action: 'member.snooze', entityType: 'member', entityId: actor.memberId, after: { until } });
    return ok({ type: 'snoozed', until } as const);
  });
}
