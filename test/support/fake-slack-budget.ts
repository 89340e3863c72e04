// Per-token chat.postMessage budgets for the fake Slack Web API: a token bucket per bot token,
// like Slack's per-workspace limit on chat.postMessage (platform-facts A4). O(1) per call.

export interface PostBudget {
  /** Sustained rate: tokens added per second. */
  readonly perSecond: number;
  /** Bucket capacity: how many calls may go at once after a quiet spell. */
  readonly burst: number;
}

export interface BudgetBook {
  set(token: string, budget: PostBudget | null): void;
  /** Takes one call from `token`'s bucket: null when allowed, else the Retry-After in whole seconds (≥ 1). */
  take(token: string | null): number | null;
  clear(): void;
}

interface Bucket {
  readonly budget: PostBudget;
  tokens: number;
  at: number;
}

export function createBudgetBook(now: () => number): BudgetBook {
  const buckets = new Map<string, Bucket>();
  return {
    set(token, budget) {
      if (budget === null) {
        buckets.delete(token);
        return;
      }
      if (!(budget.perSecond > 0) || !(budget.burst >= 1)) throw new Error('fake Slack: a budget needs perSecond > 0 and burst ≥ 1');
      buckets.set(token, { budget, tokens: budget.burst, at: now() });
    },
    take(token) {
      const bucket = token === null ? undefined : buckets.get(token);
      if (!bucket) return null;
      const t = now();
      const { perSecond, burst } = bucket.budget;
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, t - bucket.at) / 1000) * perSecond);
      bucket.at = t;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return null;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
    clear: () => buckets.clear(),
  };
}
