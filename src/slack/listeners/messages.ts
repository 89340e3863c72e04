import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { revealsSecret } from '../../domain/command/command';
import { parseChatText } from '../../domain/command/parse-command';
import type { Actor } from '../../domain/member';
import { slackActor } from '../slack-actor';
import type { SlackDeps } from '../slack-deps';
import { commandReply, unexpected } from './reply';
import { handleThreadReply } from './thread-replies';

// Mentions in channels and direct messages speak the same grammar as /okr. Channel mentions are
// answered in the mention's thread; DMs in the DM. Replies in the bot's own threads are feedback.

const BOT_MENTION = /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>\s*/;

async function answer(deps: SlackDeps, client: WebClient, who: { teamId: string; userId: string }, text: string, post: { channel: string; thread_ts?: string }, inDm: boolean): Promise<void> {
  let actor: Actor | undefined;
  try {
    actor = await slackActor(deps, client, who, deps.defaults);
    const clean = text.replace(BOT_MENTION, '');
    const parsed = parseChatText(clean);
    const messages = await commandReply(deps, actor, parsed, clean);
    // In a channel a token goes to its creator alone, as an ephemeral message.
    const privately = !inDm && parsed.ok && revealsSecret(parsed.value);
    for (const m of messages) {
      if (privately) await client.chat.postEphemeral({ ...post, user: who.userId, text: m.text, blocks: m.blocks });
      else await client.chat.postMessage({ ...post, text: m.text, blocks: m.blocks });
    }
  } catch (error) {
    const m = unexpected(deps, actor, error, 'message');
    await client.chat.postMessage({ ...post, text: m.text, blocks: m.blocks }).catch(() => undefined);
  }
}

export function registerMessages(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client }) => {
    const teamId = (body as { team_id?: string }).team_id ?? '';
    if (!event.user) return;
    await answer(deps, client, { teamId, userId: event.user }, event.text, { channel: event.channel, thread_ts: event.thread_ts ?? event.ts }, false);
  });

  app.message(async ({ message, body, client }) => {
    // Only plain messages people type; edits, joins and bot posts are neither commands nor feedback.
    if (message.subtype !== undefined || !('user' in message) || !message.user) return;
    if ('bot_id' in message && message.bot_id) return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    if (message.channel_type === 'im') {
      await answer(deps, client, { teamId, userId: message.user }, message.text ?? '', { channel: message.channel }, true);
      return;
    }
    if (message.thread_ts && message.thread_ts !== message.ts) {
      await handleThreadReply(deps, client, { teamId, userId: message.user, channel: message.channel, threadTs: message.thread_ts, text: message.text ?? '' });
    }
  });
}
