import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../domain/member';
import { translate } from '../../i18n/translate';
import { context } from './block-builders';
import { esc } from './goal-lines';
import type { SlackMessage } from './message';
import { clampMrkdwn, LIMIT } from './text-limits';

// Laying out blocks that belong together into messages within Slack's limits, for notices whose
// parts (a heading and its lines, lines and their buttons) should not be torn apart.

/**
 * Most text (summed over every text object) one message carries. Besides the per-block limits,
 * `chat.postMessage` rejects a message whose blocks are too long in total (`msg_blocks_too_long`).
 * Slack does not document that limit; reports put it near 12,000 characters with some allowance
 * for the blocks around the text (slackapi/bolt-js issues #2509, #2867), so stay well below it.
 */
export const MESSAGE_TEXT_BUDGET = 10_000;

/** Blocks that belong together (a heading and its first lines, lines and their buttons): kept in one message when they fit. */
export type Unit = readonly KnownBlock[];

/** Characters of all the text in a block (section, context, header, button labels…), the way the budget counts. */
export function blockTextSize(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, n) => sum + blockTextSize(n), 0);
  if (typeof node !== 'object' || node === null) return 0;
  let size = 0;
  for (const [key, value] of Object.entries(node)) size += key === 'text' && typeof value === 'string' ? value.length : blockTextSize(value);
  return size;
}

const FALLBACK_TEXT = '…';
const messageText = (text: string): string => clampMrkdwn(text.trim() === '' ? FALLBACK_TEXT : text, LIMIT.messageText);

/**
 * Lays the units out into messages of at most 50 blocks and `MESSAGE_TEXT_BUDGET` characters of
 * text. A unit moves whole to the next message when it does not fit what is left; one too big for
 * any message is split between its blocks. Like `splitIntoMessages`, every message after the first
 * opens with a "(continued)" context block and carries the notification text with that marker.
 */
export function paginateUnits(text: string, units: readonly Unit[], locale: Locale): SlackMessage[] {
  const continued = esc(translate(locale, 'slackReply.continued'));
  const marker = context(continued);
  const pages: KnownBlock[][] = [[]];
  let page = pages[0]!;
  let used = 0;
  let hasContent = false;
  const fits = (blocks: Unit): boolean => page.length + blocks.length <= LIMIT.blocksPerMessage && used + blockTextSize(blocks) <= MESSAGE_TEXT_BUDGET;
  const openPage = (): void => {
    page = [marker];
    pages.push(page);
    used = blockTextSize(marker);
    hasContent = false;
  };
  const put = (blocks: Unit): void => {
    page.push(...blocks);
    used += blockTextSize(blocks);
    hasContent = true;
  };
  const fitsFreshPage = (blocks: Unit): boolean =>
    1 + blocks.length <= LIMIT.blocksPerMessage && blockTextSize(marker) + blockTextSize(blocks) <= MESSAGE_TEXT_BUDGET;
  for (const unit of units) {
    if (unit.length === 0) continue;
    if (fits(unit)) {
      put(unit);
    } else if (fitsFreshPage(unit)) {
      openPage();
      put(unit);
    } else {
      for (const block of unit) {
        if (!fits([block]) && hasContent) openPage();
        put([block]); // a single block always goes somewhere, even if it alone is over the budget
      }
    }
  }
  // Every page after the first was opened for a block, so none is empty; the first one may be (no units).
  return pages.map((blocks, i) => ({ text: messageText(i === 0 ? text : `${text} ${continued}`), blocks }));
}
