import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger';
import { WecomApiError, WecomTransportError } from './wecom-errors';
import { redact, requestWecomJson, type WecomHttp } from './wecom-http';

export interface AccessTokenOptions {
  readonly http: Omit<WecomHttp, 'secrets'>;
  readonly corpId: string;
  readonly agentId: string;
  readonly secret: string;
  readonly redis: Redis;
  readonly prefix: string;
  readonly logger: Logger;
  /** The cached token expires this long before WeCom's `expires_in` runs out (default 5 min). */
  readonly refreshMarginMs?: number;
}

const GETTOKEN_PATH = '/cgi-bin/gettoken';
const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;
/** How often a process waiting for another one's refresh looks at the cache again. */
const POLL_MS = 25;

// Deletes a key only while it still holds the given value: a lock only by its owner, a token only
// if nobody has replaced it yet (two callers seeing 42001 for the same token cause one refresh).
const DELETE_IF_EQUAL_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * The access_token of one app (corp id + agent id), shared by every process through Redis.
 *
 * WeCom throttles gettoken ("不能频繁调用gettoken接口，否则会受到频率拦截", platform-facts B4), so
 * at most one process refreshes at a time: it holds `…:lock` (SET NX PX) while it calls gettoken,
 * and the others poll the cache until the new token appears. A holder that dies frees the lock when
 * its PX runs out. The token is cached until a few minutes before `expires_in`, so it is replaced
 * before WeCom starts answering 42001; an early invalidation (WeCom may drop tokens) goes through
 * `invalidate`.
 */
export class AccessTokenCache {
  private readonly key: string;
  private readonly lockKey: string;
  private readonly lockTtlMs: number;
  private readonly http: WecomHttp;
  /** One refresh per process at a time; concurrent callers share it. */
  private pending: Promise<string> | null = null;

  constructor(private readonly options: AccessTokenOptions) {
    this.key = `${options.prefix}:wecom:token:${options.corpId}:${options.agentId}`;
    this.lockKey = `${this.key}:lock`;
    // Longer than one gettoken round trip, so a slow but live holder keeps its lock.
    this.lockTtlMs = options.http.timeoutMs + 5_000;
    this.http = { ...options.http, secrets: [options.secret] };
  }

  /** The current token: from the cache, or refreshed (by this process or another one). */
  async get(): Promise<string> {
    const cached = await this.options.redis.get(this.key);
    if (cached) return cached;
    this.pending ??= this.refresh().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /**
   * Drops the cached token after WeCom rejected it (40014/41001/42001), unless it was already
   * replaced. Answers whether it was dropped.
   */
  async invalidate(staleToken: string): Promise<boolean> {
    const dropped = (await this.options.redis.eval(DELETE_IF_EQUAL_LUA, 1, this.key, staleToken)) === 1;
    if (dropped) this.options.logger.info({ corpId: this.options.corpId, agentId: this.options.agentId }, 'wecom access_token rejected; dropped from cache');
    return dropped;
  }

  private async refresh(): Promise<string> {
    const { redis } = this.options;
    const deadline = Date.now() + this.lockTtlMs;
    for (;;) {
      const owner = randomUUID();
      if ((await redis.set(this.lockKey, owner, 'PX', this.lockTtlMs, 'NX')) === 'OK') {
        try {
          // Another process may have stored a token between our cache miss and taking the lock.
          return (await redis.get(this.key)) ?? (await this.fetchAndStore());
        } finally {
          await redis.eval(DELETE_IF_EQUAL_LUA, 1, this.lockKey, owner);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const cached = await redis.get(this.key);
      if (cached) return cached;
      if (Date.now() >= deadline) {
        throw new WecomTransportError(GETTOKEN_PATH, 'lock-wait', 'another process holds the refresh lock and stored no token');
      }
    }
  }

  private async fetchAndStore(): Promise<string> {
    const { corpId, agentId, secret, redis, logger } = this.options;
    const json = await requestWecomJson(this.http, {
      method: 'GET',
      path: GETTOKEN_PATH,
      query: { corpid: corpId, corpsecret: secret },
    });
    const errcode = typeof json.errcode === 'number' ? json.errcode : 0;
    if (errcode !== 0) {
      const errmsg = redact(typeof json.errmsg === 'string' ? json.errmsg : '', [secret]);
      logger.warn({ corpId, agentId, errcode, errmsg }, 'wecom gettoken failed');
      throw new WecomApiError(GETTOKEN_PATH, errcode, errmsg);
    }
    const token = json.access_token;
    const expiresIn = json.expires_in;
    if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || expiresIn <= 0) {
      throw new WecomTransportError(GETTOKEN_PATH, 'bad-shape', 'answer lacks access_token or expires_in');
    }
    await redis.set(this.key, token, 'PX', this.cacheTtlMs(expiresIn));
    logger.info({ corpId, agentId, expiresIn }, 'wecom access_token refreshed');
    return token;
  }

  private cacheTtlMs(expiresInSeconds: number): number {
    const lifetime = expiresInSeconds * 1000;
    const margin = this.options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    // A short-lived token (never seen in practice) is kept for half its life instead.
    return Math.max(1_000, Math.round(lifetime > 2 * margin ? lifetime - margin : lifetime / 2));
  }
}
