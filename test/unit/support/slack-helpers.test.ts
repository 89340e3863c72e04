import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { ErrorCode, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api';
import {
  blockAction,
  blockSuggestion,
  postEvent,
  postInteraction,
  postSlashCommand,
  sign,
  viewSubmission,
} from '../../support/slack-requests';

describe('sign', () => {
  it("should reproduce Slack's published signing example (platform-facts A1)", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
      '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
      '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
      '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(sign('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });
});

describe('fake Slack Web API', () => {
  let fake: FakeSlackApi;
  let client: WebClient;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
    client = new WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('should answer auth.test with the test bot identity and record the bearer token', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEST', team: 'Test' });
    expect(fake.callsTo('auth.test')).toEqual([expect.objectContaining({ method: 'auth.test', token: 'xoxb-test' })]);
  });

  it('should decode JSON-stringified blocks and give monotonically increasing ts', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*O-1* Delight customers' } }];
    const first = await client.chat.postMessage({ channel: 'C0CHAN', text: 'O-1', blocks });
    const second = await client.chat.postMessage({ channel: 'U0ALICE', text: 'hi' });
    expect(first).toMatchObject({ ok: true, channel: 'C0CHAN', message: { text: 'O-1', blocks } });
    expect(second.channel).toBe('DU0ALICE');
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.body.blocks).toEqual(blocks);
    expect(call?.body.text).toBe('O-1');
  });

  it('should give opened views an id and hash and keep the submitted view', async () => {
    const view = { type: 'modal' as const, callback_id: 'okr_new', title: { type: 'plain_text' as const, text: 'New' }, blocks: [] };
    const res = await client.views.open({ trigger_id: '1.2.3', view });
    expect(res.view).toMatchObject({ callback_id: 'okr_new', type: 'modal', id: expect.stringMatching(/^V/), hash: expect.stringMatching(/^h/) });
    expect(fake.callsTo('views.open')[0]?.body.view).toEqual(view);
    const updated = await client.views.update({ view_id: res.view?.id ?? '', view });
    expect(updated.view?.id).toBe(res.view?.id);
  });

  it('should answer users.info from the users map, with locale only when asked', async () => {
    fake.users.set('U0ALICE', { id: 'U0ALICE', name: 'alice', real_name: 'Alice A', tz: 'Asia/Shanghai', locale: 'zh-CN' });
    const withLocale = await client.users.info({ user: 'U0ALICE', include_locale: true });
    expect(withLocale.user).toMatchObject({ id: 'U0ALICE', real_name: 'Alice A', tz: 'Asia/Shanghai', tz_offset: 28800, locale: 'zh-CN' });
    const without = await client.users.info({ user: 'U0ALICE' });
    expect(without.user?.locale).toBeUndefined();
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'user_not_found' },
    } satisfies Partial<WebAPIPlatformError>);
  });

  it('should answer conversations.open, oauth.v2.access and unknown methods like Slack', async () => {
    expect((await client.conversations.open({ users: 'U0ALICE' })).channel?.id).toBe('DU0ALICE');
    const oauth = await new WebClient(undefined, { slackApiUrl: fake.url, retryConfig: { retries: 0 } }).oauth.v2.access({
      client_id: 'cid', client_secret: 'secret', code: 'abc',
    });
    expect(oauth).toMatchObject({ access_token: 'xoxb-installed', bot_user_id: 'U0BOT', team: { id: 'T0OAUTH' } });
    expect(fake.callsTo('oauth.v2.access')[0]?.body).toMatchObject({ code: 'abc', client_id: 'cid' });
    await expect(client.apiCall('nope.never')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    expect(fake.callsTo('nope.never')).toHaveLength(1);
  });

  it('should fail the next call once with failNext', async () => {
    fake.failNext('chat.update', 'message_not_found');
    await expect(client.chat.update({ channel: 'C0CHAN', ts: '1.2', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    await expect(client.chat.update({ channel: 'C0CHAN', ts: '1.2', text: 'x' })).resolves.toMatchObject({ ok: true, ts: '1.2' });
  });

  it('should answer HTTP 429 with Retry-After once after rateLimitNext', async () => {
    const strict = new WebClient('xoxb-test', {
      slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR,
    });
    fake.rateLimitNext('chat.postMessage', 1);
    await expect(strict.chat.postMessage({ channel: 'C0CHAN', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 1,
    } satisfies Partial<WebAPIRateLimitedError>);
    await expect(strict.chat.postMessage({ channel: 'C0CHAN', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('should record JSON posts to response URLs', async () => {
    const res = await fetch(fake.responseUrl('abc'), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'done' }),
    });
    expect(await res.json()).toEqual({ ok: true });
    expect(fake.callsTo('response_url:abc')[0]?.body).toEqual({ text: 'done' });
  });

  it('should reject waitFor with the methods it did see', async () => {
    await client.auth.test();
    await expect(fake.waitFor('views.publish', 1, 50)).rejects.toThrow(/views\.publish.*got 0.*Recorded: auth\.test/);
  });
});

describe('signed requests through a Bolt app', () => {
  const signingSecret = 'test-signing-secret';
  let fake: FakeSlackApi;
  let app: App;
  let appUrl: string;
  const seen: Record<string, unknown> = {};

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = new App({
      signingSecret, token: 'xoxb-test', botId: 'B0BOT', botUserId: 'U0BOT', tokenVerificationEnabled: false,
      logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
    });
    app.command('/okr', async ({ ack, respond, command }) => {
      await ack();
      await respond({ text: `you said ${command.text}` });
    });
    app.view('okr_new', async ({ ack, view }) => {
      seen.viewValues = view.state.values;
      await ack({ response_action: 'errors', errors: { title: 'Too short' } });
    });
    app.action('kr_done', async ({ ack, action, respond }) => {
      await ack();
      seen.action = action;
      await respond({ text: 'marked done', replace_original: true });
    });
    app.options<'block_suggestion'>({ action_id: 'owner', callback_id: 'okr_new' }, async ({ ack, options }) => {
      await ack({ options: [{ text: { type: 'plain_text', text: `match ${options.value}` }, value: 'U0BOB' }] });
    });
    app.event('app_home_opened', async ({ event, client, context }) => {
      seen.retryNum = context.retryNum;
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
    });
    const server = (await app.start(0)) as { address(): AddressInfo | string | null };
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it('should ack a signed slash command and let the listener respond to the response_url', async () => {
    const res = await postSlashCommand(appUrl, {
      signingSecret, command: '/okr', text: 'tree', userId: 'U0ALICE', responseUrl: fake.responseUrl('cmd-1'),
    });
    expect(res.status).toBe(200);
    const [call] = await fake.waitFor('response_url:cmd-1');
    expect(call?.body).toEqual({ text: 'you said tree' });
  });

  it('should answer 401 to a wrong signature and to a timestamp 6 minutes old', async () => {
    const base = { signingSecret, command: '/okr' as const, text: 'tree', userId: 'U0ALICE', responseUrl: fake.responseUrl('bad') };
    expect((await postSlashCommand(appUrl, { ...base, signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await postSlashCommand(appUrl, { ...base, signingSecret: 'another-secret' })).status).toBe(401);
    expect((await postSlashCommand(appUrl, { ...base, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    expect(fake.callsTo('response_url:bad')).toHaveLength(0);
  });

  it('should route a view_submission by callback_id and return the ack body', async () => {
    const values = { title: { title_input: { type: 'plain_text_input', value: 'x' } } };
    const res = await postInteraction(appUrl, viewSubmission({ userId: 'U0ALICE', callbackId: 'okr_new', values }), { signingSecret });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response_action: 'errors', errors: { title: 'Too short' } });
    expect(seen.viewValues).toEqual(values);
  });

  it('should route a block action by action_id and expose respond() when a response_url is given', async () => {
    const payload = blockAction({ userId: 'U0ALICE', actionId: 'kr_done', value: 'KR-12', responseUrl: fake.responseUrl('act-1') });
    expect((await postInteraction(appUrl, payload, { signingSecret })).status).toBe(200);
    const [call] = await fake.waitFor('response_url:act-1');
    expect(call?.body).toEqual({ text: 'marked done', replace_original: true });
    expect(seen.action).toMatchObject({ type: 'button', action_id: 'kr_done', value: 'KR-12', block_id: 'b-kr_done' });
  });

  it('should route a block_suggestion to app.options() by action_id and callback_id', async () => {
    const payload = blockSuggestion({ userId: 'U0ALICE', actionId: 'owner', blockId: 'owner_block', value: 'bo', callbackId: 'okr_new' });
    const res = await postInteraction(appUrl, payload, { signingSecret });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ options: [{ text: { type: 'plain_text', text: 'match bo' }, value: 'U0BOB' }] });
  });

  it('should deliver an event with retry headers and let the listener call the Web API', async () => {
    const event = { type: 'app_home_opened', user: 'U0ALICE', channel: 'DU0ALICE', tab: 'home', event_ts: '1700000000.000001' };
    const res = await postEvent(appUrl, event, { signingSecret, eventId: 'Ev0TEST1', retryNum: 1, retryReason: 'http_timeout' });
    expect(res.status).toBe(200);
    const [call] = await fake.waitFor('views.publish');
    expect(call).toMatchObject({ token: 'xoxb-test', body: { user_id: 'U0ALICE', view: { type: 'home', blocks: [] } } });
    expect(seen.retryNum).toBe(1);
    expect(fake.callsTo('auth.test')).toHaveLength(0);
  });
});
