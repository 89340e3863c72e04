import type { KnownBlock, View } from '@slack/types';

/** One Slack message: blocks plus the notification/fallback `text` Slack requires alongside them. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export type SlackView = View;
