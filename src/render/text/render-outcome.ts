import type { Outcome } from '../../use-cases/outcome';
import { renderApiTokenCreated, renderApiTokenRevoked, renderApiTokens } from './api-token-text';
import * as change from './change-text';
import { textKit, type RenderContext } from './context';
import { renderForm } from './form-text';
import { renderKeyResultDetail, renderObjectiveDetail } from './goal-detail-text';
import { renderGoals, renderHome, renderLagging, renderTeam, renderTree } from './goal-list-text';
import { renderHelp } from './help-text';
import { renderHolidayCalendarChanged, renderHolidayChanged, renderHolidays } from './holiday-text';
import { renderKpiCreated, renderKpiDetail, renderKpiList, renderKpiLogged } from './kpi-text';
import * as org from './org-text';
import { renderReview } from './review-text';

export type { RenderContext } from './context';

/**
 * What a command produced, as plain text: the local console prints it, WeCom text replies build
 * on it. User text (titles, notes, names) is printed as typed.
 */
export function renderOutcome(outcome: Outcome, ctx: RenderContext): string {
  const kit = textKit(ctx);
  const { t } = kit;
  const lines = ((): readonly string[] => {
    switch (outcome.type) {
      case 'help':
        return [renderHelp(outcome.topic, ctx)];
      case 'home':
        return renderHome(outcome.objectives, outcome.cycleName, kit);
      case 'goals':
        return renderGoals(outcome.scope, outcome.objectives, outcome.cycleName, kit);
      case 'objective':
        return renderObjectiveDetail(outcome.objective, outcome.children, outcome.feedback, kit);
      case 'key_result':
        return renderKeyResultDetail(outcome.keyResult, outcome.objectiveTitle, outcome.history, outcome.feedback, kit);
      case 'form':
        return outcome.form === 'team_settings' ? org.renderTeamSettings(outcome.settings, kit) : renderForm(outcome.form, outcome.openKeyResults, kit);
      case 'objective_created':
        return change.renderObjectiveCreated(outcome.objective, kit);
      case 'key_result_added':
        return change.renderKeyResultAdded(outcome.keyResult, outcome.objectiveProgress, kit);
      case 'checked_in':
        return change.renderCheckedIn(outcome, kit);
      case 'tree':
        return renderTree(outcome.nodes, outcome.truncated, kit);
      case 'team':
        return renderTeam(outcome, kit);
      case 'lagging':
        return renderLagging(outcome.keyResults, kit);
      case 'feedback_added':
        return change.renderFeedbackAdded(outcome.feedback, kit);
      case 'blocker_resolved':
        return change.renderBlockerResolved(outcome.feedback, kit);
      case 'scored':
        return change.renderScored(outcome, kit);
      case 'review':
        return renderReview(outcome.report, kit);
      case 'out_of_office':
        return change.renderOutOfOffice(outcome.from, outcome.until, kit);
      case 'out_of_office_cleared':
        return [t('outcome.outOfOfficeCleared')];
      case 'snoozed':
        return change.renderSnoozed(outcome.until, kit);
      case 'edited':
        return change.renderEdited(outcome.ref, outcome.fields, kit);
      case 'aligned':
        return change.renderAligned(outcome.ref, outcome.parentRef, kit);
      case 'closed':
        return change.renderClosed(outcome.ref, outcome.reopened, kit);
      case 'kpi_list':
        return renderKpiList(outcome.kpis, kit);
      case 'kpi_detail':
        return renderKpiDetail(outcome.kpi, outcome.history, kit);
      case 'kpi_created':
        return renderKpiCreated(outcome.kpi, kit);
      case 'kpi_logged':
        return renderKpiLogged(outcome.kpi, outcome.previous, kit);
      case 'kpi_linked':
        return [t('outcome.kpiLinked', { keyResultRef: outcome.keyResultRef, kpiKey: outcome.kpiKey })];
      case 'team_created':
        return org.renderTeamCreated(outcome.team, kit);
      case 'team_changed':
        return org.renderTeamChanged(outcome.team, outcome.fields, kit);
      case 'team_member_changed':
        return org.renderTeamMemberChanged(outcome, kit);
      case 'member_changed':
        return org.renderMemberChanged(outcome, kit);
      case 'holidays':
        return renderHolidays(outcome, kit);
      case 'holiday_changed':
        return renderHolidayChanged(outcome, kit);
      case 'holiday_calendar_changed':
        return renderHolidayCalendarChanged(outcome, kit);
      case 'api_token_created':
        return renderApiTokenCreated(outcome, kit);
      case 'api_tokens':
        return renderApiTokens(outcome.tokens, kit);
      case 'api_token_revoked':
        return renderApiTokenRevoked(outcome.name, kit);
      default: {
        const unexpected: never = outcome;
        return [String((unexpected as { type?: unknown }).type)];
      }
    }
  })();
  return lines.join('\n');
}
