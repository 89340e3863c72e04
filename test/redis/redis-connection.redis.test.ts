import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { checkRedisPolicy, createRedis, redisOptions } from '../../src/jobs/redis-connection';
import { createLogger } from '../../src/logger';
import { startPrivateRedis, type PrivateRedis } from '../../src/main/private-redis';
import { openTestRedis, type TestRedis } from '../support/test-redis';

function fakeLogger() {
  return { warn: jest.fn(), debug: jest.fn() };
}

// The policy is a server-wide setting, so these tests change it only on a private server of their own.
describe('checkRedisPolicy', () => {
  let dataDir: string;
  let server: PrivateRedis;
  let admin: Redis;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'okr-policy-redis-'));
    server = await startPrivateRedis(dataDir, createLogger('silent'));
    admin = new Redis(server.url);
  });

  afterAll(async () => {
    admin.disconnect();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should warn, naming the policy, when Redis may evict keys', async () => {
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const logger = fakeLogger();
    await checkRedisPolicy(admin, logger);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith({ policy: 'allkeys-lru' }, expect.stringContaining('"allkeys-lru"'));
  });

  it('should stay quiet for noeviction', async () => {
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    const logger = fakeLogger();
    await checkRedisPolicy(admin, logger);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('should fall back to INFO where CONFIG is not allowed, and skip at debug where neither is', async () => {
    await admin.config('SET', 'maxmemory-policy', 'volatile-lru');
    await admin.acl('SETUSER', 'no-config', 'on', '>pw', '~*', '+@all', '-config');
    await admin.acl('SETUSER', 'no-admin', 'on', '>pw', '~*', '+@all', '-config', '-info');
    const port = new URL(server.url).port;
    const noConfig = new Redis({ port: Number(port), host: '127.0.0.1', username: 'no-config', password: 'pw' });
    const noAdmin = new Redis({ port: Number(port), host: '127.0.0.1', username: 'no-admin', password: 'pw', enableReadyCheck: false });
    try {
      const viaInfo = fakeLogger();
      await checkRedisPolicy(noConfig, viaInfo);
      expect(viaInfo.warn).toHaveBeenCalledWith({ policy: 'volatile-lru' }, expect.any(String));

      const blind = fakeLogger();
      await checkRedisPolicy(noAdmin, blind);
      expect(blind.warn).not.toHaveBeenCalled();
      expect(blind.debug).toHaveBeenCalledWith(expect.anything(), expect.stringContaining('skipping the maxmemory-policy check'));
    } finally {
      noConfig.disconnect();
      noAdmin.disconnect();
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
    }
  });
});

describe('createRedis', () => {
  let server: TestRedis;

  beforeAll(async () => {
    server = await openTestRedis();
  });

  afterAll(async () => {
    await server.close();
  });

  it('should give workers maxRetriesPerRequest null and a name, which a BullMQ Worker accepts', async () => {
    const connection = createRedis(server.url, { blocking: true });
    const worker = new Worker('limiter-check', async () => undefined, { connection, prefix: server.prefix, autorun: false });
    try {
      expect(connection.options.maxRetriesPerRequest).toBeNull();
      await worker.waitUntilReady();
      expect(await connection.client('GETNAME')).toBe('okr-worker');
    } finally {
      await worker.close();
      connection.disconnect();
    }
  });

  it('should give producers a name and a small retry budget, and let a BullMQ Queue add jobs', async () => {
    const connection = createRedis(server.url, { blocking: false });
    const queue = new Queue('producer-check', { connection, prefix: server.prefix });
    try {
      expect(connection.options).toMatchObject({ maxRetriesPerRequest: 1, enableOfflineQueue: false });
      const job = await queue.add('ping', { n: 1 }, { jobId: 'ping-1' });
      expect(job.id).toBe('ping-1');
      expect(await connection.client('GETNAME')).toBe('okr-producer');
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });

  it('should make a producer fail at once, not queue the command, when Redis is down', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'okr-down-redis-'));
    const doomed = await startPrivateRedis(dataDir, createLogger('silent'));
    const connection = createRedis(doomed.url, { blocking: false });
    connection.on('error', () => undefined);
    try {
      // Without an offline queue even the first command must wait for 'ready' (BullMQ's Queue does).
      await once(connection, 'ready');
      expect(await connection.ping()).toBe('PONG');
      await doomed.stop();
      await new Promise<void>((resolve) => connection.once('close', () => resolve()));
      await expect(connection.ping()).rejects.toThrow(/enableOfflineQueue/);
    } finally {
      connection.disconnect();
      await doomed.stop();
      // disconnect() arms a timer to destroy the socket, which is already closed here, so 'close'
      // never clears it; outlast it so Jest can exit promptly.
      await new Promise((resolve) => setTimeout(resolve, connection.options.disconnectTimeout ?? 2000));
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('should read rediss:// as TLS with credentials and a database', () => {
    expect(redisOptions('rediss://user:p%40ss@cache.example.com:6380/2')).toEqual({
      host: 'cache.example.com', port: 6380, username: 'user', password: 'p@ss', db: 2, tls: {},
    });
  });
});
