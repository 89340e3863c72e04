import type http from 'node:http';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createWebApp } from '../../src/main/web-server';
import { createWecomRuntime, type WecomRuntime } from '../../src/main/wecom-runtime';
import type { Clock } from '../../src/ports/clock';
import { FAKE_WECOM_APP, startFakeWecomApi, type FakeWecomApi } from './fake-wecom-api';
import { openTestDb, type TestDb } from './test-db';
import { openTestRedis, type TestRedis } from './test-redis';
import { randomSecrets, signedPost, signedVerification, type CallbackSecrets, type PostOptions } from './wecom-callbacks';

export interface WecomHarness {
  readonly db: TestDb;
  readonly redis: TestRedis;
  readonly fake: FakeWecomApi;
  readonly runtime: WecomRuntime;
  readonly secrets: CallbackSecrets;
  readonly callbackUrl: string;
  /** Posts `plaintextXml` as WeCom would: encrypted, signed, to /wecom/callback. */
  post(plaintextXml: string, opts?: PostOptions): Promise<Response>;
  /** The URL verification WeCom does when an admin saves the callback settings. */
  verify(echo: string): Promise<Response>;
  close(): Promise<void>;
}

/** The environment of a WeCom app talking to `fake`, on the test's Redis prefix. */
export function wecomTestEnv(secrets: CallbackSecrets, fake: Pick<FakeWecomApi, 'url'>, redis: Pick<TestRedis, 'url' | 'prefix'>): Record<string, string> {
  return {
    WECOM_CORP_ID: FAKE_WECOM_APP.corpId,
    WECOM_AGENT_ID: FAKE_WECOM_APP.agentId,
    WECOM_SECRET: FAKE_WECOM_APP.secret,
    WECOM_TOKEN: secrets.token,
    WECOM_ENCODING_AES_KEY: secrets.encodingAesKey,
    WECOM_API_URL: fake.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    LOG_LEVEL: 'silent',
  };
}

/**
 * The production web app with the WeCom callback and the inbound worker, on an ephemeral port,
 * over a fresh database and a real Redis, talking to a local fake of the WeCom API.
 */
export async function startWecomHarness(clock: Clock): Promise<WecomHarness> {
  const [db, redis, fake] = await Promise.all([openTestDb(), openTestRedis(), startFakeWecomApi()]);
  const secrets = randomSecrets(FAKE_WECOM_APP.corpId);
  const config = loadConfig(wecomTestEnv(secrets, fake, redis));
  const logger = createLogger(process.env.E2E_LOG_LEVEL ?? 'silent');
  const deps = { db: db.db, clock };
  const runtime = await createWecomRuntime(config.wecom!, { deps, logger, redisUrl: redis.url, prefix: config.redisPrefix });
  runtime.startWorker({ concurrency: 4, lockMs: 30_000, syncAtBoot: false });
  const web = createWebApp(config, deps, logger, { wecomCallback: runtime.callback });
  const server: http.Server = await web.listen(0);
  const callbackUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/wecom/callback`;
  return {
    db,
    redis,
    fake,
    runtime,
    secrets,
    callbackUrl,
    post(plaintextXml, opts) {
      const req = signedPost(secrets, plaintextXml, opts);
      return fetch(`${callbackUrl}?${req.query}`, { method: 'POST', body: req.body, headers: { 'content-type': 'text/xml' } });
    },
    verify(echo) {
      return fetch(`${callbackUrl}?${signedVerification(secrets, echo)}`);
    },
    async close() {
      await web.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await runtime.stop();
      await fake.close();
      await redis.close();
      await db.close();
    },
  };
}

/** Polls `probe` until it returns something (the worker answers asynchronously). */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting for the bot to answer');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
