import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createWecomApi, type WecomApiOptions } from '../../src/wecom/api/wecom-api';
import { WecomApiError, WecomTransportError, isPermanentRecipientError, isRetryableWecomError } from '../../src/wecom/api/wecom-errors';
import { FAKE_WECOM_APP, startFakeWecomApi, type FakeWecomApi } from '../support/fake-wecom-api';
import { openTestRedis, type TestRedis } from '../support/test-redis';

// The client against the fake WeCom with real Redis: the token is shared through Redis, so the
// interesting cases are several api instances (standing in for processes) at once. The fake's clock
// is fixed per test and moved by hand; the back-off is shortened so retries take milliseconds.

const FAST_BACK_OFF = { maxRetries: 3, baseDelayMs: 2, maxDelayMs: 10 };
/** Has characters that URL-encoding changes, so a leak in either form would be seen. */
const CANARY_SECRET = 'canary/S3cret+value==';
const text = (touser: string, content: string) => ({ touser, msgtype: 'text', text: { content } });
const card = (touser: string, taskId: string, buttons = 2) => ({
  touser, msgtype: 'template_card',
  template_card: {
    card_type: 'button_interaction', task_id: taskId, main_title: { title: 'Weekly check-in' },
    button_list: Array.from({ length: buttons }, (_, i) => ({ text: `B${i}`, key: `kr:${i}` })),
  },
});

/** The error a promise rejects with (fails the test when it resolves). */
const rejection = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => Promise.reject(new Error('expected a rejection')),
    (error: unknown) => (error instanceof Error ? error : Promise.reject(new Error(`rejected with ${String(error)}`))),
  );

describe('createWecomApi', () => {
  let redisServer: TestRedis;
  let redis: Redis;
  let fake: FakeWecomApi;
  let clock: number;
  let prefix: string;
  let logged: string;
  let n = 0;
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => void ((logged += String(chunk)), done()) }));
  const api = (overrides: Partial<WecomApiOptions> = {}) =>
    createWecomApi({ baseUrl: fake.url, ...FAKE_WECOM_APP, redis, prefix, logger, backOff: FAST_BACK_OFF, ...overrides });
  const callsTo = (path: string) => fake.state.calls.filter((c) => c.path === path);

  beforeAll(async () => void (redis = new Redis((redisServer = await openTestRedis()).url)));
  afterAll(async () => {
    redis.disconnect();
    await redisServer.close();
  });
  beforeEach(async () => {
    clock = 1_800_000_000_000;
    fake = await startFakeWecomApi({ now: () => clock });
    prefix = `${redisServer.prefix}:${(n += 1)}`;
    logged = '';
  });
  afterEach(() => fake.close());

  describe('access_token', () => {
    it('should fetch the token once, cache it in Redis until a few minutes before expiry and share it across instances', async () => {
      await api().sendMessage(text('alice', 'one'));
      await api().sendMessage(text('bob', 'two'));
      expect(fake.state.gettokenCalls).toBe(1);
      const ttl = await redis.pttl(`${prefix}:wecom:token:${FAKE_WECOM_APP.corpId}:${FAKE_WECOM_APP.agentId}`);
      expect(ttl).toBeGreaterThan((7_200 - 300 - 10) * 1000);
      expect(ttl).toBeLessThanOrEqual((7_200 - 300) * 1000);
      expect(fake.state.messages.map((m) => m.toUser)).toEqual(['alice', 'bob']);
    });

    it('should call gettoken once when several instances make their first calls at the same moment', async () => {
      const apis = Array.from({ length: 6 }, () => api());
      await Promise.all(apis.flatMap((a, i) => [a.sendMessage(text(`u${i}`, 'a')), a.sendMessage(text(`u${i}`, 'b'))]));
      expect(fake.state.gettokenCalls).toBe(1);
      expect(fake.state.messages).toHaveLength(12);
    });

    it('should refresh exactly once when two instances both see 42001 for the same token, and succeed', async () => {
      await api().sendMessage(text('alice', 'warm-up'));
      fake.expireAllTokens();
      await Promise.all([api().sendMessage(text('alice', 'x')), api().sendMessage(text('bob', 'y'))]);
      expect(fake.state.gettokenCalls).toBe(2);
      expect(callsTo('message/send').filter((c) => c.errcode === 42001)).toHaveLength(2);
      expect(fake.state.messages).toHaveLength(3);
    });

    it('should refresh once on 40014 and succeed, but not loop when the fresh token is refused too', async () => {
      fake.failNext('message/send', 40014);
      await expect(api().sendMessage(text('alice', 'hi'))).resolves.toEqual(expect.objectContaining({ msgid: expect.any(String) }));
      expect(fake.state.gettokenCalls).toBe(2);
      fake.failNext('message/send', 40014, 5);
      const error = await rejection(api().sendMessage(text('alice', 'again')));
      expect(error).toBeInstanceOf(WecomApiError);
      expect((error as WecomApiError).errcode).toBe(40014);
      expect(fake.state.gettokenCalls).toBe(3);
    });

    it('should back off on -1 from gettoken and then get the token', async () => {
      fake.failNext('gettoken', -1);
      await api().sendMessage(text('alice', 'hi'));
      expect(fake.state.gettokenCalls).toBe(2);
      expect(fake.state.messages).toHaveLength(1);
    });
  });

  describe('errors', () => {
    it('should back off on 45009 and then succeed', async () => {
      fake.failNext('message/send', 45009, 2);
      await api().sendMessage(text('alice', 'hi'));
      expect(callsTo('message/send').map((c) => c.errcode)).toEqual([45009, 45009, 0]);
    });

    it('should give up after a few 45009 retries with a retryable error', async () => {
      fake.failNext('message/send', 45009, 10);
      const error = await rejection(api().sendMessage(text('alice', 'hi')));
      expect(error).toBeInstanceOf(WecomApiError);
      expect(error).toMatchObject({ errcode: 45009, retryable: true });
      expect(callsTo('message/send')).toHaveLength(1 + FAST_BACK_OFF.maxRetries);
      expect(logged).toContain('backing off');
    });

    it('should never put the secret into errors or logs', async () => {
      const wrong = await rejection(api({ secret: CANARY_SECRET }).sendMessage(text('alice', 'hi')));
      expect(wrong).toMatchObject({ errcode: 40001, retryable: false });
      // A fetch whose error quotes the whole URL (query string with corpsecret) must be redacted too.
      const leakyFetch: typeof fetch = async (input) => {
        throw new TypeError(`fetch failed: ${String(input)}`, { cause: new Error(`connect ECONNREFUSED ${String(input)}`) });
      };
      const network = await rejection(api({ secret: CANARY_SECRET, fetch: leakyFetch, prefix: `${prefix}:leaky` }).listDepartments());
      expect(network).toBeInstanceOf(WecomTransportError);
      for (const error of [wrong, network]) {
        const seen = `${String(error)}\n${error.stack ?? ''}\n${JSON.stringify(error)}\n${String(error.cause ?? '')}`;
        expect(seen).not.toContain('S3cret');
        expect(seen).not.toContain('corpsecret');
      }
      expect(logged).not.toContain('S3cret');
    });

    it('should classify timeouts, 5xx and non-JSON answers as retryable transport errors', async () => {
      const tampered = (answer: (signal: AbortSignal) => Promise<Response>): typeof fetch => async (input, init) =>
        String(input).includes('/gettoken') ? fetch(input, init) : answer(init?.signal ?? new AbortController().signal);
      const hang = (signal: AbortSignal) => new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      const timeout = await rejection(api({ fetch: tampered(hang), timeoutMs: 30 }).sendMessage(text('alice', 'hi')));
      expect(timeout).toMatchObject({ failure: 'timeout', retryable: true });
      const http502 = await rejection(api({ fetch: tampered(async () => new Response('bad gateway', { status: 502 })) }).listDepartments());
      expect(http502).toMatchObject({ failure: 'http-status', status: 502, retryable: true });
      const html = await rejection(api({ fetch: tampered(async () => new Response('<html>busy</html>')) }).getUser('alice'));
      expect(html).toMatchObject({ failure: 'bad-json', retryable: true });
      expect([timeout, http502, html].every(isRetryableWecomError)).toBe(true);
    });

    it('should report gone recipients and chats as permanent', async () => {
      fake.setDirectory({ departments: [{ id: 1, name: 'Corp', parentid: 0 }], users: [{ userid: 'alice', name: 'Alice', department: [1] }] });
      const partial = await api().sendMessage(text('alice|Ghost', 'hi'));
      expect(partial.invalidUsers).toEqual(['ghost']);
      const allGone = await rejection(api().sendMessage(text('ghost', 'hi')));
      const noChat = await rejection(api().getAppChat('nochat'));
      const noUser = await rejection(api().getUser('ghost'));
      expect([allGone, noChat, noUser].map((e) => (e as WecomApiError).errcode)).toEqual([81013, 86003, 60111]);
      expect([allGone, noChat, noUser].every((e) => e instanceof WecomApiError && e.permanentRecipient)).toBe(true);
      expect(isPermanentRecipientError(45009)).toBe(false);
    });
  });

  describe('template cards', () => {
    it('should return a response_code that updates the card once, within 72 h', async () => {
      const sent = await api().sendMessage(card('alice', 'checkin-42'));
      expect(sent.responseCode).toEqual(expect.any(String));
      const update = (code: string) => api().updateTemplateCard({ userids: ['alice'], response_code: code, button: { replace_name: 'Done' } });
      await update(sent.responseCode ?? '');
      expect(fake.state.cardUpdates.get('checkin-42')).toHaveLength(1);
      const reused = await rejection(update(sent.responseCode ?? ''));
      expect(reused).toMatchObject({ retryable: false });
      expect((reused as WecomApiError).errcode).not.toBe(0);
      const clicked = fake.issueResponseCode('alice', 'checkin-42');
      const stale = fake.issueResponseCode('alice', 'checkin-42');
      await update(clicked);
      clock += 73 * 3_600_000;
      expect(await rejection(update(stale))).toBeInstanceOf(WecomApiError);
      expect(fake.state.cardUpdates.get('checkin-42')).toHaveLength(2);
    });

    it('should see the fake refuse cards WeCom refuses (7 buttons, reused task_id)', async () => {
      await expect(api().sendMessage(card('alice', 'too-many', 7))).rejects.toMatchObject({ errcode: 40058 });
      await api().sendMessage(card('alice', 'once'));
      await expect(api().sendMessage(card('bob', 'once'))).rejects.toMatchObject({ errcode: 40058 });
      expect(fake.state.violations.map((v) => v.rule)).toEqual(['template_card button_list', 'template_card task_id']);
    });
  });

  describe('the fake enforces WeCom limits', () => {
    it('should truncate text over 2,048 UTF-8 bytes and record the violation', async () => {
      await api().sendMessage(text('alice', '字'.repeat(700)));
      expect(fake.state.violations).toEqual([expect.objectContaining({ path: 'message/send', rule: 'text.content bytes' })]);
      expect(Buffer.byteLength(fake.state.messages[0]?.content ?? '', 'utf8')).toBe(2_046);
    });

    it('should silently drop the 31st message to one member within a minute', async () => {
      const a = api();
      for (let i = 0; i < 31; i += 1) await a.sendMessage(text('alice', `message ${i}`));
      expect(fake.state.messages).toHaveLength(30);
      expect(fake.state.dropped).toEqual([expect.objectContaining({ toUser: 'alice', reason: 'member-per-minute' })]);
      await a.sendMessage(text('bob', 'other member'));
      clock += 61_000;
      await a.sendMessage(text('alice', 'a minute later'));
      expect(fake.state.messages).toHaveLength(32);
      expect(fake.state.dropped).toHaveLength(1);
    });

    it('should suppress a duplicate within duplicate_check_interval', async () => {
      const body = { ...text('alice', 'same'), enable_duplicate_check: 1, duplicate_check_interval: 600 };
      await api().sendMessage(body);
      await api().sendMessage(body);
      clock += 601_000;
      await api().sendMessage(body);
      expect(fake.state.duplicatesSuppressed).toHaveLength(1);
      expect(fake.state.messages).toHaveLength(2);
    });
  });

  describe('appchat and directory', () => {
    it('should create, read, change and send to an app chat as WeCom allows', async () => {
      const a = api();
      expect(await a.createAppChat({ chatId: 'okrTeam1', name: 'OKR', owner: 'alice', userIds: ['alice', 'bob'] })).toBe('okrTeam1');
      await expect(a.createAppChat({ chatId: 'okrTeam1', name: 'OKR', owner: 'alice', userIds: ['alice', 'bob'] })).rejects.toMatchObject({ errcode: 86215 });
      await expect(a.createAppChat({ chatId: 'solo', name: 'x', owner: 'alice', userIds: ['alice'] })).rejects.toMatchObject({ errcode: 86006 });
      await a.updateAppChat({ chatId: 'okrTeam1', addUserIds: ['carol'], removeUserIds: ['bob'] });
      expect(await a.getAppChat('okrTeam1')).toEqual({ chatId: 'okrTeam1', name: 'OKR', owner: 'alice', userIds: ['alice', 'carol'] });
      await a.sendAppChat({ chatid: 'okrTeam1', msgtype: 'text', text: { content: 'weekly digest' } });
      await expect(a.sendAppChat({ chatid: 'okrTeam1', ...card('', 't1') })).rejects.toMatchObject({ errcode: 40008 });
      expect(fake.state.chatMessages).toEqual([expect.objectContaining({ chatId: 'okrTeam1', content: 'weekly digest', recipients: ['alice', 'carol'] })]);
    });

    it('should map the directory with every id as a string', async () => {
      fake.setDirectory({
        departments: [
          { id: 1, name: 'Corp', parentid: 0, order: 100, department_leader: ['alice'] },
          { id: 2, name: '研发', name_en: 'Engineering', parentid: 1, order: 1 },
        ],
        users: [
          { userid: 'alice', name: 'Alice', department: [1], main_department: 1, status: 1, enable: 1 },
          { userid: 'bob', name: 'Bob', department: [2], main_department: 2, status: 2, enable: 0, direct_leader: ['alice'] },
        ],
      });
      const a = api();
      expect(await a.listDepartments()).toEqual([
        { id: '1', name: 'Corp', nameEn: null, parentId: null, order: 100, leaders: ['alice'] },
        { id: '2', name: '研发', nameEn: 'Engineering', parentId: '1', order: 1, leaders: [] },
      ]);
      expect((await a.listUsers('1')).map((u) => u.userId)).toEqual(['alice', 'bob']);
      expect(await a.listUsers('2')).toEqual([
        { userId: 'bob', name: 'Bob', departments: ['2'], mainDepartment: '2', status: 2, enabled: false, directLeaders: ['alice'] },
      ]);
      expect(await a.getUser('alice')).toMatchObject({ userId: 'alice', enabled: true, mainDepartment: '1' });
      expect(callsTo('user/list').map((c) => c.query)).toEqual([{ department_id: '1', fetch_child: '1' }, { department_id: '2', fetch_child: '1' }]);
    });
  });
});
