import { claimEvent } from '../../db/processed-event.repository';
import type { RenderContext } from '../../render/text/context';
import { textKit } from '../../render/text/context';
import type { UseCaseDeps } from '../../use-cases/deps';
import { WecomApiError } from '../api/wecom-errors';
import { inboundDedupKey } from '../inbound-message';
import type { InboundJobData } from '../inbound-queue';
import { isDirectorySyncCommand } from '../directory/directory-command';
import { decodeCardKey } from '../messages/card-keys';
import { errorMessages } from '../messages/outcome-messages';
import { textMessage } from '../messages/wecom-message';
import type { WecomSender } from '../outbound/wecom-sender';
import { replyToCard } from './reply-to-card';
import { replyToText } from './reply-to-text';
import { planSteps, type ReplyPlan } from './reply-plan';
import { wecomActor, type WecomActorDeps } from './wecom-actor';

export interface InboundDeps extends WecomActorDeps {
  readonly useCases: UseCaseDeps;
  readonly sender: WecomSender;
  readonly agentId: string;
  /** Queues a directory sync now; the requester hears the result (admins only). */
  readonly requestDirectorySync: (requestedBy: string) => Promise<void>;
}

/** Where the job keeps its plan between attempts (BullMQ job data in the worker). */
export interface InboundProgress {
  /** 0 on the first attempt. */
  readonly attempt: number;
  readonly plan: ReplyPlan | undefined;
  save(plan: ReplyPlan): Promise<void>;
}

export type InboundResult = 'replied' | 'duplicate' | 'ignored';

/**
 * One inbound WeCom message, after the callback acknowledged it: claimed once in PostgreSQL (the
 * callback's Redis claim can be lost), answered by running the command or the card click, and the
 * reply sent step by step so a retry resumes instead of repeating.
 */
export async function processInbound(deps: InboundDeps, data: InboundJobData, progress: InboundProgress): Promise<InboundResult> {
  const msg = data.message;
  // Another app of the same company pointed at this URL: not ours to answer.
  if (msg.agentId !== '' && msg.agentId !== deps.agentId) return 'ignored';
  let plan = progress.plan;
  if (!plan) {
    const key = inboundDedupKey(data.corpId, msg);
    // A later attempt of this job finds its own claim: it plans again (check-ins are idempotent by key).
    if (!(await claimEvent(deps.useCases.db, 'wecom', key)) && progress.attempt === 0) return 'duplicate';
    const planned = await planReply(deps, data, key);
    if (!planned) return 'ignored';
    plan = { ...planned, done: 0 };
    // A reply showing a secret is not kept in the job's data; if its send fails, nobody saw it.
    if (planned.secret) {
      await sendPlan(deps, plan, { ...progress, save: async () => {} });
      return 'replied';
    }
    await progress.save(plan);
  }
  await sendPlan(deps, plan, progress);
  return 'replied';
}

async function planReply(deps: InboundDeps, data: InboundJobData, key: string): Promise<(Omit<ReplyPlan, 'done'> & { readonly secret?: boolean }) | null> {
  const msg = data.message;
  if (msg.kind === 'event') return null; // entering the app, menu views: nothing to say.
  // A click on a button we never issued is nobody's business, not even a first contact.
  if (msg.kind === 'card_event' && decodeCardKey(msg.eventKey) === null) return null;
  const actor = await wecomActor(deps, msg.fromUser);
  const ctx: RenderContext = { locale: actor.locale, timeZone: actor.timeZone, now: deps.useCases.clock.now() };
  switch (msg.kind) {
    case 'text':
      if (isDirectorySyncCommand(msg.content)) {
        if (actor.role !== 'admin') return { userId: msg.fromUser, messages: errorMessages({ code: 'admin_only' }, ctx) };
        await deps.requestDirectorySync(msg.fromUser);
        return { userId: msg.fromUser, messages: [textMessage(textKit(ctx).t('wecom.directory.started'))] };
      }
      return { userId: msg.fromUser, ...(await replyToText(deps.useCases, actor, msg.content, key, ctx)) };
    case 'card_event':
      return replyToCard(deps.useCases, actor, msg, key, ctx);
    case 'other':
      return { userId: msg.fromUser, messages: [textMessage(textKit(ctx).t('wecom.inbound.textOnly'))] };
  }
}

async function sendPlan(deps: InboundDeps, start: ReplyPlan, progress: InboundProgress): Promise<void> {
  let plan = start;
  const steps = planSteps(plan);
  while (plan.done < steps) {
    if (plan.cardUpdate && plan.done === 0) {
      try {
        await deps.sender.updateCard(plan.userId, plan.cardUpdate.responseCode, plan.cardUpdate.card);
      } catch (error) {
        // A used or expired response code cannot be retried into working; the reply text still goes.
        if (!(error instanceof WecomApiError) || error.retryable) throw error;
        deps.logger.warn({ errcode: error.errcode, userId: plan.userId }, 'wecom card update refused; sending the reply without it');
      }
    } else {
      const index = plan.done - (plan.cardUpdate ? 1 : 0);
      await deps.sender.toMember(plan.userId, plan.messages[index]!);
    }
    plan = { ...plan, done: plan.done + 1 };
    await progress.save(plan);
  }
}
