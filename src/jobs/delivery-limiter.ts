import type { Redis } from 'ioredis';

/** One rate limit a call counts against, e.g. `T123:chat.postMessage` or `T123:C456` (per channel). */
export interface LimitKey {
  readonly key: string;
  /** Steady spacing between calls, in whole milliseconds (1000 = 1 per second). */
  readonly intervalMs: number;
  /** How many calls may go at once after idle time (default 1: strictly spaced). */
  readonly burst?: number;
}

/**
 * Idle keys live this long past the moment their state stops mattering, so processes whose
 * clocks disagree a little (when they pass nowMs) still see each other's reservations.
 */
const IDLE_GRACE_MS = 60_000;

// GCRA (the generic cell rate algorithm, "virtual scheduling") per key. The state is the
// theoretical arrival time `tat`: a call may go at t when t >= tat - tau, where
// tau = (burst - 1) * interval is the burst tolerance; sending at t moves tat to max(tat, t) + interval.
// A call counting against several keys goes at the latest slot any of them allows, and that slot is
// charged to every key. A pause (Retry-After) means nothing goes before it and the burst starts empty.
// Keys must share a Redis Cluster slot; with a hash-tagged prefix such as {okr} they do.
//   KEYS: limit keys.  ARGV[1]: now in ms, or '' for the server clock (so processes agree).
//   ARGV[2i], ARGV[2i+1]: interval ms and burst of KEYS[i].  Returns the wait in ms.
const RESERVE_LUA = `
local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local slot = now
local tats = {}
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[2 * i])
  local tau = (tonumber(ARGV[2 * i + 1]) - 1) * interval
  local state = redis.call('HMGET', key, 'tat', 'pause')
  local tat = math.max(tonumber(state[1]) or now, now)
  local pause = tonumber(state[2])
  if pause then tat = math.max(tat, pause + tau) end
  tats[i] = tat
  slot = math.max(slot, tat - tau)
end
for i, key in ipairs(KEYS) do
  local tat = math.max(tats[i], slot) + tonumber(ARGV[2 * i])
  redis.call('HSET', key, 'tat', tat)
  redis.call('PEXPIRE', key, tat - now + ${IDLE_GRACE_MS})
end
return slot - now
`;

//   KEYS[1]: limit key.  ARGV[1]: pause until (ms).  ARGV[2]: now in ms, or '' for the server clock.
const PAUSE_LUA = `
local now = tonumber(ARGV[2])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local untilMs = tonumber(ARGV[1])
local pause = tonumber(redis.call('HGET', KEYS[1], 'pause'))
if pause and pause >= untilMs then return 0 end
redis.call('HSET', KEYS[1], 'pause', untilMs)
local ttl = math.max(untilMs - now, 0) + ${IDLE_GRACE_MS}
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
`;

interface LimiterCommands {
  okrLimiterReserve(numKeys: number, ...args: (string | number)[]): Promise<number>;
  okrLimiterPause(key: string, untilMs: number, nowMs: string | number): Promise<number>;
}

/**
 * Spaces outgoing chat API calls per workspace (and per channel) across every worker process.
 *
 * BullMQ's own limiter is per queue: one workspace's 429 storm would slow every other workspace's
 * messages. Slack limits per workspace and method (platform-facts A4), so the keys are too.
 *
 * This is a *reservation* limiter, not a reject-and-retry one like rate-limiter-flexible: a call
 * is always given a slot, the next free one, and told how long to wait for it. A job that has to
 * wait moves to BullMQ's delayed set once, due exactly at its own slot, and then sends without
 * asking again. With reject-and-retry, waiting jobs would cycle (retry, be refused, back off) and
 * compete for each freed slot, with no order and wasted Redis round trips; under a backlog some
 * would starve. The price: a reserved slot is spent even if the job then fails or is removed.
 */
export class DeliveryLimiter {
  private readonly commands: LimiterCommands;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('okrLimiterReserve', { lua: RESERVE_LUA });
    redis.defineCommand('okrLimiterPause', { lua: PAUSE_LUA, numberOfKeys: 1 });
    this.commands = redis as unknown as LimiterCommands;
  }

  /**
   * Atomically reserves the next free slot on every key (the latest of them) and returns how long
   * to wait before sending, in ms (0 = now).
   * @param nowMs the caller's clock; omitted, Redis' own clock is used so that processes agree
   */
  async reserve(keys: readonly LimitKey[], nowMs?: number): Promise<number> {
    if (keys.length === 0) return 0;
    const args: (string | number)[] = [timeArg(nowMs)];
    for (const { key, intervalMs, burst = 1 } of keys) {
      if (!Number.isSafeInteger(intervalMs) || intervalMs < 1) throw new RangeError(`intervalMs for ${key} must be a whole number of ms >= 1`);
      if (!Number.isSafeInteger(burst) || burst < 1) throw new RangeError(`burst for ${key} must be a whole number >= 1`);
      args.push(intervalMs, burst);
    }
    return this.commands.okrLimiterReserve(keys.length, ...keys.map((k) => this.redisKey(k.key)), ...args);
  }

  /** Retry-After from the platform: nothing on this key is reserved before untilMs. A shorter pause never shortens a longer one. */
  async pauseUntil(key: string, untilMs: number, nowMs?: number): Promise<void> {
    if (!Number.isFinite(untilMs)) throw new RangeError(`untilMs for ${key} must be a time in ms`);
    await this.commands.okrLimiterPause(this.redisKey(key), Math.ceil(untilMs), timeArg(nowMs));
  }

  /**
   * Whether a pause on this key lasts beyond `nowMs`: a job that reserved its slot before a 429
   * arrived must not send into the pause.
   */
  async pausedAfter(key: string, nowMs: number): Promise<boolean> {
    const pause = await this.redis.hget(this.redisKey(key), 'pause');
    return pause !== null && Number(pause) > nowMs;
  }

  private redisKey(key: string): string {
    return `${this.prefix}:limit:${key}`;
  }
}

function timeArg(nowMs: number | undefined): string | number {
  if (nowMs === undefined) return '';
  if (!Number.isFinite(nowMs)) throw new RangeError('nowMs must be a time in ms');
  return Math.floor(nowMs);
}
