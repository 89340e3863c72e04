import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { ACTION } from '../../src/slack/blocks/ids';
import { blockKitViolations } from '../../src/slack/blocks/limits-check';
import { noticeMessages } from '../../src/slack/blocks/notice-message';
import { createSlackNotifier } from '../../src/slack/slack-notifier';
import { deliverPending } from '../../src/use-cases/delivery/deliver-pending';
import { runTick } from '../../src/use-cases/scheduler/run-tick';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from '../support/slack-harness';
import { blockAction, postInteraction, postSlashCommand } from '../support/slack-requests';

// The weekly prompt as a Slack user meets it: a DM with their key results and two buttons, sent
// by the real Slack notifier; Snooze answers only them and holds the reminder for a day.

let h: SlackHarness;
let now = new Date('2026-11-20T12:00:00Z');
const clock = { now: () => new Date(now) };
const ALICE = 'U1ALICE';
const deps = () => ({ db: h.db.db, clock });

beforeAll(async () => {
  h = await startSlackHarness(clock);
  h.fake.users.set(ALICE, { id: ALICE, name: 'alice', real_name: 'Alice Liu', tz: 'Asia/Shanghai', locale: 'en-US' });
}, 60_000);
afterAll(() => h.close());

async function slash(text: string, id: string) {
  await postSlashCommand(h.eventsUrl, { signingSecret: SIGNING_SECRET, command: '/okr', text, userId: ALICE, responseUrl: h.fake.responseUrl(id) });
  await h.fake.waitFor(`response_url:${id}`);
}

it('should DM the weekly prompt with Check in and Snooze buttons, and snooze its reminder from the button', async () => {
  await slash('new "Delight customers"', 'a');
  await slash('kr add O-1 "Raise NPS from 30 to 45"', 'b');
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: h.fake.url, LOG_LEVEL: 'silent' });
  const notifier = createSlackNotifier({ config: config.slack, db: h.db.db, logger: createLogger('silent'), render: noticeMessages });
  const notifierFor = (p: string) => (p === 'slack' ? notifier : undefined);

  // Monday 10:00 in Shanghai is 02:00 UTC.
  now = new Date('2026-11-23T02:00:00Z');
  h.fake.reset();
  expect((await runTick(deps())).prompts).toBe(1);
  await deliverPending(deps(), notifierFor);
  const [post] = h.fake.callsTo('chat.postMessage');
  expect(post?.body.channel).toBe(ALICE);
  expect(post?.body.metadata).toMatchObject({ event_type: 'okr_delivery' });
  expect(blockKitViolations(post!.body as never, 'message')).toEqual([]);
  const json = JSON.stringify(post!.body.blocks);
  expect(json).toContain('KR-1');
  expect(json).toContain(ACTION.openCheckIn);
  const prompt = await h.db.db.selectFrom('check_in_prompt').selectAll().executeTakeFirstOrThrow();
  expect(json).toContain(`"value":"${prompt.id}"`);
  // The prompt's thread is the bot's: a reply there reaches the right person.
  const thread = await h.db.db.selectFrom('chat_thread').selectAll().where('kind', '=', 'check_in_prompt').executeTakeFirstOrThrow();
  expect(thread.member_id).toBe(prompt.member_id);

  await postInteraction(h.eventsUrl, blockAction({ userId: ALICE, actionId: ACTION.snoozePrompt, value: String(prompt.id), responseUrl: h.fake.responseUrl('snooze') }), { signingSecret: SIGNING_SECRET });
  const [answer] = await h.fake.waitFor('response_url:snooze');
  expect(answer?.body.response_type).toBe('ephemeral');
  const snoozed = await h.db.db.selectFrom('check_in_prompt').selectAll().where('id', '=', prompt.id).executeTakeFirstOrThrow();
  expect(snoozed.snoozed_until?.toISOString()).toBe('2026-11-24T02:00:00.000Z');
  expect(snoozed.remind_at.toISOString()).toBe('2026-11-24T02:00:00.000Z');

  // Four hours later no reminder: it waits for the snooze to end, then comes in the prompt's thread.
  now = new Date('2026-11-23T06:30:00Z');
  expect((await runTick(deps())).reminders).toBe(0);
  now = new Date('2026-11-24T02:05:00Z');
  expect((await runTick(deps())).reminders).toBe(1);
  h.fake.reset();
  await deliverPending(deps(), notifierFor);
  const [reminder] = h.fake.callsTo('chat.postMessage');
  expect(reminder?.body.thread_ts).toBe(thread.thread_ref);
}, 60_000);
