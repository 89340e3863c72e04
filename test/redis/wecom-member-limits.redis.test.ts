import { Redis } from 'ioredis';
import { DeliveryLimiter } from '../../src/jobs/delivery-limiter';
import { createLogger } from '../../src/logger';
import { createWecomApi } from '../../src/wecom/api/wecom-api';
import { textMessage } from '../../src/wecom/messages/wecom-message';
import { MEMBER_LIMIT, wecomSender } from '../../src/wecom/outbound/wecom-sender';
import { FAKE_WECOM_APP, startFakeWecomApi, type FakeWecomApi } from '../support/fake-wecom-api';
import { openTestRedis, type TestRedis } from '../support/test-redis';

// WeCom silently drops what an app sends one member beyond 30 a minute or 1,000 an hour. The fake
// enforces both and records what it drops; every send of ours goes through the member's limit.

let redis: TestRedis;
let client: Redis;
let fake: FakeWecomApi;
let virtualNow = Date.UTC(2026, 10, 23, 2, 0, 0);

beforeAll(async () => {
  redis = await openTestRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  fake = await startFakeWecomApi({ now: () => virtualNow });
}, 60_000);
afterAll(async () => {
  client.disconnect();
  await fake.close();
  await redis.close();
});

function sender(prefix: string, clock: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {}) {
  const api = createWecomApi({ baseUrl: fake.url, ...FAKE_WECOM_APP, redis: client, prefix, logger: createLogger('silent') });
  return wecomSender(api, new DeliveryLimiter(client, prefix), FAKE_WECOM_APP, clock);
}

test('1,200 messages to one member over simulated hours: every one arrives, none is dropped, no window exceeds the limits', async () => {
  // The limiter and the fake share a simulated clock; waiting moves it on.
  const s = sender(`${redis.prefix}:sim`, { now: () => virtualNow, sleep: async (ms) => void (virtualNow += ms) });
  for (let i = 0; i < 1_200; i += 1) await s.toMember('zhangsan', textMessage(`第 ${i} 条`));
  const times = fake.state.messages.filter((m) => m.toUser === 'zhangsan').map((m) => m.at);
  expect(times).toHaveLength(1_200);
  expect(fake.state.dropped).toEqual([]);
  const most = (windowMs: number) => Math.max(...times.map((t, i) => times.slice(i).filter((u) => u < t + windowMs).length));
  expect(most(60_000)).toBeLessThanOrEqual(30);
  expect(most(3_600_000)).toBeLessThanOrEqual(1_000);
}, 120_000);

test('in real time, a burst past the limit waits its turn instead of being sent into a drop', async () => {
  fake.state.messages.length = 0;
  const realFake = await startFakeWecomApi();
  try {
    const api = createWecomApi({ baseUrl: realFake.url, ...FAKE_WECOM_APP, redis: client, prefix: `${redis.prefix}:real`, logger: createLogger('silent') });
    const s = wecomSender(api, new DeliveryLimiter(client, `${redis.prefix}:real`), FAKE_WECOM_APP);
    const started = Date.now();
    await Promise.all(Array.from({ length: MEMBER_LIMIT.burst + 1 }, (_, i) => s.toMember('lisi', textMessage(`消息 ${i}`))));
    const sent = realFake.state.messages.filter((m) => m.toUser === 'lisi');
    expect(sent).toHaveLength(MEMBER_LIMIT.burst + 1);
    // The burst goes at once; the one past it waits about one spacing.
    expect(Math.max(...sent.map((m) => m.at)) - started).toBeGreaterThanOrEqual(MEMBER_LIMIT.intervalMs - 500);
    expect(realFake.state.dropped).toEqual([]);
  } finally {
    await realFake.close();
  }
}, 30_000);
