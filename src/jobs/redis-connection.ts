import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger';

/**
 * ioredis options for a redis:// or rediss:// URL (`rediss://` turns TLS on). We parse it ourselves
 * with WHATWG URL rather than hand ioredis the string so that our own options can be merged over it
 * and a malformed URL fails at start-up with a clear message.
 */
export function redisOptions(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('REDIS_URL: expected a redis:// or rediss:// URL');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error('REDIS_URL: expected a redis:// or rediss:// URL');
  const dbText = parsed.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isSafeInteger(db) || db < 0) throw new Error(`REDIS_URL: the database number must be a whole number, not "${dbText}"`);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    db,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * A connection for BullMQ. Blocking ones (Worker, QueueEvents) get `maxRetriesPerRequest: null`:
 * BullMQ's production guide requires it, and BullMQ 6 throws for a Worker given an instance
 * without it. Producer ones (Queue, used while answering a web request) give up after one retry
 * and don't queue commands while disconnected, so a request fails fast when Redis is down
 * instead of hanging until Slack's 3-second deadline has passed. Without the offline queue even a
 * command sent before the first 'ready' fails: BullMQ's Queue waits for it itself; anything else
 * using a producer connection directly should `await once(redis, 'ready')` first.
 */
export function createRedis(url: string, { blocking }: { blocking: boolean }): Redis {
  return new Redis({
    ...redisOptions(url),
    connectionName: blocking ? 'okr-worker' : 'okr-producer',
    ...(blocking ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
  });
}

type PolicyRedis = Pick<Redis, 'config' | 'info'>;

/**
 * Warns when Redis may evict keys: BullMQ keeps jobs as ordinary keys, so any policy other than
 * `noeviction` silently loses jobs under memory pressure. Managed Redis often disables CONFIG; then
 * the `INFO memory` line is used, and when neither is allowed the check is skipped.
 */
export async function checkRedisPolicy(redis: PolicyRedis, logger: Pick<Logger, 'warn' | 'debug'>): Promise<void> {
  const policy = await readPolicy(redis, logger);
  if (policy !== undefined && policy !== 'noeviction') {
    logger.warn({ policy }, `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or queued jobs can be evicted and lost`);
  }
}

async function readPolicy(redis: PolicyRedis, logger: Pick<Logger, 'debug'>): Promise<string | undefined> {
  try {
    const reply: unknown = await redis.config('GET', 'maxmemory-policy');
    if (Array.isArray(reply) && typeof reply[1] === 'string') return reply[1];
    if (reply && typeof reply === 'object' && 'maxmemory-policy' in reply) return String((reply as Record<string, unknown>)['maxmemory-policy']);
  } catch (error) {
    logger.debug({ err: error }, 'CONFIG GET maxmemory-policy is not allowed; trying INFO memory');
  }
  try {
    const info = await redis.info('memory');
    const line = info.split(/\r?\n/).find((l) => l.startsWith('maxmemory_policy:'));
    if (line) return line.slice('maxmemory_policy:'.length).trim();
  } catch (error) {
    logger.debug({ err: error }, 'INFO memory is not allowed either; skipping the maxmemory-policy check');
    return undefined;
  }
  logger.debug('Redis reported no maxmemory-policy; skipping the check');
  return undefined;
}

const PREFIX_SHAPE = /^[A-Za-z0-9_.:{}-]+$/;

/** What a valid prefix looks like, for configuration errors. */
export const QUEUE_PREFIX_RULE = 'letters, digits and _ . - :, optionally one {hash tag} such as {okr}, not starting or ending with ":"';

/**
 * Checks a BullMQ key prefix and returns it. For Redis Cluster it should carry a hash tag such as
 * `{okr}`, so that every key of a queue (and of our limiter) lands in one slot, which BullMQ's and
 * our multi-key Lua scripts need.
 * @throws Error when the prefix is empty or over 64 characters, starts or ends with ':', or has
 *   characters outside the rule, stray braces or more than one hash tag
 */
export function queuePrefix(prefix: string): string {
  const braces = prefix.match(/[{}]/g) ?? [];
  const tagged = braces.length === 0 || (braces.length === 2 && /\{[^{}]+\}/.test(prefix));
  if (!PREFIX_SHAPE.test(prefix) || prefix.startsWith(':') || prefix.endsWith(':') || prefix.length > 64 || !tagged) {
    throw new Error(`Invalid queue prefix "${prefix}": expected ${QUEUE_PREFIX_RULE}`);
  }
  return prefix;
}
