// Message history for the fake Slack Web API: what chat.postMessage accepted, per channel, served
// back by conversations.history (newest first, top-level messages only) and conversations.replies
// (parent first, then replies oldest first) like Slack. Appends are O(1) and reads binary-search
// the time bounds, so tens of thousands of posts stay cheap.

/** One accepted chat.postMessage, as `FakeSlackApi.posted()` reports it. */
export interface PostedMessage {
  readonly token: string | null;
  /** As resolved: a post to a user id U… lands in D<user>. */
  readonly channel: string;
  readonly threadTs: string | null;
  readonly ts: string;
  readonly text: string;
  /** The `metadata` argument (`{ event_type, event_payload }`), or null. */
  readonly metadata: unknown;
}

interface Stored {
  readonly micros: number;
  readonly post: PostedMessage;
  /** The message object Slack returns (without metadata). */
  readonly message: Record<string, unknown>;
  replyCount: number;
  latestReply: string | null;
}

interface ChannelLog {
  /** Top-level messages, oldest first (ts only grow). */
  readonly top: Stored[];
  readonly byTs: Map<string, Stored>;
  /** Replies per parent ts, oldest first. */
  readonly threads: Map<string, Stored[]>;
}

export interface MessageHistory {
  add(post: PostedMessage, message: Record<string, unknown>): void;
  /** conversations.history: channel, oldest, latest, inclusive, limit, cursor, include_all_metadata. */
  history(body: Record<string, unknown>): Record<string, unknown>;
  /** conversations.replies: channel, ts, oldest, latest, inclusive, limit, cursor, include_all_metadata. */
  replies(body: Record<string, unknown>): Record<string, unknown>;
  clear(): void;
}

export function createMessageHistory(): MessageHistory {
  const channels = new Map<string, ChannelLog>();
  const logOf = (channel: string): ChannelLog => {
    let log = channels.get(channel);
    if (!log) channels.set(channel, (log = { top: [], byTs: new Map(), threads: new Map() }));
    return log;
  };

  return {
    add(post, message) {
      const log = logOf(post.channel);
      const stored: Stored = { micros: tsMicros(post.ts), post, message, replyCount: 0, latestReply: null };
      log.byTs.set(post.ts, stored);
      if (post.threadTs === null) {
        log.top.push(stored);
        return;
      }
      const thread = log.threads.get(post.threadTs);
      if (thread) thread.push(stored);
      else log.threads.set(post.threadTs, [stored]);
      const parent = log.byTs.get(post.threadTs);
      if (parent) {
        parent.replyCount += 1;
        parent.latestReply = post.ts;
      }
    },

    history(body) {
      const channel = text(body.channel);
      if (channel === '') return { ok: false, error: 'channel_not_found' };
      const top = channels.get(channel)?.top ?? [];
      const { oldest, latest, inclusive, limit, after, withMetadata } = bounds(body);
      // Newest first: start below `latest` (or below the cursor) and walk back to `oldest`.
      let i = (after !== null ? lowerBound(top, after) : inclusive ? upperBound(top, latest) : lowerBound(top, latest)) - 1;
      const page: Stored[] = [];
      for (; i >= 0 && page.length <= limit; i--) {
        const m = top[i]!;
        if (inclusive ? m.micros < oldest : m.micros <= oldest) break;
        page.push(m);
      }
      return pageOf(page, limit, withMetadata);
    },

    replies(body) {
      const channel = text(body.channel);
      const ts = text(body.ts);
      if (channel === '' || ts === '') return { ok: false, error: 'invalid_arguments' };
      const log = channels.get(channel);
      const asked = log?.byTs.get(ts);
      const rootTs = asked?.post.threadTs ?? ts;
      const parent = log?.byTs.get(rootTs);
      const replies = log?.threads.get(rootTs) ?? [];
      if (!parent && replies.length === 0) return { ok: false, error: 'thread_not_found' };
      const { oldest, latest, inclusive, limit, after, withMetadata } = bounds(body);
      const page: Stored[] = after === null && parent ? [parent] : [];
      // Oldest first: start above `oldest` (or above the cursor) and walk forward to `latest`.
      let i = after !== null ? upperBound(replies, after) : inclusive ? lowerBound(replies, oldest) : upperBound(replies, oldest);
      for (; i < replies.length && page.length <= limit; i++) {
        const m = replies[i]!;
        if (inclusive ? m.micros > latest : m.micros >= latest) break;
        page.push(m);
      }
      return pageOf(page, limit, withMetadata);
    },

    clear: () => channels.clear(),
  };
}

function pageOf(page: Stored[], limit: number, withMetadata: boolean): Record<string, unknown> {
  const hasMore = page.length > limit;
  const shown = hasMore ? page.slice(0, limit) : page;
  return {
    messages: shown.map((m) => messageOf(m, withMetadata)),
    has_more: hasMore,
    response_metadata: { next_cursor: hasMore ? encodeCursor(shown[shown.length - 1]!.micros) : '' },
  };
}

function messageOf(m: Stored, withMetadata: boolean): Record<string, unknown> {
  return {
    ...m.message,
    ...(m.replyCount > 0 ? { thread_ts: m.post.ts, reply_count: m.replyCount, latest_reply: m.latestReply } : {}),
    ...(withMetadata && m.post.metadata !== null ? { metadata: m.post.metadata } : {}),
  };
}

function bounds(body: Record<string, unknown>) {
  const limitArg = Number(text(body.limit) || 100);
  const cursor = text(body.cursor);
  return {
    oldest: text(body.oldest) === '' ? -Infinity : tsMicros(text(body.oldest)),
    latest: text(body.latest) === '' ? Infinity : tsMicros(text(body.latest)),
    inclusive: body.inclusive === true || body.inclusive === 'true' || body.inclusive === '1',
    limit: Number.isFinite(limitArg) ? Math.min(999, Math.max(1, Math.floor(limitArg))) : 100,
    after: cursor === '' ? null : decodeCursor(cursor),
    withMetadata: body.include_all_metadata === true || body.include_all_metadata === 'true' || body.include_all_metadata === '1',
  };
}

/** "1700000000.000100" → 1700000000000100 (exact in a double: < 2^53). */
export function tsMicros(ts: string): number {
  const [sec = '', frac = ''] = ts.split('.');
  const micros = Number(sec) * 1e6 + Number(`${frac}000000`.slice(0, 6));
  return Number.isFinite(micros) ? micros : -Infinity;
}

const encodeCursor = (micros: number) => Buffer.from(`at:${micros}`).toString('base64');
function decodeCursor(cursor: string): number {
  const m = /^at:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return m ? Number(m[1]) : -Infinity;
}

/** First index whose micros ≥ x. */
function lowerBound(list: readonly Stored[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.micros < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose micros > x. */
function upperBound(list: readonly Stored[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.micros <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
