// WeCom's silent limits, shared by message/send and appchat/send in the fake (platform-facts B5).

/** text and markdown `content`: "最长不超过2048个字节，超过将截断". */
export const CONTENT_LIMIT_BYTES = 2048;

/** Cuts to at most maxBytes of UTF-8 without splitting a character, as WeCom's truncation does. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

export interface WindowLimit<R extends string> {
  readonly windowMs: number;
  readonly max: number;
  readonly reason: R;
}

/**
 * Per-key sliding windows ("any 60 s", "any hour"): `take` answers the first limit a new event
 * would exceed, or null and counts the event. Dropped events don't count, as WeCom counts deliveries.
 */
export class SlidingWindows<R extends string> {
  private readonly events = new Map<string, number[]>();
  private readonly longestMs: number;

  constructor(private readonly limits: readonly WindowLimit<R>[]) {
    this.longestMs = Math.max(...limits.map((l) => l.windowMs));
  }

  take(key: string, now: number): R | null {
    const times = (this.events.get(key) ?? []).filter((t) => t > now - this.longestMs);
    this.events.set(key, times);
    for (const limit of this.limits) {
      const inWindow = times.filter((t) => t > now - limit.windowMs).length;
      if (inWindow >= limit.max) return limit.reason;
    }
    times.push(now);
    return null;
  }
}
