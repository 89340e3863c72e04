import { ErrorCode, WebClient, type ChatPostMessageArguments, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { SlackConfig } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import {
  PermanentDeliveryError,
  RateLimitedError,
  type ChatNotifier,
  type DeliveryReceipt,
  type OutgoingNotice,
} from '../ports/chat-notifier';
import type { RenderContext } from '../render/text/context';
import type { NoticeView } from '../use-cases/notice-views';
import type { SlackMessage } from './blocks/message';
import { boltLogger } from './bolt-logger';
import { createInstallationStore } from './installation-store';
import { createTokenCipher } from './token-cipher';

// The scheduler's way out to Slack. Waiting and retrying belong to the job queue, not the SDK:
// every WebClient rejects rate-limited calls (platform-facts A4) and never retries, and this
// module turns Slack's answers into the port's three outcomes — a receipt, a RateLimitedError
// (wait Retry-After for this workspace), a PermanentDeliveryError (never retry) — or rethrows
// anything else as transient. Each delivery's first message carries the delivery key as message
// metadata, so an attempt cut off after Slack accepted it can be found instead of sent twice.

export const DELIVERY_EVENT_TYPE = 'okr_delivery';

/** Slack errors that no retry will fix: the person, the channel or our access is gone. */
const PERMANENT_ERRORS = new Set([
  'user_not_found', 'channel_not_found', 'account_inactive', 'not_in_channel', 'is_archived', 'invalid_auth',
  'token_revoked', 'token_expired', 'cannot_dm_bot', 'user_disabled', 'missing_scope', 'not_authed', 'restricted_action',
]);
/** Errors that say our token is no good: the installation may have been replaced since we read it. */
const AUTH_ERRORS = new Set(['invalid_auth', 'token_revoked', 'token_expired', 'account_inactive', 'not_authed']);
/** When findDelivered cannot look (not a member of a public channel it posts to): say "not found". */
const CANNOT_LOOK = new Set(['not_in_channel', 'missing_scope', 'thread_not_found']);
/** A rate limit Slack reported in the body instead of a 429 + Retry-After. */
const RATE_LIMIT_ERRORS = new Set(['ratelimited', 'rate_limited']);

const TOKEN_TTL_MS = 60_000;
/** Look this much before `since` for a message (clock skew between us and Slack). */
const LOOKBACK_MS = 5_000;
const PAGE_SIZE = 200;
const MAX_PAGES = 5;
/** Deliveries cut off after their first message, remembered so a retry sends only the rest. */
const MAX_PARTIAL = 1_000;

export interface SlackNotifierOptions {
  readonly config: SlackConfig;
  readonly db: Kysely<Database>;
  readonly logger: Logger;
  /** The Block Kit renderer (noticeMessages): one notice → one or more messages (pages). */
  readonly render: (notice: NoticeView, ctx: RenderContext) => SlackMessage[];
  /** Per Web API call; default 10 s. A timed-out post may still have landed: see findDelivered. */
  readonly requestTimeoutMs?: number;
}

interface PartialDelivery {
  readonly channel: string;
  readonly threadTs: string;
  readonly firstTs: string;
  sent: number;
}

interface Found {
  ts: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

export function createSlackNotifier(options: SlackNotifierOptions): ChatNotifier {
  const { config } = options;
  const logger = options.logger.child({ component: 'slack-notifier' });
  const sdkLogger = boltLogger(options.logger);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: withTrailingSlash(config.apiUrl) } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.requestTimeoutMs ?? 10_000,
    logger: sdkLogger,
  };
  const clients = new Map<string, WebClient>();
  const tokens = new Map<string, { token: Promise<string>; expiresAt: number }>();
  const partials = new Map<string, PartialDelivery>();
  const store =
    config.mode === 'oauth'
      ? createInstallationStore(options.db, createTokenCipher(config.tokenEncryptionKey ?? config.stateSecret ?? ''))
      : null;

  const clientFor = (token: string): WebClient => {
    let client = clients.get(token);
    if (!client) clients.set(token, (client = new WebClient(token, clientOptions)));
    return client;
  };

  async function loadToken(teamId: string): Promise<string> {
    let installation;
    try {
      installation = await store!.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    } catch (e) {
      // The store says so when no row exists; anything else (database down) stays transient.
      if (e instanceof Error && e.message.startsWith('no Slack installation')) throw new PermanentDeliveryError('not_installed');
      throw e;
    }
    const token = installation.bot?.token;
    if (!token) throw new PermanentDeliveryError('not_installed');
    return token;
  }

  async function tokenFor(workspace: OutgoingNotice['workspace']): Promise<string> {
    if (workspace.platform !== 'slack') throw new Error(`slack notifier asked to deliver to a ${workspace.platform} workspace`);
    if (config.mode === 'single') {
      if (!config.botToken) throw new Error('Slack is in single-workspace mode without a bot token');
      return config.botToken;
    }
    if (!store) throw new Error('Slack is not configured');
    const cached = tokens.get(workspace.externalId);
    if (cached && cached.expiresAt > Date.now()) return cached.token;
    const token = loadToken(workspace.externalId);
    tokens.set(workspace.externalId, { token, expiresAt: Date.now() + TOKEN_TTL_MS });
    token.catch(() => {
      if (tokens.get(workspace.externalId)?.token === token) tokens.delete(workspace.externalId);
    });
    return token;
  }

  /**
   * Runs `call` with the workspace's client. In OAuth mode a token Slack refuses is read again
   * once: a reinstall within the cache's lifetime replaces it, and the new one is tried.
   */
  async function withClient<T>(workspace: OutgoingNotice['workspace'], call: (client: WebClient) => Promise<T>): Promise<T> {
    const token = await tokenFor(workspace);
    try {
      return await call(clientFor(token));
    } catch (e) {
      if (!store || !AUTH_ERRORS.has(platformError(e) ?? '')) throw e;
      tokens.delete(workspace.externalId);
      clients.delete(token);
      const fresh = await tokenFor(workspace);
      if (fresh === token) throw e;
      return call(clientFor(fresh));
    }
  }

  async function post(client: WebClient, args: ChatPostMessageArguments): Promise<{ channel: string; ts: string }> {
    const res = await client.chat.postMessage(args);
    if (!res.channel || !res.ts) throw new Error('Slack accepted a message without channel or ts');
    return { channel: res.channel, ts: res.ts };
  }

  function remember(key: string, partial: PartialDelivery): void {
    partials.delete(key);
    partials.set(key, partial);
    if (partials.size > MAX_PARTIAL) partials.delete(partials.keys().next().value!);
  }

  async function deliver(notice: OutgoingNotice): Promise<DeliveryReceipt> {
    const messages = options.render(notice.notice, { locale: notice.locale, timeZone: notice.timeZone, now: new Date() });
    if (messages.length === 0) throw new PermanentDeliveryError('empty_notice');
    const key = notice.deliveryKey;
    try {
      return await withClient(notice.workspace, async (client) => {
        let partial = partials.get(key);
        if (!partial) {
          const first = messages[0]!;
          const to = notice.inThread?.channelRef ?? (notice.to.kind === 'member' ? notice.to.externalId : notice.to.channelRef);
          const res = await post(client, {
            channel: to,
            text: first.text,
            blocks: first.blocks,
            ...(notice.inThread ? { thread_ts: notice.inThread.threadRef } : {}),
            metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } },
            unfurl_links: false,
            unfurl_media: false,
          });
          partial = { channel: res.channel, firstTs: res.ts, threadTs: notice.inThread?.threadRef ?? res.ts, sent: 1 };
          if (messages.length > 1) remember(key, partial);
        }
        // Further pages go as replies in the first message's thread (or the thread it is in).
        for (; partial.sent < messages.length; partial.sent++) {
          const page = messages[partial.sent]!;
          await post(client, { channel: partial.channel, thread_ts: partial.threadTs, text: page.text, blocks: page.blocks, unfurl_links: false, unfurl_media: false });
        }
        partials.delete(key);
        logger.debug({ deliveryKey: key, channel: partial.channel, ts: partial.firstTs, messages: messages.length }, 'notice delivered');
        return { channelRef: partial.channel, threadRef: notice.inThread?.threadRef ?? partial.firstTs };
      });
    } catch (e) {
      throw translate(e, notice, logger);
    }
  }

  /** Pages through conversations.history / replies (at most MAX_PAGES) for the key's first message. */
  async function search(client: WebClient, notice: OutgoingNotice, channel: string, oldest: string): Promise<Found | null> {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const args = { channel, oldest, limit: PAGE_SIZE, include_all_metadata: true, ...(cursor ? { cursor } : {}) };
      const res = notice.inThread
        ? await client.conversations.replies({ ...args, ts: notice.inThread.threadRef })
        : await client.conversations.history(args);
      const hit = (res.messages as Found[] | undefined)?.find(
        (m) => m.metadata?.event_type === DELIVERY_EVENT_TYPE && m.metadata.event_payload?.key === notice.deliveryKey,
      );
      if (hit) return hit;
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!res.has_more || !cursor) return null;
    }
    logger.warn({ deliveryKey: notice.deliveryKey, channel }, 'gave up looking for a delivery after many pages');
    return null;
  }

  async function findDelivered(notice: OutgoingNotice, since: Date): Promise<DeliveryReceipt | null> {
    const oldest = ((since.getTime() - LOOKBACK_MS) / 1000).toFixed(6);
    try {
      return await withClient(notice.workspace, async (client) => {
        let channel: string;
        if (notice.inThread) channel = notice.inThread.channelRef;
        else if (notice.to.kind === 'channel') channel = notice.to.channelRef;
        else if (notice.to.dmChannelRef) channel = notice.to.dmChannelRef;
        else {
          const opened = await client.conversations.open({ users: notice.to.externalId });
          if (!opened.channel?.id) throw new Error('conversations.open answered without a channel');
          channel = opened.channel.id;
        }
        const hit = await search(client, notice, channel, oldest);
        return hit ? { channelRef: channel, threadRef: notice.inThread?.threadRef ?? hit.ts } : null;
      });
    } catch (e) {
      const code = platformError(e);
      if (code !== null && CANNOT_LOOK.has(code)) {
        logger.warn({ deliveryKey: notice.deliveryKey, error: code }, 'cannot look for an earlier delivery; treating it as not sent');
        return null;
      }
      throw translate(e, notice, logger);
    }
  }

  return { deliver, findDelivered };
}

/** The port's error for a Slack failure; other errors come back unchanged (transient). */
function translate(e: unknown, notice: OutgoingNotice, logger: Logger): unknown {
  if (e instanceof PermanentDeliveryError || e instanceof RateLimitedError) return e;
  if (isCoded(e) && e.code === ErrorCode.RateLimitedError) {
    const retryAfterMs = Math.max(1, (e as WebAPIRateLimitedError).retryAfter) * 1000;
    logger.info({ deliveryKey: notice.deliveryKey, workspace: notice.workspace.externalId, retryAfterMs }, 'slack rate limited a delivery');
    return new RateLimitedError(retryAfterMs);
  }
  const code = platformError(e);
  if (code !== null && RATE_LIMIT_ERRORS.has(code)) return new RateLimitedError(1000);
  if (code !== null && PERMANENT_ERRORS.has(code)) {
    logger.warn({ deliveryKey: notice.deliveryKey, workspace: notice.workspace.externalId, error: code }, 'slack refused a delivery for good');
    return new PermanentDeliveryError(code);
  }
  return e;
}

function isCoded(e: unknown): e is { code: unknown } {
  return typeof e === 'object' && e !== null && 'code' in e;
}

/** Slack's `error` string for a platform error (`{ ok: false, error }`), else null. */
function platformError(e: unknown): string | null {
  if (!isCoded(e) || e.code !== ErrorCode.PlatformError) return null;
  return (e as WebAPIPlatformError).data?.error ?? null;
}

const withTrailingSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
