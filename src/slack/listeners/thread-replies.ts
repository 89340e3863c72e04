import type { WebClient } from '@slack/web-api';
import { findThread } from '../../db/chat-thread.repository';
import { findWorkspaceId } from '../../db/member.repository';
import { createTranslator } from '../../i18n/translate';
import { recordThreadReply } from '../../use-cases/record-thread-reply';
import { escapeMrkdwn, mention } from '../blocks/escape';
import { clampMrkdwn, LIMIT } from '../blocks/text-limits';
import { slackActor } from '../slack-actor';
import type { SlackDeps } from '../slack-deps';

export interface ThreadMessage {
  readonly teamId: string;
  readonly userId: string;
  readonly channel: string;
  readonly threadTs: string;
  readonly text: string;
}

/**
 * A reply in one of the bot's threads becomes feedback and the other side hears about it in a
 * DM. Threads the bot did not start are ordinary conversation and cost one indexed lookup.
 */
export async function handleThreadReply(deps: SlackDeps, client: WebClient, m: ThreadMessage): Promise<void> {
  const workspaceId = await findWorkspaceId(deps.db, 'slack', m.teamId);
  if (workspaceId === undefined) return;
  const thread = await findThread(deps.db, workspaceId, 'slack', m.channel, m.threadTs);
  if (!thread) return;
  const actor = await slackActor(deps, client, { teamId: m.teamId, userId: m.userId }, deps.defaults);
  const recorded = await recordThreadReply(deps, actor, thread, m.text);
  if (!recorded.ok || !recorded.value) return;
  for (const r of recorded.value.notify) {
    const t = createTranslator(r.locale);
    const text = clampMrkdwn(
      t('threads.notice', { name: mention(m.userId), ref: recorded.value.feedback.targetRef, text: escapeMrkdwn(recorded.value.feedback.body) }),
      LIMIT.textObject,
    );
    await client.chat.postMessage({ channel: r.externalId, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }] });
  }
}
