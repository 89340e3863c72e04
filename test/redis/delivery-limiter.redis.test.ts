import { Redis } from 'ioredis';
import { DeliveryLimiter } from '../../src/jobs/delivery-limiter';
import { openTestRedis, type TestRedis } from '../support/test-redis';

// Reservations are computed from a fixed nowMs where the algorithm is under test, so the
// assertions are about the returned waits, never about the wall clock.
const NOW = 1_800_000_000_000;

describe('DeliveryLimiter', () => {
  let server: TestRedis;
  let redis: Redis;
  let limiter: DeliveryLimiter;
  let n = 0;
  const key = () => `T${(n += 1)}:chat.postMessage`;

  beforeAll(async () => {
    server = await openTestRedis();
    redis = new Redis(server.url);
    limiter = new DeliveryLimiter(redis, server.prefix);
  });

  afterAll(async () => {
    redis.disconnect();
    await server.close();
  });

  it('should space 1000 reservations at 100/s exactly 10 ms apart', async () => {
    const k = { key: key(), intervalMs: 10 };
    const waits = await Promise.all(Array.from({ length: 1000 }, () => limiter.reserve([k], NOW)));
    expect(waits).toEqual(Array.from({ length: 1000 }, (_, i) => i * 10));
  });

  it('should count elapsed time: a caller arriving later waits only for what is left', async () => {
    const k = { key: key(), intervalMs: 1000 };
    expect(await limiter.reserve([k], NOW)).toBe(0);
    expect(await limiter.reserve([k], NOW + 400)).toBe(600);
    expect(await limiter.reserve([k], NOW + 5000)).toBe(0);
  });

  it('should let a burst go at once after idle time, then space the rest', async () => {
    const k = { key: key(), intervalMs: 100, burst: 3 };
    const first = [];
    for (let i = 0; i < 5; i += 1) first.push(await limiter.reserve([k], NOW));
    expect(first).toEqual([0, 0, 0, 100, 200]);
    const afterIdle = [];
    for (let i = 0; i < 4; i += 1) afterIdle.push(await limiter.reserve([k], NOW + 10_000));
    expect(afterIdle).toEqual([0, 0, 0, 100]);
  });

  it('should give a call on two keys the later of their slots, and charge it to both', async () => {
    const workspace = { key: key(), intervalMs: 10 };
    const channel = { key: key(), intervalMs: 1000 };
    expect(await limiter.reserve([workspace, channel], NOW)).toBe(0);
    expect(await limiter.reserve([workspace, channel], NOW)).toBe(1000);
    // The workspace key was charged at +1000, so its next free slot is +1010.
    expect(await limiter.reserve([workspace], NOW)).toBe(1010);
  });

  it('should push reservations past a pause, spaced without a burst, and keep the longer pause', async () => {
    const k = { key: key(), intervalMs: 100, burst: 5 };
    await limiter.pauseUntil(k.key, NOW + 30_000, NOW);
    await limiter.pauseUntil(k.key, NOW + 2_000, NOW);
    const waits = [];
    for (let i = 0; i < 3; i += 1) waits.push(await limiter.reserve([k], NOW));
    expect(waits).toEqual([30_000, 30_100, 30_200]);
  });

  it('should tell whether a pause lasts beyond a moment', async () => {
    const k = key();
    expect(await limiter.pausedAfter(k, NOW)).toBe(false);
    await limiter.pauseUntil(k, NOW + 5_000, NOW);
    expect(await limiter.pausedAfter(k, NOW)).toBe(true);
    expect(await limiter.pausedAfter(k, NOW + 4_999)).toBe(true);
    expect(await limiter.pausedAfter(k, NOW + 5_000)).toBe(false);
  });

  it('should leave other keys alone while one is paused', async () => {
    const paused = { key: key(), intervalMs: 1000 };
    const other = { key: key(), intervalMs: 1000 };
    await limiter.pauseUntil(paused.key, NOW + 60_000, NOW);
    expect(await limiter.reserve([other], NOW)).toBe(0);
    expect(await limiter.reserve([paused], NOW)).toBe(60_000);
  });

  it('should never give two of 4 concurrent connections the same slot', async () => {
    const k = { key: key(), intervalMs: 5 };
    const clients = Array.from({ length: 4 }, () => new Redis(server.url));
    try {
      const perClient = await Promise.all(clients.map((c) => {
        const own = new DeliveryLimiter(c, server.prefix);
        return Promise.all(Array.from({ length: 250 }, () => own.reserve([k], NOW)));
      }));
      const all = perClient.flat().sort((a, b) => a - b);
      expect(new Set(all).size).toBe(1000);
      expect(all).toEqual(Array.from({ length: 1000 }, (_, i) => i * 5));
    } finally {
      for (const c of clients) c.disconnect();
    }
  });

  it("should use Redis' clock when no nowMs is given", async () => {
    const k = { key: key(), intervalMs: 60_000 };
    expect(await limiter.reserve([k])).toBe(0);
    const second = await limiter.reserve([k]);
    expect(second).toBeGreaterThan(0);
    expect(second).toBeLessThanOrEqual(60_000);
  });

  it('should store keys under <prefix>:limit: with a TTL so idle keys expire', async () => {
    const k = { key: key(), intervalMs: 1000 };
    await limiter.reserve([k], NOW);
    const redisKey = `${server.prefix}:limit:${k.key}`;
    const ttl = await redis.pttl(redisKey);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000 + 60_000);
    await limiter.pauseUntil(k.key, NOW + 120_000, NOW);
    expect(await redis.pttl(redisKey)).toBeGreaterThan(61_000);
  });

  it('should reserve nothing for no keys and refuse nonsense limits', async () => {
    expect(await limiter.reserve([])).toBe(0);
    await expect(limiter.reserve([{ key: key(), intervalMs: 0 }])).rejects.toThrow(RangeError);
    await expect(limiter.reserve([{ key: key(), intervalMs: 10, burst: 0 }])).rejects.toThrow(RangeError);
    await expect(limiter.reserve([{ key: key(), intervalMs: 2.5 }])).rejects.toThrow(RangeError);
  });
});
