import type { TemplateCard, WecomMessage } from '../messages/wecom-message';

/**
 * What the bot will send back for one inbound message, worked out once and kept with the job, so
 * a retry after a failed send resumes where it stopped instead of running the command again.
 */
export interface ReplyPlan {
  readonly userId: string;
  /** The clicked card, redrawn: sent first, with the click's single-use response code. */
  readonly cardUpdate?: { readonly responseCode: string; readonly card: TemplateCard };
  readonly messages: readonly WecomMessage[];
  /** Steps already sent: the card update (when there is one) counts as the first. */
  readonly done: number;
}

export const planSteps = (plan: ReplyPlan): number => (plan.cardUpdate ? 1 : 0) + plan.messages.length;
