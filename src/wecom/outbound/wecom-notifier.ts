import type { Logger } from '../../logger';
import { PermanentDeliveryError, RateLimitedError, type ChatNotifier, type DeliveryReceipt, type OutgoingNotice } from '../../ports/chat-notifier';
import { WecomApiError } from '../api/wecom-errors';
import { taskIdFor } from '../messages/card-keys';
import { noticeMessages } from '../messages/notice-messages';
import type { WecomSender } from './wecom-sender';

// The scheduler's notices in WeCom. A member's notices go to the app chat with that member (the
// weekly prompt as a template card); a team's go to its app group chat. WeCom has no threads, so
// a notice Slack would post in a thread goes to the thread's chat and reads on its own.

/** `user:<userid>` for an app chat with one member, otherwise an app group chat id. */
export const memberChannel = (userId: string) => `user:${userId}`;
const userOf = (channelRef: string): string | null => (channelRef.startsWith('user:') ? channelRef.slice('user:'.length) : null);

/** WeCom keeps a frequency block for a minute (platform-facts B4); the workspace waits that out. */
const BLOCK_WINDOW_MS = 60_000;

export function createWecomNotifier(deps: { readonly sender: WecomSender; readonly logger: Logger; readonly now?: () => Date }): ChatNotifier {
  const now = deps.now ?? (() => new Date());
  return {
    async deliver(notice: OutgoingNotice): Promise<DeliveryReceipt> {
      const target = notice.inThread?.channelRef ?? (notice.to.kind === 'member' ? memberChannel(notice.to.externalId) : notice.to.channelRef);
      const view = notice.notice;
      const taskId = view.type === 'check_in_prompt' ? taskIdFor(view.promptId) : '';
      const messages = noticeMessages(view, { locale: notice.locale, timeZone: notice.timeZone, now: now(), taskId });
      const user = userOf(target);
      let first: string | null = null;
      try {
        for (const message of messages) {
          if (user === null) {
            await deps.sender.toChat(target, message);
            continue;
          }
          // Dedupe: if an earlier attempt sent this before it was cut off, WeCom drops the repeat.
          const sent = await deps.sender.toMember(user, message, { dedupe: true });
          if (sent.invalidUsers.some((u) => u.toLowerCase() === user.toLowerCase())) throw new PermanentDeliveryError('invaliduser');
          first ??= sent.msgid;
        }
      } catch (error) {
        // The prompt's card has a fixed task id: an attempt cut off after sending it is refused as
        // a repeat on the next try, which means it arrived.
        if (view.type === 'check_in_prompt' && user !== null && isRepeatedTaskId(error)) return { channelRef: target, threadRef: taskId };
        throw translate(error);
      }
      return { channelRef: target, threadRef: first ?? notice.inThread?.threadRef ?? notice.deliveryKey };
    },
    // WeCom has no history to search; a repeat is dropped by WeCom's duplicate check instead.
    async findDelivered() {
      return null;
    },
  };
}

/** WeCom refuses a card whose task_id this app used before ("task_id 同一个应用任务id不能重复"). */
const isRepeatedTaskId = (error: unknown): boolean =>
  error instanceof WecomApiError && !error.retryable && /task_?id/i.test(error.errmsg) && /(exist|used|repeat|duplicat|重复)/i.test(error.errmsg);

function translate(error: unknown): unknown {
  if (!(error instanceof WecomApiError)) return error;
  if (error.permanentRecipient) return new PermanentDeliveryError(`wecom_${error.errcode}`);
  if (error.retryable && error.errcode !== 40014 && error.errcode !== 42001 && error.errcode !== 41001) return new RateLimitedError(BLOCK_WINDOW_MS);
  return error;
}
