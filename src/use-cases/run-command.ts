import type { Command } from '../domain/command/command';
import type { Actor } from '../domain/member';
import { localDay } from '../domain/calendar';
import { ok, type Result } from '../domain/result';
import type { CheckInSource } from '../db/database';
import { findKeyResults } from '../db/key-result.repository';
import { addFeedback } from './add-feedback';
import { addKeyResult } from './add-key-result';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import { alignObjective } from './align-objective';
import { toKeyResultView } from './build-views';
import { closeGoal } from './close-goal';
import { createObjective } from './create-objective';
import { createTeam } from './create-team';
import { findCycle } from './current-cycle';
import type { UseCaseDeps } from './deps';
import { editGoal } from './edit-goal';
import { goalTree } from './goal-tree';
import { createKpi, linkKpi, listKpiViews, logKpiReading, showKpi } from './kpis';
import { listGoals } from './list-goals';
import { listLagging } from './list-lagging';
import { setMemberManager, setMemberRole } from './member-org';
import { clearOutOfOffice, setOutOfOffice, snoozePrompts } from './out-of-office';
import type { Outcome, UseCaseError } from './outcome';
import { recordCheckIn } from './record-check-in';
import { resolveBlocker } from './resolve-blocker';
import { reviewCycle } from './review-cycle';
import { scoreGoal } from './score-goal';
import { showGoal } from './show-goal';
import { changeTeamMembership, setTeamManager } from './team-membership';
import { changeTeamSettings, showTeamSettings } from './team-settings';
import { teamSummary } from './team-summary';
import { addHoliday, listHolidays, removeHoliday, setHolidayCalendar } from './workspace-holidays';

/**
 * The one place a parsed command becomes a use-case call — shared by Slack, WeCom, the console
 * and tests, so every surface behaves the same.
 */
export async function runCommand(
  deps: UseCaseDeps,
  actor: Actor,
  cmd: Command,
  source: CheckInSource = 'chat',
  /** The inbound message's id where the platform redelivers (WeCom): a replayed check-in records nothing new. */
  options: { readonly idempotencyKey?: string } = {},
): Promise<Result<Outcome, UseCaseError>> {
  switch (cmd.verb) {
    case 'help':
      return ok(cmd.topic === undefined ? { type: 'help' } : { type: 'help', topic: cmd.topic });
    case 'home': {
      const mine = await listGoals(deps, actor, { type: 'me' });
      return mine.ok && mine.value.type === 'goals' ? ok({ type: 'home', objectives: mine.value.objectives, cycleName: mine.value.cycleName }) : mine;
    }
    case 'list':
      return listGoals(deps, actor, cmd.scope, cmd.cycle);
    case 'show':
      return showGoal(deps, actor, cmd.target);
    case 'new':
      return createObjective(deps, actor, cmd);
    case 'kr_add':
      return addKeyResult(deps, actor, cmd);
    case 'update':
      return recordCheckIn(deps, actor, {
        keyResult: cmd.keyResult,
        value: cmd.value,
        source,
        ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
        ...(cmd.confidence ? { confidence: cmd.confidence } : {}),
        ...(cmd.note ? { note: cmd.note } : {}),
      });
    case 'checkin':
      return checkInForm(deps, actor);
    case 'tree':
      return goalTree(deps, actor, cmd.root);
    case 'team':
      return teamSummary(deps, actor, cmd.team);
    case 'lagging':
      return listLagging(deps, actor);
    case 'comment':
      return addFeedback(deps, actor, { kind: 'comment', target: cmd.target, text: cmd.text });
    case 'blocker':
      return addFeedback(deps, actor, { kind: 'blocker', target: cmd.target, text: cmd.text, ...(cmd.helper ? { helper: cmd.helper } : {}) });
    case 'resolve':
      return resolveBlocker(deps, actor, cmd.blocker, cmd.note);
    case 'score':
      return scoreGoal(deps, actor, cmd.target, cmd.score, cmd.note);
    case 'review':
      return reviewCycle(deps, actor, cmd.cycle);
    case 'ooo':
      return setOutOfOffice(deps, actor, cmd.until, cmd.from);
    case 'ooo_clear':
      return clearOutOfOffice(deps, actor);
    case 'snooze':
      return snoozePrompts(deps, actor, cmd.days);
    case 'edit':
      return editGoal(deps, actor, cmd);
    case 'align':
      return alignObjective(deps, actor, cmd.child, cmd.parent);
    case 'close':
      return closeGoal(deps, actor, cmd.target, cmd.reopen);
    case 'kpi_list':
      return listKpiViews(deps, actor);
    case 'kpi_show':
      return showKpi(deps, actor, cmd.key);
    case 'kpi_new':
      return createKpi(deps, actor, cmd);
    case 'kpi_log':
      return logKpiReading(deps, actor, cmd.key, cmd.value.value, cmd.date);
    case 'kpi_link':
      return linkKpi(deps, actor, cmd.keyResult, cmd.key);
    case 'team_new':
      return createTeam(deps, actor, cmd);
    case 'team_member':
      return changeTeamMembership(deps, actor, cmd.action, cmd.member, cmd.team);
    case 'team_manager':
      return setTeamManager(deps, actor, cmd.team, cmd.manager);
    case 'team_set':
      return changeTeamSettings(deps, actor, cmd.team, cmd.changes);
    case 'team_settings':
      return showTeamSettings(deps, actor, cmd.team);
    case 'member_role':
      return setMemberRole(deps, actor, cmd.member, cmd.role);
    case 'member_manager':
      return setMemberManager(deps, actor, cmd.member, cmd.manager);
    case 'holidays':
      return listHolidays(deps, actor, cmd.year);
    case 'holiday_add':
      return addHoliday(deps, actor, cmd);
    case 'holiday_remove':
      return removeHoliday(deps, actor, cmd.day);
    case 'holiday_calendar':
      return setHolidayCalendar(deps, actor, cmd.calendar);
    case 'token_new':
      return createApiToken(deps, actor, cmd.name);
    case 'token_list':
      return listApiTokens(deps, actor);
    case 'token_revoke':
      return revokeApiToken(deps, actor, cmd.name);
  }
}

/** The check-in form lists every open key result the actor owns in the current cycle. */
async function checkInForm(deps: UseCaseDeps, actor: Actor): Promise<Result<Outcome, UseCaseError>> {
  const now = deps.clock.now();
  const cycle = await findCycle(deps.db, actor.workspaceId, localDay(now, actor.timeZone));
  if (!cycle.ok) return cycle;
  const rows = cycle.value ? await findKeyResults(deps.db, actor.workspaceId, { ownerId: actor.memberId, cycleId: cycle.value.id, openOnly: true }) : [];
  return ok({ type: 'form', form: 'check_in', openKeyResults: rows.map((r) => toKeyResultView(r, now)) });
}
