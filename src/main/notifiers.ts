import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import type { ChatNotifier } from '../ports/chat-notifier';
import { noticeMessages } from '../slack/blocks/notice-message';
import { createSlackNotifier } from '../slack/slack-notifier';
import type { NotifierFor } from '../use-cases/delivery/deliver-outbox-row';

/** One notifier per configured chat platform; the console and WeCom (which needs Redis) bring their own. */
export function createNotifiers(config: Config, db: Kysely<Database>, logger: Logger, extra: { console?: ChatNotifier; wecom?: ChatNotifier } = {}): NotifierFor {
  const slack = config.slack.mode !== 'off' ? createSlackNotifier({ config: config.slack, db, logger, render: noticeMessages }) : undefined;
  return (platform) => {
    switch (platform) {
      case 'slack':
        return slack;
      case 'wecom':
        return extra.wecom;
      case 'console':
        return extra.console;
      default:
        return undefined;
    }
  };
}
