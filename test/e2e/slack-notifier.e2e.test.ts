import type { Installation } from '@slack/bolt';
import { ErrorCode, LogLevel, WebClient, type WebAPIRateLimitedError } from '@slack/web-api';
import pino from 'pino';
import { loadConfig, type SlackConfig } from '../../src/config';
import { upsertWorkspace } from '../../src/db/member.repository';
import { PermanentDeliveryError, RateLimitedError, type OutgoingNotice } from '../../src/ports/chat-notifier';
import type { RenderContext } from '../../src/render/text/context';
import type { SlackMessage } from '../../src/slack/blocks/message';
import { createInstallationStore } from '../../src/slack/installation-store';
import { createSlackNotifier } from '../../src/slack/slack-notifier';
import { createTokenCipher } from '../../src/slack/token-cipher';
import type { NoticeView } from '../../src/use-cases/notice-views';
import { FAKE_INSTALLED_TOKEN, startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api';
import { createBudgetBook } from '../support/fake-slack-budget';
import { createMessageHistory } from '../support/fake-slack-history';
import { createOrg } from '../support/factories';
import { openTestDb, type TestDb } from '../support/test-db';

const BOT_TOKEN = 'xoxb-e2e';
const STATE_SECRET = 'state-secret-for-e2e-0123456789';
const REMINDER: NoticeView = { type: 'check_in_reminder', promptId: 7, memberName: 'Alice', keyResults: [] };

describe('fake Slack Web API: budgets, failing destinations, history', () => {
  let fake: FakeSlackApi;
  let clock = Date.parse('2026-11-15T12:00:00Z');
  const client = (token: string) =>
    new WebClient(token, { slackApiUrl: fake.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });

  beforeAll(async () => {
    fake = await startFakeSlackApi({ now: () => clock });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('should let exactly `burst` of 100 simultaneous posts through and 429 the rest with Retry-After', async () => {
    fake.setBudget('xoxb-budget', { perSecond: 20, burst: 5 });
    const slack = client('xoxb-budget');
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => slack.chat.postMessage({ channel: 'C0CHAN', text: `m${i}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as WebAPIRateLimitedError);
    expect(rejected).toHaveLength(95);
    expect(new Set(rejected.map((e) => `${e.code}:${e.retryAfter}`))).toEqual(new Set([`${ErrorCode.RateLimitedError}:1`]));
    expect(fake.counts()).toEqual({ ok: 5, rateLimited: 95, failed: 0 });
    expect(fake.posted()).toHaveLength(5);
    const limited = fake.callsTo('chat.postMessage').filter((c) => c.status === 429);
    expect(limited).toHaveLength(95);
    expect(limited[0]!.response).toEqual({ ok: false, error: 'ratelimited' });

    // Another workspace's token has its own (here: no) budget.
    await expect(client('xoxb-other').chat.postMessage({ channel: 'C0CHAN', text: 'other' })).resolves.toMatchObject({ ok: true });
    // A second later the bucket holds `burst` again, not perSecond.
    clock += 1_000;
    const later = await Promise.allSettled(Array.from({ length: 10 }, () => slack.chat.postMessage({ channel: 'C0CHAN', text: 'later' })));
    expect(later.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    fake.setBudget('xoxb-budget', null);
    await expect(slack.chat.postMessage({ channel: 'C0CHAN', text: 'unlimited' })).resolves.toMatchObject({ ok: true });
  });

  it('should round Retry-After up to whole seconds', async () => {
    fake.setBudget('xoxb-slow', { perSecond: 0.4, burst: 1 });
    const slack = client('xoxb-slow');
    await slack.chat.postMessage({ channel: 'C0CHAN', text: 'one' });
    await expect(slack.chat.postMessage({ channel: 'C0CHAN', text: 'two' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 3 });
    clock += 3_000;
    await expect(slack.chat.postMessage({ channel: 'C0CHAN', text: 'three' })).resolves.toMatchObject({ ok: true });
  });

  it('should fail every post to a failed destination, by user id or DM channel, until reset', async () => {
    fake.failDestination('U0GONE', 'user_not_found');
    fake.failDestination('C0ARCH', 'is_archived');
    const slack = client(BOT_TOKEN);
    for (const channel of ['U0GONE', 'U0GONE', 'DU0GONE']) {
      await expect(slack.chat.postMessage({ channel, text: 'x' })).rejects.toMatchObject({ data: { ok: false, error: 'user_not_found' } });
    }
    await expect(slack.chat.postMessage({ channel: 'C0ARCH', text: 'x' })).rejects.toMatchObject({ data: { error: 'is_archived' } });
    await slack.chat.postMessage({ channel: 'U0HERE', text: 'fine' });
    expect(fake.counts()).toEqual({ ok: 1, rateLimited: 0, failed: 4 });
    expect(fake.posted()).toEqual([{ token: BOT_TOKEN, channel: 'DU0HERE', threadTs: null, ts: expect.any(String), text: 'fine', metadata: null }]);
    fake.reset();
    await expect(slack.chat.postMessage({ channel: 'U0GONE', text: 'back' })).resolves.toMatchObject({ channel: 'DU0GONE' });
  });

  it('should keep posts per channel and serve history newest first, metadata only when asked', async () => {
    const slack = client(BOT_TOKEN);
    const metadata = { event_type: 'okr_delivery', event_payload: { key: 'k1' } };
    const first = await slack.chat.postMessage({ channel: 'C0HIST', text: 'first', metadata });
    clock += 10_000;
    const second = await slack.chat.postMessage({ channel: 'C0HIST', text: 'second' });
    const reply = await slack.chat.postMessage({ channel: 'C0HIST', text: 'reply', thread_ts: first.ts!, metadata: { event_type: 'x', event_payload: {} } });
    await slack.chat.postMessage({ channel: 'C0ELSE', text: 'elsewhere' });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts) + 9);
    expect(Math.abs(Number(first.ts) * 1000 - (clock - 10_000))).toBeLessThan(50);

    const plain = await slack.conversations.history({ channel: 'C0HIST' });
    expect(plain.messages!.map((m) => m.text)).toEqual(['second', 'first']);
    expect(plain.messages!.every((m) => !('metadata' in m))).toBe(true);
    expect(plain.messages![1]).toMatchObject({ ts: first.ts, thread_ts: first.ts, reply_count: 1, latest_reply: reply.ts });

    const withMeta = await slack.conversations.history({ channel: 'C0HIST', include_all_metadata: true });
    expect(withMeta.messages!.map((m) => m.metadata ?? null)).toEqual([null, metadata]);

    const recent = await slack.conversations.history({ channel: 'C0HIST', oldest: first.ts! });
    expect(recent.messages!.map((m) => m.text)).toEqual(['second']);
    const inclusive = await slack.conversations.history({ channel: 'C0HIST', oldest: first.ts!, inclusive: true });
    expect(inclusive.messages).toHaveLength(2);

    const page1 = await slack.conversations.history({ channel: 'C0HIST', limit: 1 });
    expect(page1).toMatchObject({ has_more: true, messages: [{ text: 'second' }] });
    const page2 = await slack.conversations.history({ channel: 'C0HIST', limit: 1, cursor: page1.response_metadata!.next_cursor! });
    expect(page2).toMatchObject({ has_more: false, messages: [{ text: 'first' }] });

    const thread = await slack.conversations.replies({ channel: 'C0HIST', ts: first.ts!, include_all_metadata: true });
    expect(thread.messages!.map((m) => [m.text, m.metadata?.event_type])).toEqual([['first', 'okr_delivery'], ['reply', 'x']]);
    await expect(slack.conversations.replies({ channel: 'C0HIST', ts: '1.000001' })).rejects.toMatchObject({ data: { error: 'thread_not_found' } });
    expect((await slack.conversations.history({ channel: 'C0NEVER' })).messages).toEqual([]);
  });

  it('should delay answers by the latency it is given', async () => {
    fake.setLatency(150);
    const started = Date.now();
    await client(BOT_TOKEN).auth.test();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('should count and keep thousands of posts over HTTP exactly', async () => {
    const slack = new WebClient(BOT_TOKEN, { slackApiUrl: fake.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR, maxRequestConcurrency: 64 });
    fake.setBudget(BOT_TOKEN, { perSecond: 1, burst: 1_500 });
    await Promise.allSettled(Array.from({ length: 2_000 }, (_, i) => slack.chat.postMessage({ channel: `C${i % 5}`, text: `m${i}` })));
    expect(fake.counts()).toEqual({ ok: 1_500, rateLimited: 500, failed: 0 });
    expect(fake.posted()).toHaveLength(1_500);
    const page = await slack.conversations.history({ channel: 'C3', limit: 200 });
    expect(page.messages).toHaveLength(200);
    expect(page.has_more).toBe(true);
  }, 60_000);

  it('should keep 20,000 posts and budget checks cheap (no quadratic work behind the HTTP layer)', () => {
    // The HTTP round trip dominates a real run; this times the fake's own bookkeeping.
    const history = createMessageHistory();
    const budgets = createBudgetBook(() => clock);
    budgets.set('xoxb-many', { perSecond: 1, burst: 15_000 });
    const started = performance.now();
    let allowed = 0;
    for (let i = 0; i < 20_000; i++) {
      if (budgets.take('xoxb-many') === null) allowed++;
      const ts = `1800000000.${String(i * 10).padStart(6, '0')}`;
      const post = { token: 'xoxb-many', channel: `C${i % 10}`, threadTs: null, ts, text: `m${i}`, metadata: { event_type: 'okr_delivery', event_payload: { key: `k${i}` } } };
      history.add(post, { type: 'message', ts, text: post.text });
    }
    for (let i = 0; i < 1_000; i++) {
      const res = history.history({ channel: `C${i % 10}`, oldest: '1800000000.100000', limit: '200', include_all_metadata: 'true' });
      expect((res.messages as unknown[]).length).toBe(200);
    }
    expect(allowed).toBe(15_000);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('Slack notifier against the fake Web API', () => {
  let db: TestDb;
  let fake: FakeSlackApi;
  let workspaceId: number;
  let pages = 1;
  const rendered: { notice: NoticeView; ctx: RenderContext }[] = [];
  const render = (notice: NoticeView, ctx: RenderContext): SlackMessage[] => {
    rendered.push({ notice, ctx });
    return Array.from({ length: pages }, (_, i) => ({ text: `page ${i + 1}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `page ${i + 1}` } }] }));
  };
  const logLines: string[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => void logLines.push(line) });
  let keys = 0;

  const notice = (to: OutgoingNotice['to'], extra: Partial<OutgoingNotice> = {}): OutgoingNotice => ({
    workspace: { id: workspaceId, platform: 'slack', externalId: 'T0TEST' },
    to,
    inThread: null,
    notice: REMINDER,
    locale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    deliveryKey: `delivery-${++keys}`,
    ...extra,
  });
  const toAlice = { kind: 'member', externalId: 'U1ALICE', dmChannelRef: null } as const;
  const toChannel = { kind: 'channel', channelRef: 'C0ENG' } as const;

  function singleConfig(): SlackConfig {
    // No trailing slash: the notifier adds it, as Bolt's clients do.
    return loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 'sig', SLACK_API_URL: fake.url.replace(/\/$/, '') }).slack;
  }
  const single = (requestTimeoutMs?: number) =>
    createSlackNotifier({ config: singleConfig(), db: db.db, logger, render, ...(requestTimeoutMs ? { requestTimeoutMs } : {}) });

  beforeAll(async () => {
    db = await openTestDb();
    fake = await startFakeSlackApi();
  }, 60_000);
  beforeEach(async () => {
    await db.reset();
    await createOrg(db.db);
    workspaceId = (await upsertWorkspace(db.db, { platform: 'slack', externalId: 'T0TEST', name: 'Test' })).id;
    fake.reset();
    pages = 1;
    rendered.length = 0;
  });
  afterAll(async () => {
    // Traced at the most verbose level, through the SDK's own logging too: no token anywhere.
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join('')).not.toMatch(/xoxb-/);
    await fake.close();
    await db.close();
  });

  it('should DM a member by user id with the delivery key as metadata and return the D channel and ts', async () => {
    const n = notice(toAlice);
    const before = Date.now();
    const receipt = await single().deliver(n);
    const [post] = fake.posted();
    expect(receipt).toEqual({ channelRef: 'DU1ALICE', threadRef: post!.ts });
    expect(post).toMatchObject({ token: BOT_TOKEN, channel: 'DU1ALICE', threadTs: null, text: 'page 1' });
    expect(post!.metadata).toEqual({ event_type: 'okr_delivery', event_payload: { key: n.deliveryKey } });
    const call = fake.callsTo('chat.postMessage')[0]!;
    expect(call.body).toMatchObject({ channel: 'U1ALICE', blocks: [{ type: 'section' }] });
    expect(rendered).toHaveLength(1);
    expect(rendered[0]!.notice).toBe(REMINDER);
    expect(rendered[0]!.ctx).toMatchObject({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(rendered[0]!.ctx.now.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('should reply in the given thread with thread_ts and return that thread', async () => {
    const n = notice(toChannel, { inThread: { channelRef: 'C0ENG', threadRef: '1700000000.000900' } });
    const receipt = await single().deliver(n);
    expect(receipt).toEqual({ channelRef: 'C0ENG', threadRef: '1700000000.000900' });
    expect(fake.posted()).toEqual([expect.objectContaining({ channel: 'C0ENG', threadTs: '1700000000.000900' })]);
  });

  it('should post the 2nd and 3rd page of a notice as replies to the first', async () => {
    pages = 3;
    const receipt = await single().deliver(notice(toChannel));
    const posts = fake.posted();
    expect(posts.map((p) => p.text)).toEqual(['page 1', 'page 2', 'page 3']);
    expect(posts.map((p) => p.threadTs)).toEqual([null, posts[0]!.ts, posts[0]!.ts]);
    expect(posts.map((p) => p.metadata === null)).toEqual([false, true, true]);
    expect(receipt).toEqual({ channelRef: 'C0ENG', threadRef: posts[0]!.ts });

    fake.reset();
    await single().deliver(notice(toAlice, { inThread: { channelRef: 'DU1ALICE', threadRef: '1700000000.000500' } }));
    expect(fake.posted().map((p) => [p.channel, p.threadTs])).toEqual(Array(3).fill(['DU1ALICE', '1700000000.000500']));
  });

  it('should send only the missing pages when a paged delivery is retried after a 429', async () => {
    pages = 3;
    const notifier = single();
    const n = notice(toChannel);
    fake.setBudget(BOT_TOKEN, { perSecond: 0.001, burst: 2 });
    await expect(notifier.deliver(n)).rejects.toBeInstanceOf(RateLimitedError);
    expect(fake.posted()).toHaveLength(2);
    fake.setBudget(BOT_TOKEN, null);
    const receipt = await notifier.deliver(n);
    const posts = fake.posted();
    expect(posts.map((p) => p.text)).toEqual(['page 1', 'page 2', 'page 3']);
    expect(posts[2]!.threadTs).toBe(posts[0]!.ts);
    expect(receipt).toEqual({ channelRef: 'C0ENG', threadRef: posts[0]!.ts });
  });

  it('should turn a 429 into RateLimitedError carrying Retry-After in ms', async () => {
    fake.rateLimitNext('chat.postMessage', 7);
    const error = await single().deliver(notice(toAlice)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(7_000);

    fake.setBudget(BOT_TOKEN, { perSecond: 0.5, burst: 1 });
    await single().deliver(notice(toAlice));
    await expect(single().deliver(notice(toAlice))).rejects.toEqual(new RateLimitedError(2_000));
    expect(fake.counts()).toEqual({ ok: 1, rateLimited: 2, failed: 0 });
  });

  it('should turn a gone user, channel or token into PermanentDeliveryError with Slack’s code', async () => {
    fake.failDestination('U1GONE', 'user_not_found');
    fake.failDestination('C0ARCH', 'is_archived');
    const notifier = single();
    await expect(notifier.deliver(notice({ kind: 'member', externalId: 'U1GONE', dmChannelRef: null }))).rejects.toEqual(new PermanentDeliveryError('user_not_found'));
    await expect(notifier.deliver(notice({ kind: 'channel', channelRef: 'C0ARCH' }))).rejects.toEqual(new PermanentDeliveryError('is_archived'));
    for (const code of ['channel_not_found', 'not_in_channel', 'invalid_auth', 'token_revoked', 'account_inactive', 'missing_scope']) {
      fake.failNext('chat.postMessage', code);
      const error = await notifier.deliver(notice(toChannel)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermanentDeliveryError);
      expect((error as PermanentDeliveryError).code).toBe(code);
    }
    expect(fake.posted()).toEqual([]);
  });

  it('should rethrow other Slack errors and timeouts as transient, and find a timed-out post afterwards', async () => {
    fake.failNext('chat.postMessage', 'internal_error');
    const error = await single().deliver(notice(toChannel)).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    expect(error).not.toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'internal_error' } });

    // Slack takes the post but the answer comes too late: the attempt fails, the message is there.
    const since = new Date();
    const n = notice(toAlice);
    fake.setLatency(400);
    const timedOut = await single(100).deliver(n).catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ code: ErrorCode.RequestError });
    fake.setLatency(0);
    expect(fake.posted()).toHaveLength(1);
    await expect(single().findDelivered(n, since)).resolves.toEqual({ channelRef: 'DU1ALICE', threadRef: fake.posted()[0]!.ts });
  });

  it('should find an earlier delivery by its key in a DM, a channel and a thread, and null for one never sent', async () => {
    const since = new Date();
    const dm = notice(toAlice);
    const channel = notice(toChannel);
    const threaded = notice(toChannel, { inThread: { channelRef: 'C0ENG', threadRef: '1700000000.000900' } });
    const sender = single();
    const receipts = [await sender.deliver(dm), await sender.deliver(channel), await sender.deliver(threaded)];
    for (let i = 0; i < 5; i++) await sender.deliver(notice(toChannel)); // others after them
    const notifier = single(); // as after a restart: nothing remembered in memory

    await expect(notifier.findDelivered(dm, since)).resolves.toEqual(receipts[0]);
    expect(fake.callsTo('conversations.open').map((c) => c.body.users)).toEqual(['U1ALICE']);
    await expect(notifier.findDelivered({ ...dm, to: { ...toAlice, dmChannelRef: 'DU1ALICE' } }, since)).resolves.toEqual(receipts[0]);
    expect(fake.callsTo('conversations.open')).toHaveLength(1);
    await expect(notifier.findDelivered(channel, since)).resolves.toEqual(receipts[1]);
    const history = fake.callsTo('conversations.history').at(-1)!.body;
    expect(history).toMatchObject({ channel: 'C0ENG', limit: '200', include_all_metadata: 'true' });
    expect(Number(history.oldest)).toBeCloseTo(since.getTime() / 1000 - 5, 3);
    await expect(notifier.findDelivered(threaded, since)).resolves.toEqual({ channelRef: 'C0ENG', threadRef: '1700000000.000900' });
    expect(receipts[2]).toEqual({ channelRef: 'C0ENG', threadRef: '1700000000.000900' });
    expect(fake.callsTo('conversations.replies').at(-1)!.body).toMatchObject({ channel: 'C0ENG', ts: '1700000000.000900', include_all_metadata: 'true' });

    await expect(notifier.findDelivered({ ...channel, deliveryKey: 'never-sent' }, since)).resolves.toBeNull();
    await expect(notifier.findDelivered({ ...threaded, deliveryKey: 'never-sent' }, since)).resolves.toBeNull();
    await expect(notifier.findDelivered(channel, new Date(Date.now() + 60_000))).resolves.toBeNull();
    // Cannot read the channel (public, posted with chat:write.public): not found, so it is sent.
    fake.failNext('conversations.history', 'not_in_channel');
    await expect(notifier.findDelivered(channel, since)).resolves.toBeNull();
    fake.failNext('conversations.history', 'channel_not_found');
    await expect(notifier.findDelivered(channel, since)).rejects.toEqual(new PermanentDeliveryError('channel_not_found'));
    fake.rateLimitNext('conversations.history', 3);
    await expect(notifier.findDelivered(channel, since)).rejects.toEqual(new RateLimitedError(3_000));
  });

  it('should page through a busy channel to find the delivery', async () => {
    const notifier = single();
    const since = new Date();
    const target = notice(toChannel);
    await notifier.deliver(target);
    for (let i = 0; i < 450; i++) await notifier.deliver(notice(toChannel));
    await expect(notifier.findDelivered(target, since)).resolves.toEqual({ channelRef: 'C0ENG', threadRef: fake.posted()[0]!.ts });
    expect(fake.callsTo('conversations.history')).toHaveLength(3);
  }, 30_000);

  describe('in OAuth mode', () => {
    const oauthConfig = () =>
      loadConfig({
        SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: STATE_SECRET,
        SLACK_SIGNING_SECRET: 'sig', SLACK_API_URL: fake.url,
      }).slack;
    const install = (teamId: string, token: string) =>
      createInstallationStore(db.db, createTokenCipher(STATE_SECRET)).storeInstallation({
        team: { id: teamId, name: teamId }, enterprise: undefined, isEnterpriseInstall: false, tokenType: 'bot', authVersion: 'v2', appId: 'A0TEST',
        user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
        bot: { token, scopes: ['chat:write'], id: 'B0BOT', userId: 'U0BOT' },
      } satisfies Installation<'v2', false>);
    const inTeam = (teamId: string, n: OutgoingNotice): OutgoingNotice => ({ ...n, workspace: { ...n.workspace, externalId: teamId } });

    it('should post with the token installed for the workspace’s team', async () => {
      await install('T0OAUTH', FAKE_INSTALLED_TOKEN);
      await install('T0OTHER', 'xoxb-other-team');
      const notifier = createSlackNotifier({ config: oauthConfig(), db: db.db, logger, render });
      await notifier.deliver(inTeam('T0OAUTH', notice(toAlice)));
      await notifier.deliver(inTeam('T0OTHER', notice(toAlice)));
      await notifier.deliver(inTeam('T0OAUTH', notice(toChannel)));
      expect(fake.posted().map((p) => p.token)).toEqual([FAKE_INSTALLED_TOKEN, 'xoxb-other-team', FAKE_INSTALLED_TOKEN]);
      await expect(notifier.deliver(inTeam('T0NOPE', notice(toAlice)))).rejects.toEqual(new PermanentDeliveryError('not_installed'));
    });

    it('should read the installation again when Slack refuses the cached token after a reinstall', async () => {
      await install('T0OAUTH', 'xoxb-before');
      const notifier = createSlackNotifier({ config: oauthConfig(), db: db.db, logger, render });
      await notifier.deliver(inTeam('T0OAUTH', notice(toAlice)));
      await install('T0OAUTH', 'xoxb-after');
      fake.failNext('chat.postMessage', 'invalid_auth');
      await notifier.deliver(inTeam('T0OAUTH', notice(toAlice)));
      expect(fake.posted().map((p) => p.token)).toEqual(['xoxb-before', 'xoxb-after']);
      expect(fake.callsTo('chat.postMessage').map((c) => c.token)).toEqual(['xoxb-before', 'xoxb-before', 'xoxb-after']);
      // The stored token itself refused: read again, unchanged, so permanent.
      fake.failNext('chat.postMessage', 'token_revoked');
      await expect(notifier.deliver(inTeam('T0OAUTH', notice(toAlice)))).rejects.toEqual(new PermanentDeliveryError('token_revoked'));
      expect(fake.callsTo('chat.postMessage')).toHaveLength(4);
    });
  });
});
