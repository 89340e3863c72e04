import type { Locale } from '../domain/member';
import type { NoticeView } from '../use-cases/notice-views';

/** Where a notice goes: a member's direct messages or a channel (a team's), maybe as a thread reply. */
export type Destination =
  | { readonly kind: 'member'; readonly externalId: string; /** The DM channel once known (Slack's D…). */ readonly dmChannelRef: string | null }
  | { readonly kind: 'channel'; readonly channelRef: string };

export interface OutgoingNotice {
  readonly workspace: { readonly id: number; readonly platform: 'slack' | 'wecom' | 'console'; readonly externalId: string };
  readonly to: Destination;
  /** Post as a reply in this thread (the prompt's, the digest's) instead of a new message. */
  readonly inThread: { readonly channelRef: string; readonly threadRef: string } | null;
  readonly notice: NoticeView;
  readonly locale: Locale;
  readonly timeZone: string;
  /**
   * Unique per delivery (the outbox row's key). Platforms that can carry it (Slack message
   * metadata) do, so an attempt cut off after sending can be found instead of sent twice.
   */
  readonly deliveryKey: string;
}

/** Where the message landed: a reply in its thread is feedback on what it is about. */
export interface DeliveryReceipt {
  readonly channelRef: string;
  readonly threadRef: string;
}

/** The platform said no for good (user gone, channel archived, bot not in channel): never retry. */
export class PermanentDeliveryError extends Error {
  constructor(readonly code: string) {
    super(`permanent delivery failure: ${code}`);
    this.name = 'PermanentDeliveryError';
  }
}

/** The platform asked us to wait (Slack 429 + Retry-After); only this workspace should slow down. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited for ${retryAfterMs} ms`);
    this.name = 'RateLimitedError';
  }
}

/**
 * The scheduler's one way out to people: Slack, WeCom and the console each implement it. Other
 * errors thrown are transient and retried.
 */
export interface ChatNotifier {
  deliver(notice: OutgoingNotice): Promise<DeliveryReceipt>;
  /**
   * After an attempt that may have sent before it was cut off: the message carrying
   * `notice.deliveryKey` posted since `since`, or null when it never arrived.
   */
  findDelivered(notice: OutgoingNotice, since: Date): Promise<DeliveryReceipt | null>;
}
