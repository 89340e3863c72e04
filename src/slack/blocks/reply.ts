import type { KnownBlock } from '@slack/types';
import type { TextKit } from '../../render/text/context';

/**
 * A reply before it is split into messages: its blocks, in order, and the notification text
 * (already mrkdwn-escaped) that goes with them. Builders return this; `splitIntoMessages` makes
 * it sendable.
 */
export interface Reply {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** What every reply builder needs: the text kit and, for the Share button, the command text. */
export interface ReplyKit extends TextKit {
  readonly commandText?: string;
}
