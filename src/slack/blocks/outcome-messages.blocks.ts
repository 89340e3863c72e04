import { textKit, type RenderContext } from '../../render/text/context';
import type { Outcome } from '../../use-cases/outcome';
import { apiTokenCreatedReply, apiTokenRevokedReply, apiTokensReply } from './api-token-message';
import * as change from './change-message';
import { formReply } from './form-fallback-message';
import { keyResultDetailReply, objectiveDetailReply } from './goal-detail-message';
import { goalsReply, homeReply, laggingReply, teamReply, treeReply } from './goal-list-message';
import { esc } from './goal-lines';
import { helpReply } from './help-message';
import { holidayCalendarChangedReply, holidayChangedReply, holidaysReply } from './holiday-message';
import { kpiCreatedReply, kpiDetailReply, kpiListReply, kpiLoggedReply } from './kpi-message';
import type { SlackMessage } from './message';
import * as org from './org-message';
import { splitIntoMessages } from './paginate';
import type { Reply, ReplyKit } from './reply';
import { reviewReply } from './review-message';

/** The reader's language and time, and the command text that produced the outcome (for Share). */
export type SlackRenderContext = RenderContext & { readonly commandText?: string };

function reply(outcome: Outcome, kit: ReplyKit): Reply {
  switch (outcome.type) {
    case 'help':
      return helpReply(outcome.topic, kit);
    case 'home':
      return homeReply(outcome.objectives, outcome.cycleName, kit);
    case 'goals':
      return goalsReply(outcome.scope, outcome.objectives, outcome.cycleName, kit);
    case 'objective':
      return objectiveDetailReply(outcome.objective, outcome.children, outcome.feedback, kit);
    case 'key_result':
      return keyResultDetailReply(outcome.keyResult, outcome.objectiveTitle, outcome.history, outcome.feedback, kit);
    case 'form':
      return outcome.form === 'team_settings' ? org.teamSettingsFallbackReply(outcome.settings, kit) : formReply(outcome.form, outcome.openKeyResults, kit);
    case 'objective_created':
      return change.objectiveCreatedReply(outcome.objective, kit);
    case 'key_result_added':
      return change.keyResultAddedReply(outcome.keyResult, outcome.objectiveProgress, kit);
    case 'checked_in':
      return change.checkedInReply(outcome, kit);
    case 'tree':
      return treeReply(outcome.nodes, outcome.truncated, kit);
    case 'team':
      return teamReply(outcome, kit);
    case 'lagging':
      return laggingReply(outcome.keyResults, kit);
    case 'feedback_added':
      return change.feedbackAddedReply(outcome.feedback, kit);
    case 'blocker_resolved':
      return change.blockerResolvedReply(outcome.feedback, kit);
    case 'scored':
      return change.scoredReply(outcome, kit);
    case 'review':
      return reviewReply(outcome.report, kit);
    case 'out_of_office':
      return change.outOfOfficeReply(outcome.from, outcome.until, kit);
    case 'out_of_office_cleared':
      return change.outOfOfficeClearedReply(kit);
    case 'snoozed':
      return change.snoozedReply(outcome.until, kit);
    case 'edited':
      return change.editedReply(outcome.ref, outcome.fields, kit);
    case 'aligned':
      return change.alignedReply(outcome.ref, outcome.parentRef, kit);
    case 'closed':
      return change.closedReply(outcome.ref, outcome.reopened, kit);
    case 'kpi_list':
      return kpiListReply(outcome.kpis, kit);
    case 'kpi_detail':
      return kpiDetailReply(outcome.kpi, outcome.history, kit);
    case 'kpi_created':
      return kpiCreatedReply(outcome.kpi, kit);
    case 'kpi_logged':
      return kpiLoggedReply(outcome.kpi, outcome.previous, kit);
    case 'kpi_linked':
      return change.kpiLinkedReply(outcome.keyResultRef, outcome.kpiKey, kit);
    case 'team_created':
      return org.teamCreatedReply(outcome.team, kit);
    case 'team_changed':
      return org.teamChangedReply(outcome.team, outcome.fields, kit);
    case 'team_member_changed':
      return org.teamMemberChangedReply(outcome, kit);
    case 'member_changed':
      return org.memberChangedReply(outcome, kit);
    case 'holidays':
      return holidaysReply(outcome, kit);
    case 'holiday_changed':
      return holidayChangedReply(outcome, kit);
    case 'holiday_calendar_changed':
      return holidayCalendarChangedReply(outcome, kit);
    case 'api_token_created':
      return apiTokenCreatedReply(outcome, kit);
    case 'api_tokens':
      return apiTokensReply(outcome.tokens, kit);
    case 'api_token_revoked':
      return apiTokenRevokedReply(outcome.name, kit);
    default: {
      // A new Outcome variant is a compile error here; at run time it still gets a reply.
      const unexpected: never = outcome;
      const type = esc(String((unexpected as { type?: unknown }).type));
      return { text: type, blocks: [] };
    }
  }
}

/**
 * What a command produced, as Slack messages: Block Kit with user text escaped, every text clamped
 * to its limit, buttons for the natural next step, and split into messages of at most 50 blocks
 * (usually one). Send them in order.
 */
export function renderOutcomeMessages(outcome: Outcome, ctx: SlackRenderContext): SlackMessage[] {
  const kit: ReplyKit = { ...textKit(ctx), ...(ctx.commandText === undefined ? {} : { commandText: ctx.commandText }) };
  const { text, blocks } = reply(outcome, kit);
  return splitIntoMessages(text, blocks, ctx.locale);
}
