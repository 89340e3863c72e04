import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../blocks/message';
import { parseChatText } from '../../domain/command/parse-command';
import type { Actor } from '../../domain/member';
import { ACTION } from '../blocks/ids';
import { slackActor } from '../slack-actor';
import type { SlackDeps } from '../slack-deps';
import { MAX_RESPONSES, respondAll } from './commands';
import { openCheckInModal, openNewObjectiveModal, openScoreModal } from './open-modals';
import { commandReply, renderContext, unexpected } from './reply';
import { snoozeCheckInPrompt } from '../../use-cases/snooze-check-in-prompt';
import { renderOutcomeMessages } from '../blocks/outcome-messages.blocks';
import { renderErrorMessage } from '../blocks/error-message.blocks';

type ButtonArgs = { body: BlockAction<ButtonAction>; action: ButtonAction };

/** Buttons on replies, prompts and the Home tab. Each acks first; modals open on the trigger. */
export function registerActions(app: App, deps: SlackDeps): void {
  const actorOf = (body: BlockAction, client: WebClient) =>
    slackActor(deps, client, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id }, deps.defaults);

  app.action<BlockAction<ButtonAction>>(ACTION.openCheckIn, async ({ ack, body, action, client }) => {
    await ack();
    const actor = await actorOf(body, client);
    await openCheckInModal(deps, client, body.trigger_id, actor, action.value || undefined);
  });

  app.action<BlockAction<ButtonAction>>(ACTION.openNewObjective, async ({ ack, body, client }) => {
    await ack();
    await openNewObjectiveModal(deps, client, body.trigger_id, await actorOf(body, client));
  });

  app.action<BlockAction<ButtonAction>>(ACTION.openScore, async ({ ack, body, action, client }) => {
    await ack();
    await openScoreModal(deps, client, body.trigger_id, await actorOf(body, client), action.value ?? '');
  });

  // Details and share re-run a command as the person who clicked: what they see is what they may
  // see. Buttons on messages answer through their response_url; the Home tab has none, so those
  // answers go to the member's DM with the bot.
  const rerun = (command: (a: ButtonArgs) => string, responseType: 'ephemeral' | 'in_channel') =>
    async ({ ack, body, action, client, respond }: ButtonArgs & { ack: () => Promise<void>; client: WebClient; respond?: RespondFn }) => {
      await ack();
      let actor: Actor | undefined;
      const send = async (messages: readonly SlackMessage[]) => {
        if (respond && body.response_url) return respondAll(respond, messages, responseType);
        for (const m of messages.slice(0, MAX_RESPONSES)) await client.chat.postMessage({ channel: body.user.id, text: m.text, blocks: m.blocks });
      };
      try {
        actor = await actorOf(body, client);
        const text = command({ body, action });
        await send(await commandReply(deps, actor, parseChatText(text), text));
      } catch (error) {
        await send([unexpected(deps, actor, error, action.action_id)]).catch(() => undefined);
      }
    };
  // The prompt's snooze button: its reminder and escalation wait a day; the answer is ephemeral.
  app.action<BlockAction<ButtonAction>>(ACTION.snoozePrompt, async ({ ack, body, action, client, respond }) => {
    await ack();
    let actor: Actor | undefined;
    try {
      actor = await actorOf(body, client);
      const result = await snoozeCheckInPrompt(deps, actor, Number(action.value));
      const ctx = renderContext(actor, deps);
      const messages = result.ok ? renderOutcomeMessages(result.value, ctx) : [renderErrorMessage(result.error, ctx)];
      await respondAll(respond, messages, 'ephemeral');
    } catch (error) {
      await respondAll(respond, [unexpected(deps, actor, error, action.action_id)], 'ephemeral').catch(() => undefined);
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.showGoal, rerun(({ action }) => `/okr show ${action.value ?? ''}`, 'ephemeral'));
  app.action<BlockAction<ButtonAction>>(ACTION.share, rerun(({ action }) => action.value ?? '/okr', 'in_channel'));
}
