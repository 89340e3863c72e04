import { fixedClock } from '../../src/ports/clock';
import { blockKitViolations } from '../../src/slack/blocks/limits-check';
import { ACTION, VIEW } from '../../src/slack/blocks/ids';
import type { RecordedCall } from '../support/fake-slack-api';
import { recordThread } from '../../src/db/chat-thread.repository';
import { goalState } from '../support/factories';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from '../support/slack-harness';
import { blockAction, blockSuggestion, postEvent, postInteraction, postSlashCommand, viewSubmission } from '../support/slack-requests';

let h: SlackHarness;
const ALICE = 'U1ALICE';
const BOB = 'U2BOB';
let responses = 0;

beforeAll(async () => {
  h = await startSlackHarness(fixedClock('2026-11-15T12:00:00Z'));
  h.fake.users.set(ALICE, { id: ALICE, name: 'alice', real_name: 'Alice Liu', tz: 'Asia/Shanghai', locale: 'en-US' });
  h.fake.users.set(BOB, { id: BOB, name: 'bob', real_name: 'Bob Stone', tz: 'Europe/London', locale: 'en-GB' });
  // Tests clear the fake's log between steps; check what it holds before it goes.
  const reset = h.fake.reset.bind(h.fake);
  h.fake.reset = () => {
    checkRecordedPayloads();
    reset();
  };
}, 60_000);
afterAll(async () => {
  checkRecordedPayloads();
  expect(checked.length).toBeGreaterThan(50);
  await h.close();
});

const checked: RecordedCall[] = [];
/** Every payload the app sent to Slack is held to the Block Kit limits table — not only the ones a test looks at. */
function checkRecordedPayloads(): void {
  for (const call of h.fake.calls) {
    if (checked.includes(call)) continue;
    checked.push(call);
    const surface = call.method === 'views.publish' ? 'home' : call.method.startsWith('views.') ? 'modal' : 'message';
    const payload = call.method.startsWith('views.') ? call.body.view : call.body;
    if (payload && (call.method.startsWith('views.') || call.method.startsWith('chat.') || call.method.startsWith('response_url'))) {
      expect({ method: call.method, violations: blockKitViolations(payload as never, surface) }).toEqual({ method: call.method, violations: [] });
    }
  }
}
afterEach(() => checkRecordedPayloads());

/** Runs a slash command and returns the messages posted to its response_url. */
async function slash(user: string, text: string, command: '/okr' | '/kpi' = '/okr'): Promise<RecordedCall[]> {
  const id = `r${++responses}`;
  const res = await postSlashCommand(h.eventsUrl, { signingSecret: SIGNING_SECRET, command, text, userId: user, responseUrl: h.fake.responseUrl(id) });
  expect(res.status).toBe(200);
  return h.fake.waitFor(`response_url:${id}`);
}

/** Waits until `method` has not been called for `ms` in a row. */
async function quietFor(method: string, ms: number): Promise<void> {
  let seen = h.fake.callsTo(method).length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < ms) {
    await new Promise((r) => setTimeout(r, 100));
    const now = h.fake.callsTo(method).length;
    if (now !== seen) {
      seen = now;
      quietSince = Date.now();
    }
  }
}

const textOf = (calls: RecordedCall[]) => calls.map((c) => JSON.stringify(c.body)).join('\n');

describe('Slack app over HTTP', () => {
  it('should answer every command ephemerally with Block Kit inside Slack’s limits', async () => {
    const script: [string, string, '/okr' | '/kpi'][] = [
      [ALICE, 'new "Delight customers"', '/okr'],
      [ALICE, 'kr add O-1 "Raise NPS from 30 to 45"', '/okr'],
      [ALICE, 'kr add O-1 "Cut churn from 5% to 3%"', '/okr'],
      [ALICE, 'update KR-1 39 on-track survey done', '/okr'],
      [ALICE, 'update KR-2 4% at-risk', '/okr'],
      [ALICE, '', '/okr'],
      [ALICE, 'help', '/okr'],
      [ALICE, 'mine', '/okr'],
      [ALICE, 'list company', '/okr'],
      [ALICE, 'show O-1', '/okr'],
      [ALICE, 'show KR-1', '/okr'],
      [ALICE, 'tree', '/okr'],
      [ALICE, 'lagging', '/okr'],
      [BOB, 'comment KR-1 great work', '/okr'],
      [BOB, 'blocker KR-2 waiting on legal', '/okr'],
      [ALICE, 'resolve B-1 sorted', '/okr'],
      [ALICE, 'edit KR-1 --target 50', '/okr'],
      [ALICE, 'new "Personal growth"', '/okr'],
      [ALICE, 'align O-2 O-1', '/okr'],
      [ALICE, 'score O-1 0.6 decent', '/okr'],
      [ALICE, 'review', '/okr'],
      [ALICE, 'ooo until 2026-12-01', '/okr'],
      [ALICE, 'ooo off', '/okr'],
      [ALICE, 'snooze 2d', '/okr'],
      [ALICE, 'close O-2', '/okr'],
      [ALICE, 'reopen O-2', '/okr'],
      [ALICE, 'new nps "Net Promoter Score" --target 45 --green 40 --yellow 30', '/kpi'],
      [ALICE, 'log nps 38', '/kpi'],
      [ALICE, 'link KR-1 nps', '/kpi'],
      [ALICE, 'list', '/kpi'],
      [ALICE, 'show nps', '/kpi'],
      [BOB, 'update KR-1 99', '/okr'],
      [BOB, 'frobnicate', '/okr'],
      [BOB, 'team', '/okr'],
    ];
    for (const [user, text, command] of script) {
      const posted = await slash(user, text, command);
      for (const call of posted) {
        expect(call.body.response_type).toBe('ephemeral');
        expect(blockKitViolations(call.body as never, 'message')).toEqual([]);
        expect(JSON.stringify(call.body)).not.toMatch(/went wrong/);
      }
    }
    const rows = await h.db.db.selectFrom('key_result').select(['ref', 'current_value', 'target_value']).orderBy('ref').execute();
    expect(rows).toEqual([
      { ref: 1, current_value: 39, target_value: 50 },
      { ref: 2, current_value: 4, target_value: 3 },
    ]);
    // Bob may not update Alice's key result; the reply says so and nothing moved.
    expect(textOf(await slash(BOB, 'update KR-1 99'))).toMatch(/KR-1/);
  }, 60_000);

  it('should render typed mentions and broadcasts as text', async () => {
    const posted = await slash(ALICE, 'new "<!channel> ping <@U999> & <!here>"');
    const body = textOf(posted);
    expect(body).toContain('&lt;!channel&gt;');
    expect(body).not.toMatch(/<!channel>|<!here>|<@U999>/);
  });

  it('should open the create-objective modal and create the objective with its key results', async () => {
    await postSlashCommand(h.eventsUrl, { signingSecret: SIGNING_SECRET, command: '/okr', text: 'new', userId: ALICE, responseUrl: h.fake.responseUrl('unused') });
    const [opened] = await h.fake.waitFor('views.open');
    const view = opened!.body.view as { callback_id: string };
    expect(view.callback_id).toBe(VIEW.newObjective);
    expect(blockKitViolations(opened!.body.view as never, 'modal')).toEqual([]);

    const before = await goalState(h.db.db);
    const bad = await postInteraction(h.eventsUrl, viewSubmission({ userId: ALICE, callbackId: VIEW.newObjective, values: { title: { title: { type: 'plain_text_input', value: '' } } } }), { signingSecret: SIGNING_SECRET });
    expect(bad.status).toBe(200);
    expect((bad.json as { response_action: string }).response_action).toBe('errors');
    expect(await goalState(h.db.db)).toEqual(before);

    h.fake.reset();
    const ok = await postInteraction(
      h.eventsUrl,
      viewSubmission({
        userId: ALICE,
        callbackId: VIEW.newObjective,
        values: {
          title: { title: { type: 'plain_text_input', value: 'Ship the mobile app' } },
          kr_1: { kr_1: { type: 'plain_text_input', value: 'Grow beta testers from 0 to 200' } },
          kr_2: { kr_2: { type: 'plain_text_input', value: 'Publish to the App Store' } },
        },
      }),
      { signingSecret: SIGNING_SECRET },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('');
    const [dm] = await h.fake.waitFor('chat.postMessage');
    expect(dm!.body.channel).toBe(ALICE);
    expect(JSON.stringify(dm!.body)).toMatch(/Ship the mobile app/);
    await h.fake.waitFor('views.publish');
    const krs = await h.db.db.selectFrom('key_result as k').innerJoin('objective as o', 'o.id', 'k.objective_id').select(['k.title', 'k.kind']).where('o.title', '=', 'Ship the mobile app').orderBy('k.ref').execute();
    expect(krs).toEqual([
      { title: 'Grow beta testers from 0 to 200', kind: 'increase' },
      { title: 'Publish to the App Store', kind: 'milestone' },
    ]);
  }, 30_000);

  it('should check in on several key results from one modal', async () => {
    h.fake.reset();
    await postSlashCommand(h.eventsUrl, { signingSecret: SIGNING_SECRET, command: '/okr', text: 'checkin', userId: ALICE, responseUrl: h.fake.responseUrl('unused2') });
    const [opened] = await h.fake.waitFor('views.open');
    const view = opened!.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEW.checkIn);
    expect(blockKitViolations(opened!.body.view as never, 'modal')).toEqual([]);
    const ids = await h.db.db.selectFrom('key_result').select(['id', 'ref']).where('ref', 'in', [1, 2]).orderBy('ref').execute();
    const [kr1, kr2] = ids;
    const values = {
      [`v:${kr1!.id}`]: { value: { type: 'plain_text_input', value: '42' } },
      [`c:${kr1!.id}`]: { confidence: { type: 'static_select', selected_option: { value: 'on_track' } } },
      [`n:${kr2!.id}`]: { note: { type: 'plain_text_input', value: 'vendor slipped' } },
      [`c:${kr2!.id}`]: { confidence: { type: 'static_select', selected_option: { value: 'off_track' } } },
    };
    // action ids inside blocks are whatever the builder chose: mirror them from the opened view.
    const submitted = mirrorActionIds(opened!.body.view as never, values);
    const res = await postInteraction(h.eventsUrl, viewSubmission({ userId: ALICE, callbackId: VIEW.checkIn, values: submitted, privateMetadata: view.private_metadata }), { signingSecret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    await waitForCall('chat.postMessage', (c) => c.body.channel === ALICE);
    const after = await h.db.db.selectFrom('key_result').select(['ref', 'current_value', 'confidence']).where('ref', 'in', [1, 2]).orderBy('ref').execute();
    expect(after).toEqual([
      { ref: 1, current_value: 42, confidence: 'on_track' },
      { ref: 2, current_value: 4, confidence: 'off_track' },
    ]);
  }, 30_000);

  it('should let an admin set up a team and change its check-in settings in a modal', async () => {
    expect(textOf(await slash(ALICE, `team new eng "Engineering" --manager <@${BOB}|bob>`))).toMatch(/eng/);
    expect(textOf(await slash(BOB, `role <@${BOB}|bob> admin`))).toMatch(/only/i);
    h.fake.reset();
    await postSlashCommand(h.eventsUrl, { signingSecret: SIGNING_SECRET, command: '/okr', text: 'team settings #eng', userId: BOB, responseUrl: h.fake.responseUrl('ts') });
    const [opened] = await h.fake.waitFor('views.open');
    const view = opened!.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEW.teamSettings);
    const values = (weekday: string, time: string, threshold: string) =>
      mirrorActionIds(opened!.body.view as never, {
        weekday: { weekday: { type: 'static_select', selected_option: { value: weekday } } },
        time: { time: { type: 'static_select', selected_option: { value: time } } },
        channel: { channel: { type: 'conversations_select', selected_conversation: 'C0CHAN' } },
        threshold: { threshold: { type: 'plain_text_input', value: threshold } },
      });
    const bad = await postInteraction(h.eventsUrl, viewSubmission({ userId: BOB, callbackId: VIEW.teamSettings, values: values('3', '09:30', '400'), privateMetadata: view.private_metadata }), { signingSecret: SIGNING_SECRET });
    expect((bad.json as { response_action: string }).response_action).toBe('errors');
    const ok = await postInteraction(h.eventsUrl, viewSubmission({ userId: BOB, callbackId: VIEW.teamSettings, values: values('3', '09:30', '30'), privateMetadata: view.private_metadata }), { signingSecret: SIGNING_SECRET });
    expect(ok.status).toBe(200);
    const team = await h.db.db.selectFrom('team').select(['checkin_weekday', 'checkin_time', 'lag_threshold', 'channel_ref']).where('handle', '=', 'eng').executeTakeFirstOrThrow();
    expect(team).toEqual({ checkin_weekday: 3, checkin_time: '09:30', lag_threshold: 30, channel_ref: 'C0CHAN' });

    // The escalation ladder: a bad rung is a field error on the form and saves nothing; good ones save.
    // Each saved form publishes Bob's Home once it has told him: wait for each, so none lands in a later test.
    await waitForCall('views.publish', (c) => c.body.user_id === BOB);
    h.fake.reset();
    const ladder = (remind: string, escalate: string, digest: string) => ({
      ...values('3', '09:30', '30'),
      ...mirrorActionIds(opened!.body.view as never, {
        remind: { remind: { type: 'plain_text_input', value: remind } },
        escalate: { escalate: { type: 'plain_text_input', value: escalate } },
        digest: { digest: { type: 'plain_text_input', value: digest } },
      }),
    });
    const badLadder = await postInteraction(h.eventsUrl, viewSubmission({ userId: BOB, callbackId: VIEW.teamSettings, values: ladder('100', 'never', '24'), privateMetadata: view.private_metadata }), { signingSecret: SIGNING_SECRET });
    expect(badLadder.json).toEqual({ response_action: 'errors', errors: { remind: 'Use a whole number of hours from 1 to 72.' } });
    const readLadder = () => h.db.db.selectFrom('team').select(['remind_after_hours', 'escalate_after_workdays', 'digest_after_hours']).where('handle', '=', 'eng').executeTakeFirstOrThrow();
    expect(await readLadder()).toEqual({ remind_after_hours: 4, escalate_after_workdays: 2, digest_after_hours: 24 });
    const okLadder = await postInteraction(h.eventsUrl, viewSubmission({ userId: BOB, callbackId: VIEW.teamSettings, values: ladder('6h', 'never', '2d'), privateMetadata: view.private_metadata }), { signingSecret: SIGNING_SECRET });
    expect(okLadder.status).toBe(200);
    expect(await readLadder()).toEqual({ remind_after_hours: 6, escalate_after_workdays: 0, digest_after_hours: 48 });
    await waitForCall('views.publish', (c) => c.body.user_id === BOB);
  }, 30_000);

  it('should publish the Home tab when it is opened, within the view limits', async () => {
    h.fake.reset();
    const res = await postEvent(h.eventsUrl, { type: 'app_home_opened', user: ALICE, channel: 'D1', tab: 'home', event_ts: '1.1' }, { signingSecret: SIGNING_SECRET, eventId: 'EvHome1' });
    expect(res.status).toBe(200);
    const published = await waitForCall('views.publish', (c) => c.body.user_id === ALICE && JSON.stringify(c.body.view).includes('KR-1'));
    expect(blockKitViolations(published!.body.view as never, 'home')).toEqual([]);
    expect(JSON.stringify(published!.body.view)).toMatch(/KR-1/);
  });

  it('should act on a retried event exactly once', async () => {
    // Earlier tests' debounced Home refreshes (2 s after a change) must land before counting.
    await quietFor('views.publish', 2_500);
    h.fake.reset();
    const event = { type: 'app_home_opened', user: BOB, channel: 'D2', tab: 'home', event_ts: '2.2' };
    await postEvent(h.eventsUrl, event, { signingSecret: SIGNING_SECRET, eventId: 'EvRetry1' });
    await postEvent(h.eventsUrl, event, { signingSecret: SIGNING_SECRET, eventId: 'EvRetry1', retryNum: 1, retryReason: 'http_timeout' });
    await postEvent(h.eventsUrl, event, { signingSecret: SIGNING_SECRET, eventId: 'EvRetry1', retryNum: 2 });
    // Wait for Bob's publish itself: a debounced Home refresh of another member may land first.
    await waitForCall('views.publish', (c) => c.body.user_id === BOB);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsTo('views.publish').filter((c) => c.body.user_id === BOB)).toHaveLength(1);
  });

  it('should answer a mention in its thread with the same grammar', async () => {
    h.fake.reset();
    await postEvent(h.eventsUrl, { type: 'app_mention', user: ALICE, text: '<@U0BOT> update KR-1 44 on-track', channel: 'C0CHAN', ts: '1700000000.000200', event_ts: '1700000000.000200' }, { signingSecret: SIGNING_SECRET, eventId: 'EvMention1' });
    const [reply] = await h.fake.waitFor('chat.postMessage');
    expect(reply!.body.thread_ts).toBe('1700000000.000200');
    expect(blockKitViolations(reply!.body as never, 'message')).toEqual([]);
    const kr = await h.db.db.selectFrom('key_result').select('current_value').where('ref', '=', 1).executeTakeFirstOrThrow();
    expect(kr.current_value).toBe(44);
  });

  it('should answer a token request made in a channel to its asker alone', async () => {
    h.fake.reset();
    await postEvent(h.eventsUrl, { type: 'app_mention', user: ALICE, text: '<@U0BOT> token new ci', channel: 'C0CHAN', ts: '1700000000.000250', event_ts: '1700000000.000250' }, { signingSecret: SIGNING_SECRET, eventId: 'EvMentionToken' });
    const [reply] = await h.fake.waitFor('chat.postEphemeral');
    expect(reply!.body).toMatchObject({ channel: 'C0CHAN', user: ALICE, thread_ts: '1700000000.000250' });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('should wait out a 429 from Slack and still deliver the reply', async () => {
    h.fake.reset();
    h.fake.rateLimitNext('chat.postMessage', 1);
    await postEvent(h.eventsUrl, { type: 'app_mention', user: ALICE, text: '<@U0BOT> show KR-1', channel: 'C0CHAN', ts: '1700000000.000300', event_ts: '1700000000.000300' }, { signingSecret: SIGNING_SECRET, eventId: 'EvMention429' });
    const calls = await h.fake.waitFor('chat.postMessage', 2, 5000);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
  });

  it('should share a reply to the channel and show details from a button', async () => {
    h.fake.reset();
    await postInteraction(h.eventsUrl, blockAction({ userId: ALICE, actionId: ACTION.share, value: '/okr show KR-1', responseUrl: h.fake.responseUrl('share') }), { signingSecret: SIGNING_SECRET });
    const [shared] = await h.fake.waitFor('response_url:share');
    expect(shared!.body.response_type).toBe('in_channel');
    await postInteraction(h.eventsUrl, blockAction({ userId: BOB, actionId: ACTION.showGoal, value: 'KR-1', responseUrl: h.fake.responseUrl('details') }), { signingSecret: SIGNING_SECRET });
    const [details] = await h.fake.waitFor('response_url:details');
    expect(details!.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(details!.body)).toMatch(/KR-1/);
  });

  it('should offer parent objectives as the member types', async () => {
    const res = await postInteraction(h.eventsUrl, blockSuggestion({ userId: ALICE, actionId: ACTION.parentSelect, blockId: 'parent', value: 'deli', callbackId: VIEW.newObjective }), { signingSecret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toMatch(/O-1/);
  });

  it('should keep member profiles fresh from user_change', async () => {
    await postEvent(h.eventsUrl, { type: 'user_change', user: { id: BOB, name: 'bob', real_name: 'Bob Stone', tz: 'Asia/Tokyo', locale: 'zh-CN' } }, { signingSecret: SIGNING_SECRET, eventId: 'EvUser1' });
    await waitUntil(async () => (await h.db.db.selectFrom('member').select('time_zone').where('external_id', '=', BOB).executeTakeFirst())?.time_zone === 'Asia/Tokyo');
    const bob = await h.db.db.selectFrom('member').select(['time_zone', 'locale']).where('external_id', '=', BOB).executeTakeFirstOrThrow();
    expect(bob).toEqual({ time_zone: 'Asia/Tokyo', locale: 'zh-CN' });
  });

  it.each([
    ['a wrong signature', { signature: 'v0=deadbeef' }],
    ['a timestamp 6 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['a timestamp 6 minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 360 }],
    ['another signing secret', { signingSecret: 'not-the-secret' }],
  ])('should refuse %s with 401 and change nothing', async (_name, override) => {
    const before = await goalState(h.db.db);
    h.fake.reset();
    const started = Date.now();
    const res = await postSlashCommand(h.eventsUrl, { signingSecret: SIGNING_SECRET, command: '/okr', text: 'new "Forged"', userId: ALICE, responseUrl: h.fake.responseUrl('forged'), ...override });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    // Nothing answered the forged request and nothing changed (other members' debounced Home
    // refreshes may still reach the fake meanwhile, so the check is on this request's effects).
    expect(h.fake.callsTo('response_url:forged')).toHaveLength(0);
    expect(h.fake.callsTo('users.info').filter((c) => c.at > started)).toHaveLength(0);
    expect(await goalState(h.db.db)).toEqual(before);
  });

  it('should record a reply in the bot’s thread as feedback and tell the owner', async () => {
    h.fake.reset();
    const kr = await h.db.db.selectFrom('key_result').select(['id', 'workspace_id']).where('ref', '=', 1).executeTakeFirstOrThrow();
    await recordThread(h.db.db, { workspaceId: kr.workspace_id, platform: 'slack', channelRef: 'C0CHAN', threadRef: '1700000000.000900', kind: 'lag_alert', keyResultId: kr.id });
    await postEvent(
      h.eventsUrl,
      { type: 'message', channel: 'C0CHAN', channel_type: 'channel', user: BOB, text: 'I can help with <!channel> legal', ts: '1700000000.000950', thread_ts: '1700000000.000900' },
      { signingSecret: SIGNING_SECRET, eventId: 'EvThread1' },
    );
    const [dm] = await h.fake.waitFor('chat.postMessage');
    expect(dm!.body.channel).toBe(ALICE);
    expect(JSON.stringify(dm!.body)).toMatch(/KR-1/);
    expect(JSON.stringify(dm!.body)).toContain('&lt;!channel&gt;');
    const replies = await h.db.db.selectFrom('feedback').select(['kind', 'body', 'key_result_id']).where('kind', '=', 'reply').execute();
    expect(replies).toEqual([{ kind: 'reply', body: 'I can help with <!channel> legal', key_result_id: kr.id }]);
    // A thread the bot did not start is just conversation.
    await postEvent(h.eventsUrl, { type: 'message', channel: 'C0CHAN', channel_type: 'channel', user: BOB, text: 'lunch?', ts: '1700000001.000001', thread_ts: '1700000001.000000' }, { signingSecret: SIGNING_SECRET, eventId: 'EvThread2' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.db.db.selectFrom('feedback').select('id').where('kind', '=', 'reply').execute()).toHaveLength(1);
  });

  it('should answer health probes', async () => {
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.baseUrl}/readyz`)).status).toBe(200);
  });
});

/** Waits for a call to `method` that matches — other members' debounced Home refreshes may interleave. */
async function waitForCall(method: string, match: (c: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = h.fake.callsTo(method).find(match);
    if (found) return found;
    if (Date.now() > end) throw new Error(`no matching ${method} call; recorded: ${h.fake.calls.map((c) => c.method).join(', ')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}

/** Rewrites `{ blockId: { anyName: state } }` to use the action_id the modal really has in that block. */
function mirrorActionIds(view: { blocks: { block_id?: string; element?: { action_id?: string } }[] }, values: Record<string, Record<string, unknown>>) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [blockId, byAction] of Object.entries(values)) {
    const block = view.blocks.find((b) => b.block_id === blockId);
    const actionId = block?.element?.action_id ?? Object.keys(byAction)[0]!;
    out[blockId] = { [actionId]: Object.values(byAction)[0] };
  }
  return out;
}
