import type { Installation } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { SlackConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { relayOutbox } from '../src/jobs/outbox-relay';
import { createLogger } from '../src/logger';
import { fixedClock } from '../src/ports/clock';
import type { ChatNotifier } from '../src/ports/chat-notifier';
import { noticeMessages } from '../src/slack/blocks/notice-message';
import { createInstallationStore } from '../src/slack/installation-store';
import { createSlackNotifier } from '../src/slack/slack-notifier';
import { createTokenCipher } from '../src/slack/token-cipher';
import { runTick } from '../src/use-cases/scheduler/run-tick';
import type { FakeSlackApi } from '../test/support/fake-slack-api';
import { BUDGET, deliveryTimeoutMs, RATES } from './scheduler-delivery';
import { activateOnly, holdBack, resetPlans, seedCheckInWorkspace, TICK_AT } from './scheduler-seed';
import { sleep, startDeliveryRig, timingOf, type BenchRedis, type PostTally, type TokenTally } from './scheduler-rig';

// Issue 4: a 429 storm on one workspace does not slow another's fan-out. Two Slack workspaces
// installed through OAuth (the notifier reads each one's bot token from the installation store),
// one queue, one worker. B's fan-out of M prompts — from relaying them to its last accepted post —
// alone, then while A's M prompts sit in the same queue ahead of B's and A's token is held to
// 1 post/s (nearly every call a 429 with Retry-After). Alternating, 3 of each (1 when quick).

const STATE_SECRET = 'bench-state-secret-0123456789abcdef';
const TOKEN_A = 'xoxb-bench-storm-a';
const TOKEN_B = 'xoxb-bench-storm-b';
const STORM_BUDGET = { perSecond: 1, burst: 1 } as const;
/** How long A's storm runs before B's prompts are relayed (the same idle wait when B is alone). */
const STORM_HEAD_START_MS = 1_500;
const RATIO_TARGET = 1.25;

interface Storm {
  readonly db: Kysely<Database>;
  readonly redis: BenchRedis;
  readonly fake: FakeSlackApi;
  readonly tally: PostTally;
  readonly notifier: ChatNotifier;
  readonly a: number;
  readonly b: number;
  readonly m: number;
}

interface FanOut {
  readonly ms: number;
  readonly b: TokenTally;
  readonly a: TokenTally;
  /** Processor runs of A's jobs within B's fan-out window, and of B's jobs. */
  readonly aRuns: number;
  readonly bRuns: number;
  readonly failures: number;
}

export async function benchStorm(db: Kysely<Database>, redis: BenchRedis, fake: FakeSlackApi, tally: PostTally, quick: boolean): Promise<boolean> {
  const m = (quick ? 2 : 5) * BUDGET.perSecond;
  const a = await seedCheckInWorkspace(db, 'T0STORMA', 'A', m);
  const b = await seedCheckInWorkspace(db, 'T0STORMB', 'B', m);
  await install(db, 'T0STORMA', TOKEN_A);
  await install(db, 'T0STORMB', TOKEN_B);
  const config: SlackConfig = {
    mode: 'oauth', botToken: undefined, apiUrl: fake.url, signingSecret: 'bench', clientId: '1111.2222', clientSecret: 'bench',
    stateSecret: STATE_SECRET, appToken: undefined, tokenEncryptionKey: undefined,
  };
  const notifier = createSlackNotifier({ config, db, logger: createLogger('silent'), render: noticeMessages });
  const storm: Storm = { db, redis, fake, tally, notifier, a, b, m };
  const alone: FanOut[] = [];
  const during: FanOut[] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    alone.push(await fanOut(storm, false));
    during.push(await fanOut(storm, true));
  }
  return printStorm(m, alone, during);
}

async function install(db: Kysely<Database>, teamId: string, token: string): Promise<void> {
  await createInstallationStore(db, createTokenCipher(STATE_SECRET)).storeInstallation({
    team: { id: teamId, name: teamId }, enterprise: undefined, isEnterpriseInstall: false, tokenType: 'bot', authVersion: 'v2', appId: 'A0BENCH',
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token, scopes: ['chat:write'], id: 'B0BOT', userId: 'U0BOT' },
  } satisfies Installation<'v2', false>);
}

async function outboxIds(db: Kysely<Database>, workspaceId: number): Promise<Set<number>> {
  return new Set((await db.selectFrom('outbox').select('id').where('workspace_id', '=', workspaceId).execute()).map((r) => r.id));
}

/** Plans B's prompts (and A's, in a storm), relays A's first, then times B's. */
async function fanOut(s: Storm, storm: boolean): Promise<FanOut> {
  const deps = { db: s.db, clock: fixedClock(TICK_AT) };
  await resetPlans(s.db);
  await activateOnly(s.db, storm ? [s.a, s.b] : [s.b]);
  await runTick(deps);
  const [aIds, bIds] = [await outboxIds(s.db, s.a), await outboxIds(s.db, s.b)];
  await holdBack(s.db, s.b, true);
  s.tally.restart();
  s.fake.setBudget(TOKEN_A, STORM_BUDGET);
  s.fake.setBudget(TOKEN_B, BUDGET);
  const rig = await startDeliveryRig(s.redis, deps, (p) => (p === 'slack' ? s.notifier : undefined), RATES);
  try {
    if (storm) await relayOutbox(s.db, rig.queues, () => TICK_AT); // A's prompts only: B's are held back
    await sleep(STORM_HEAD_START_MS);
    await holdBack(s.db, s.b, false);
    const t0 = Date.now();
    const aRunsBefore = rig.runs(aIds);
    await relayOutbox(s.db, rig.queues, () => TICK_AT);
    if (!(await s.tally.waitFor(TOKEN_B, s.m, deliveryTimeoutMs(s.m)))) throw new Error(`storm bench: B delivered ${s.tally.of(TOKEN_B).ok} of ${s.m} in time`);
    const b = s.tally.of(TOKEN_B);
    return { ms: b.lastOkAt - t0, b, a: s.tally.of(TOKEN_A), aRuns: rig.runs(aIds) - aRunsBefore, bRuns: rig.runs(bIds), failures: rig.failures.length };
  } finally {
    await rig.stop();
  }
}

function printStorm(m: number, alone: FanOut[], during: FanOut[]): boolean {
  const aloneT = timingOf(alone.map((f) => f.ms));
  const duringT = timingOf(during.map((f) => f.ms));
  const ratio = duringT.median / aloneT.median;
  const sum = (fs: FanOut[], f: (x: FanOut) => number) => fs.reduce((s, x) => s + f(x), 0);
  const mean = (fs: FanOut[], f: (x: FanOut) => number) => (sum(fs, f) / fs.length).toFixed(0);
  const n = during.length;
  console.log(
    `  A: ${m} prompts queued ahead of B's ${m}, its token held to ${STORM_BUDGET.perSecond}/s, a ${STORM_HEAD_START_MS} ms head start. Means per run (n=${n}): ` +
      `A posted ${mean(during, (f) => f.a.ok)} and was answered 429 ${mean(during, (f) => f.a.limited)} times by B's last post; ` +
      `within B's fan-out A's jobs ran ${mean(during, (f) => f.aRuns)} times (${(sum(during, (f) => f.aRuns) / (sum(during, (f) => f.ms) / 1000)).toFixed(0)}/s), ` +
      `B's ran ${mean(during, (f) => f.bRuns)} times (alone: ${mean(alone, (f) => f.bRuns)}); ` +
      `B's 429s: alone ${sum(alone, (f) => f.b.limited)}, during ${sum(during, (f) => f.b.limited)}; failed attempts ${sum([...alone, ...during], (f) => f.failures)}`,
  );
  const pass = ratio <= RATIO_TARGET;
  console.log(
    `${`B's fan-out of ${m} during A's 429 storm`.padEnd(44)} median ${duringT.median.toFixed(0).padStart(6)} ms = ${ratio.toFixed(2)}× alone (n=${n})` +
      `  | B alone: median ${aloneT.median.toFixed(0)} ms  | target ≤ ${RATIO_TARGET}×  ${pass ? 'OK' : 'OVER'}`,
  );
  return pass;
}
