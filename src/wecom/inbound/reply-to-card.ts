import type { Actor } from '../../domain/member';
import { textKit, type RenderContext } from '../../render/text/context';
import { checkInByCard, promptCard } from '../../use-cases/check-in-by-card';
import type { UseCaseDeps } from '../../use-cases/deps';
import type { InboundMessage } from '../inbound-message';
import { decodeCardKey, decodeKeyResultOptionId, KEY_RESULT_QUESTION } from '../messages/card-keys';
import { checkInCard } from '../messages/check-in-card';
import { checkInDetailsMessages } from '../messages/notice-messages';
import { errorMessages } from '../messages/outcome-messages';
import { textMessage } from '../messages/wecom-message';
import type { ReplyPlan } from './reply-plan';

type CardEvent = Extract<InboundMessage, { kind: 'card_event' }>;

/**
 * A click on a weekly check-in card. 按计划 / 有风险 / 延期 record that confidence for the key
 * result picked in the card's drop-down (the first not yet answered when none is picked), redraw
 * the card with what is recorded, and ask for the value as a short reply; 详情 sends the prompt in
 * full. Keys we did not issue, and other people's prompts, change nothing.
 */
export async function replyToCard(deps: UseCaseDeps, actor: Actor, click: CardEvent, clickKey: string, ctx: RenderContext): Promise<Omit<ReplyPlan, 'done'> | null> {
  const key = decodeCardKey(click.eventKey);
  if (!key) return null;
  const current = await promptCard(deps, actor, key.promptId);
  if (!current.ok) return { userId: click.fromUser, messages: errorMessages(current.error, ctx) };
  if (key.choice === 'details') return { userId: click.fromUser, messages: checkInDetailsMessages(current.value.view, ctx) };
  const picked = click.selected.find((s) => s.questionKey === KEY_RESULT_QUESTION)?.optionIds[0];
  const recorded = new Set(current.value.recorded.map((r) => r.keyResultId));
  const keyResultId = decodeKeyResultOptionId(picked) ?? current.value.view.keyResults.find((k) => !recorded.has(k.id))?.id ?? current.value.view.keyResults[0]?.id;
  if (keyResultId === undefined) return { userId: click.fromUser, messages: checkInDetailsMessages(current.value.view, ctx) };
  const done = await checkInByCard(deps, actor, { promptId: key.promptId, keyResultId, confidence: key.choice, idempotencyKey: clickKey });
  if (!done.ok) return { userId: click.fromUser, messages: errorMessages(done.error, ctx) };
  const { t } = textKit(ctx);
  return {
    userId: click.fromUser,
    cardUpdate: { responseCode: click.responseCode, card: checkInCard(done.value.card.view, ctx, { taskId: click.taskId, recorded: done.value.card.recorded }) },
    messages: [textMessage(t('wecom.inbound.askValue', { ref: done.value.keyResultRef, confidence: t(`wecom.card.button.${key.choice}`) }))],
  };
}
