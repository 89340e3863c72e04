import type { Redis } from 'ioredis';

/**
 * Claims a key for a while, once: the first caller gets true, every other caller false until the
 * claim expires or is released. The WeCom callback claims each nonce (replays) and each message's
 * dedup key (WeCom's retries), and releases both when the message could not be handed on, so
 * WeCom's next retry goes through.
 */
export interface ReplayGuard {
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  release(key: string): Promise<void>;
}

/**
 * A ReplayGuard on Redis: `SET {prefix}:{key} 1 NX EX ttl`, so it holds across any number of web
 * processes. `release` deletes the key outright; a claim is held for a few milliseconds of work
 * against a TTL of minutes, so it cannot have expired and been taken by another caller meanwhile.
 */
export function redisReplayGuard(redis: Redis, prefix: string): ReplayGuard {
  const full = (key: string) => `${prefix}:${key}`;
  return {
    async claim(key, ttlSeconds) {
      if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1) throw new Error(`ReplayGuard: ttlSeconds must be a whole number ≥ 1, not ${ttlSeconds}`);
      return (await redis.set(full(key), '1', 'EX', ttlSeconds, 'NX')) === 'OK';
    },
    async release(key) {
      await redis.del(full(key));
    },
  };
}
