import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createLogger } from '../../src/logger';
import { startPrivateRedis } from '../../src/main/private-redis';

export interface TestRedis {
  readonly url: string;
  /** Unique per call (`test-<uuid>`): every key a test writes must start with it. */
  readonly prefix: string;
  /** Deletes this prefix's keys and stops whatever was started for it. */
  close(): Promise<void>;
}

/**
 * Redis for one test file: REDIS_URL when set (CI's shared server), otherwise a private
 * redis-server in a temp dir. Test files running in parallel never see each other's keys.
 */
export async function openTestRedis(): Promise<TestRedis> {
  const prefix = `test-${randomUUID()}`;
  const shared = process.env.REDIS_URL;
  if (shared) return { url: shared, prefix, close: () => deleteKeys(shared, prefix) };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'okr-test-redis-'));
  const server = await startPrivateRedis(dir, createLogger('silent'));
  return {
    url: server.url,
    prefix,
    async close() {
      await deleteKeys(server.url, prefix);
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    // The uuid prefix has no glob characters, so it needs no escaping in MATCH.
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
