import type { LimitKey, DeliveryLimiter } from '../../jobs/delivery-limiter';
import type { SentMessage, WecomApi } from '../api/wecom-api';
import type { TemplateCard, WecomMessage } from '../messages/wecom-message';

// Every message the bot sends in WeCom goes through here, so the per-member limits hold whoever
// sends (the scheduler's notices, command replies, card updates): WeCom silently drops what an
// app sends a member beyond 30 a minute or 1,000 an hour (platform-facts B5), so the excess has
// to wait its turn here instead. GCRA with a burst of b and a spacing of s lets at most
// b + W/s through in any window W: 10 + 60/4 = 25 a minute and 10 + 3600/4 = 910 an hour.

/** Per member of one app: a burst of 10, then one every 4 s (≤ 25 a minute, ≤ 910 an hour). */
export const MEMBER_LIMIT = { intervalMs: 4_000, burst: 10 } as const;
/** Per app group chat: every member of the chat counts each message (WeCom: 200 a minute each). */
export const CHAT_LIMIT = { intervalMs: 1_000, burst: 3 } as const;

export interface WecomSender {
  /** A message to one member; `dedupe` lets WeCom drop an identical repeat within 4 hours (a re-sent notice). */
  toMember(userId: string, message: WecomMessage, options?: { readonly dedupe?: boolean }): Promise<SentMessage>;
  /** A message into an app group chat the app created. */
  toChat(chatId: string, message: WecomMessage): Promise<void>;
  /** Redraws a clicked card for its member with the click's single-use response code. */
  updateCard(userId: string, responseCode: string, card: TemplateCard): Promise<void>;
}

const DUPLICATE_CHECK_SECONDS = 4 * 3_600;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SenderClock {
  /** Epoch ms for the limiter; default the Redis server's clock, which all processes share. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export function wecomSender(api: WecomApi, limiter: DeliveryLimiter, app: { readonly corpId: string; readonly agentId: string }, clock: SenderClock = {}): WecomSender {
  const sleep = clock.sleep ?? defaultSleep;
  const scope = `wecom-${app.corpId}-${app.agentId}`;
  const memberKey = (userId: string): LimitKey => ({ key: `${scope}-u-${userId.toLowerCase()}`, ...MEMBER_LIMIT });
  const chatKey = (chatId: string): LimitKey => ({ key: `${scope}-c-${chatId}`, ...CHAT_LIMIT });
  // A reservation is kept even if the wait is long: the slot is ours, so sending after it is safe.
  const takeSlot = async (key: LimitKey) => {
    const wait = await limiter.reserve([key], clock.now?.());
    if (wait > 0) await sleep(wait);
  };
  return {
    async toMember(userId, message, options = {}) {
      await takeSlot(memberKey(userId));
      return api.sendMessage({
        touser: userId,
        ...message,
        ...(options.dedupe ? { enable_duplicate_check: 1, duplicate_check_interval: DUPLICATE_CHECK_SECONDS } : {}),
      });
    },
    async toChat(chatId, message) {
      await takeSlot(chatKey(chatId));
      await api.sendAppChat({ chatid: chatId, ...message });
    },
    async updateCard(userId, responseCode, card) {
      // An update shows up as a changed message, not a new one, but it still reaches the member.
      await takeSlot(memberKey(userId));
      await api.updateTemplateCard({ userids: [userId], response_code: responseCode, template_card: card });
    },
  };
}
