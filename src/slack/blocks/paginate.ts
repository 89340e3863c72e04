import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../domain/member';
import { formatNumber } from '../../i18n/format';
import { translate } from '../../i18n/translate';
import { context } from './block-builders';
import type { SlackMessage } from './message';
import { clampMrkdwn, LIMIT } from './text-limits';

// Slack rejects a message with more than 50 blocks and a view with more than 100 (platform-facts
// A5) rather than cutting them, so long replies are split here, at block boundaries.

/** Stands in for an empty notification text: Slack wants `text` next to blocks for notifications. */
const FALLBACK_TEXT = '…';

const messageText = (text: string): string => clampMrkdwn(text.trim() === '' ? FALLBACK_TEXT : text, LIMIT.messageText);

/**
 * One message per 50 blocks. Every message after the first opens with a small "(continued)"
 * context block, so each one makes sense when it arrives on its own, and carries the same
 * notification `text` with the same marker. `text` must already be mrkdwn-safe (escaped).
 */
export function splitIntoMessages(text: string, blocks: readonly KnownBlock[], locale: Locale = 'en'): SlackMessage[] {
  const first = blocks.slice(0, LIMIT.blocksPerMessage);
  const messages: SlackMessage[] = [{ text: messageText(text), blocks: first }];
  const continued = translate(locale, 'slackReply.continued');
  const perContinuation = LIMIT.blocksPerMessage - 1;
  for (let i = first.length; i < blocks.length; i += perContinuation) {
    messages.push({
      text: messageText(`${text} ${continued}`),
      blocks: [context(continued), ...blocks.slice(i, i + perContinuation)],
    });
  }
  return messages;
}

/**
 * For a modal or the Home tab, which cannot be split: the first `max - 1` blocks and a last
 * context block saying how many were left out. Unchanged when everything fits.
 */
export function fitView(blocks: readonly KnownBlock[], max: number = LIMIT.blocksPerView, locale: Locale = 'en'): KnownBlock[] {
  const limit = Math.max(1, Math.floor(max));
  if (blocks.length <= limit) return [...blocks];
  const kept = blocks.slice(0, limit - 1);
  const count = blocks.length - kept.length;
  return [...kept, context(translate(locale, 'slackReply.moreNotShown', { count: formatNumber(locale, count) }))];
}
