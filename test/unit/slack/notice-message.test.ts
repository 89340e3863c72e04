import type { KnownBlock } from '@slack/types';
import { ACTION } from '../../../src/slack/blocks/ids';
import type { SlackMessage } from '../../../src/slack/blocks/message';
import { section } from '../../../src/slack/blocks/block-builders';
import { mrkdwnTexts } from '../../../src/slack/blocks/injection-check';
import { noticeMessages } from '../../../src/slack/blocks/notice-message';
import { blockTextSize, MESSAGE_TEXT_BUDGET, paginateUnits } from '../../../src/slack/blocks/unit-pages';
import { LIMIT } from '../../../src/slack/blocks/text-limits';
import type { NoticeType, NoticeView } from '../../../src/use-cases/notice-views';
import type { KeyResultView } from '../../../src/use-cases/views';
import { BEHIND, CONTEXTS, EN, ZH, keyResult, objective } from '../render/fixtures';
import { allText, buttons as actionButtons, problems, type FoundButton } from './helpers';
import { kpiNotices } from '../render/kpi-notice-fixtures';

// The scheduler's notices as Block Kit: facts and buttons of every variant in both languages,
// every message within Slack's limits and free of injected mentions, long notices split.

type NoticeOf<T extends NoticeType> = Extract<NoticeView, { type: T }>;

const MILESTONE = keyResult({ id: 13, ref: 'KR-13', title: 'Ship v2', kind: 'milestone', start: 0, target: 1, current: 0, unit: null, progress: 0, confidence: null });

/** `count` key results KR-1…KR-n, lagging, so each one carries its reasons. */
const manyKeyResults = (count: number, over: Partial<KeyResultView> = {}): KeyResultView[] =>
  Array.from({ length: count }, (_, i) => keyResult({ id: i + 1, ref: `KR-${i + 1}`, title: `Key result number ${i + 1} of the quarter`, lag: BEHIND, ...over }));

/** One notice of each type; `Record` makes a new type a compile error. */
function notices(kr: (over?: Partial<KeyResultView>) => KeyResultView = keyResult, name = 'Alice'): { readonly [T in NoticeType]: NoticeOf<T> } {
  return {
    check_in_prompt: { type: 'check_in_prompt', promptId: 41, memberName: name, period: '2026-W48', keyResults: [kr({ lag: BEHIND }), MILESTONE] },
    check_in_reminder: { type: 'check_in_reminder', promptId: 41, memberName: name, keyResults: [kr(), MILESTONE] },
    check_in_escalation: { type: 'check_in_escalation', managerName: 'Bob', memberName: name, workdays: 3, keyResults: [kr(), MILESTONE] },
    team_digest: {
      type: 'team_digest',
      teamName: 'Growth',
      period: '2026-W48',
      checkedIn: [name, 'Bob'],
      missing: ['Dan'],
      atRisk: [kr({ ref: 'KR-21', lag: BEHIND })],
      changes: [{ keyResult: kr({ progress: 0.6 }), previousProgress: 0.48 }, { keyResult: kr({ ref: 'KR-30', progress: 0.25 }), previousProgress: 0.3 }],
    },
    digest_check_in: {
      type: 'digest_check_in',
      checkIn: { authorName: name, keyResult: kr(), value: 39, previousValue: 35, confidence: 'at_risk', note: 'waiting on legal', at: new Date('2026-11-20T10:00:00Z') },
    },
    lag_alert: { type: 'lag_alert', keyResult: kr(), verdict: BEHIND, worsened: false },
    lag_alert_owner: { type: 'lag_alert_owner', keyResult: kr(), verdict: BEHIND },
    monthly_review: { type: 'monthly_review', memberName: name, month: '2026-11', objectives: [objective({ keyResults: [kr({ lag: BEHIND }), MILESTONE] })] },
    cycle_scoring: {
      type: 'cycle_scoring',
      memberName: name,
      cycleName: '2026-Q4',
      endsOn: '2026-12-31',
      objectives: [{ objective: objective(), suggested: 0.52 }, { objective: objective({ id: 8, ref: 'O-8', title: 'Grow revenue' }), suggested: 0.3 }],
    },
    ...kpiNotices(kr, name),
  };
}

const NOTICES = notices();
const TYPES = Object.keys(NOTICES) as NoticeType[];

/** What each notice must show (either language) and its buttons as `action_id=value`. */
const EXPECTED: { readonly [T in NoticeType]: { readonly facts: readonly string[]; readonly buttons: readonly string[] } } = {
  check_in_prompt: {
    facts: ['2026-W48', 'Alice', '*KR-12*', '*KR-13*', '39 / 45 pts', '62 pts', '41 pts', '21', '16'],
    buttons: [`${ACTION.openCheckIn}=`, `${ACTION.snoozePrompt}=41`],
  },
  check_in_reminder: { facts: ['Alice', '*KR-12*', '*KR-13*'], buttons: [`${ACTION.openCheckIn}=`, `${ACTION.snoozePrompt}=41`] },
  check_in_escalation: { facts: ['Alice', '3', '*KR-12*', '*KR-13*'], buttons: [`${ACTION.showGoal}=KR-12`, `${ACTION.showGoal}=KR-13`] },
  team_digest: { facts: ['Growth', '2026-W48', 'Alice', 'Bob', 'Dan', '*KR-21*', '62 pts', '21', '16', '*KR-12*', '48% → 60%', '+12', '*KR-30*', '-5'], buttons: [] },
  digest_check_in: { facts: ['Alice', 'KR-12', 'Raise NPS from 30 to 45', '35 pts → 39 pts', 'waiting on legal'], buttons: [] },
  lag_alert: { facts: ['KR-12', 'Raise NPS from 30 to 45', 'Alice', 'O-7', '• ', '62 pts', '41 pts', '21', '16'], buttons: [`${ACTION.showGoal}=KR-12`] },
  lag_alert_owner: { facts: ['KR-12', '62 pts', '41 pts', '21', '16'], buttons: [`${ACTION.openCheckIn}=KR-12`, `${ACTION.showGoal}=KR-12`] },
  monthly_review: { facts: ['Alice', '*O-7*', '52%', '*KR-12*', '62 pts', '21'], buttons: [`${ACTION.openCheckIn}=`] },
  cycle_scoring: { facts: ['Alice', '2026-Q4', '31', '*O-7*', '0.52', '*O-8*', '0.3'], buttons: [`${ACTION.openScore}=O-7`, `${ACTION.openScore}=O-8`] },
  kpi_alert: { facts: ['Alice', 'nps', '🟡', '31 pts', '45 pts', '38 pts', '3'], buttons: [] },
  kpi_linked_update: { facts: ['KR-12', 'Alice', '412', '+37'], buttons: [`${ACTION.openCheckIn}=KR-12`] },
};

/** The buttons of the messages in order: those in actions blocks and those beside a section's text. */
function buttons(messages: readonly SlackMessage[]): FoundButton[] {
  return messages.flatMap((m) =>
    m.blocks.flatMap((b) => {
      if (b.type === 'actions') return actionButtons([{ text: '', blocks: [b] }]);
      if (b.type === 'section' && b.accessory?.type === 'button') {
        return [{ action_id: b.accessory.action_id ?? '', value: b.accessory.value, text: b.accessory.text.text }];
      }
      return [];
    }),
  );
}

const buttonList = (messages: readonly SlackMessage[]): string[] => buttons(messages).map((b) => `${b.action_id}=${b.value ?? ''}`);

/** Limits, injection and the total-text budget of every message. */
function allProblems(messages: readonly SlackMessage[]): string[] {
  const overBudget = messages.flatMap((m, i) => {
    const size = blockTextSize(m.blocks);
    return size > MESSAGE_TEXT_BUDGET ? [`message ${i}: ${size} characters of text`] : [];
  });
  return [...problems(messages), ...overBudget];
}

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

describe('noticeMessages', () => {
  for (const ctx of CONTEXTS) {
    describe(ctx.locale, () => {
      it.each(TYPES)('should render %s as sendable Block Kit with its facts and buttons', (type) => {
        const messages = noticeMessages(NOTICES[type], ctx);
        expect(messages.length).toBe(1);
        expect(messages[0]!.text.trim()).not.toBe('');
        const text = allText(messages);
        for (const fact of EXPECTED[type].facts) expect({ type, fact, found: text.includes(fact) }).toEqual({ type, fact, found: true });
        expect(text).not.toMatch(/\{\w+\}|NaN|undefined|Infinity|notice\./);
        expect(allProblems(messages)).toEqual([]);
        expect(buttonList(messages)).toEqual(EXPECTED[type].buttons);
      });
    });
  }

  it('should label the buttons in the reader’s language', () => {
    expect(buttons(noticeMessages(NOTICES.check_in_prompt, EN)).map((b) => b.text)).toEqual(['Check in', 'Snooze 1 day']);
    expect(buttons(noticeMessages(NOTICES.check_in_prompt, ZH)).map((b) => b.text)).toEqual(['签到', '明天再提醒']);
    expect(buttons(noticeMessages(NOTICES.cycle_scoring, ZH)).map((b) => b.text)).toEqual(['评分 O-7', '评分 O-8']);
  });

  it('should offer the KPI confirm request’s button in the reader’s language', () => {
    expect(buttons(noticeMessages(NOTICES.kpi_linked_update, EN)).map((b) => b.text)).toEqual(['Confirm or adjust']);
    expect(buttons(noticeMessages(NOTICES.kpi_linked_update, ZH)).map((b) => b.text)).toEqual(['确认或调整']);
  });

  it('should put the snooze button’s prompt id in its value', () => {
    for (const promptId of [1, 987_654_321]) {
      for (const notice of [{ ...NOTICES.check_in_prompt, promptId }, { ...NOTICES.check_in_reminder, promptId }]) {
        const snooze = buttons(noticeMessages(notice, EN)).filter((b) => b.action_id === ACTION.snoozePrompt);
        expect(snooze.map((b) => b.value)).toEqual([String(promptId)]);
      }
    }
  });

  it('should head the prompt with a header and keep its buttons under the list when it fits one message', () => {
    const [message] = noticeMessages(NOTICES.check_in_prompt, EN);
    expect(message!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Weekly check-in — 2026-W48', emoji: true } });
    expect(message!.blocks.at(-1)?.type).toBe('actions');
    expect(message!.text).toBe('Hi Alice, time for your weekly check-in: 2 open key results.');
    expect(allText(message)).toContain('/okr update KR-12 &lt;value&gt;');
  });

  it('should lay the digest out as header, who, at risk, what moved, then the feedback note', () => {
    const [message] = noticeMessages(NOTICES.team_digest, EN);
    const text = allText(message);
    expect(message!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Growth weekly digest — 2026-W48', emoji: true } });
    expect(text).toContain('✅ Checked in (2): Alice, Bob\n⏳ Not checked in yet (1): Dan');
    expect(text.indexOf('*⚠️ At risk (1)*')).toBeLessThan(text.indexOf('*KR-21*'));
    expect(text.indexOf('*KR-21*')).toBeLessThan(text.indexOf('*📈 What moved this week (2)*'));
    expect(text).toContain('*KR-12*  Raise NPS from 30 to 45  48% → 60% (+12 pts)  (Alice)');
    expect(message!.blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: expect.stringContaining('Replies here reach them as feedback') }] });
  });

  it('should cap the names of a big team and count the rest', () => {
    const names = Array.from({ length: 120 }, (_, i) => `Person ${i + 1}`);
    const messages = noticeMessages({ ...NOTICES.team_digest, checkedIn: names, missing: names }, EN);
    const text = allText(messages);
    expect(text).toContain('Checked in (120): Person 1, Person 2');
    expect(text).toContain('Person 40 and 80 more');
    expect(text).not.toContain('Person 41,');
    expect(allProblems(messages)).toEqual([]);
  });

  describe('with hostile user text', () => {
    const HOSTILE = ['<!channel>', '<@U123>', '<!here> & <#C1|x> &amp;', 'x'.repeat(3_000), `${'😀'.repeat(1_600)}`, `${'中文标题'.repeat(800)}`, '<!subteam^S1|@team> *bold* `code`'];

    it.each(HOSTILE.map((h) => [h.slice(0, 24), h] as const))('should escape and clamp %s everywhere', (_label, hostile) => {
      const kr = (over: Partial<KeyResultView> = {}): KeyResultView =>
        keyResult({ title: hostile, ownerName: hostile, unit: hostile.slice(0, 500), ...over });
      const all = notices(kr, hostile);
      const withHostileRest: NoticeView[] = [
        ...Object.values(all),
        { ...all.team_digest, teamName: hostile, period: hostile, missing: [hostile, hostile] },
        { type: 'digest_check_in', checkIn: { ...all.digest_check_in.checkIn, note: hostile } },
        { ...all.monthly_review, month: hostile, objectives: [objective({ title: hostile, ownerName: hostile, teamName: hostile, keyResults: [kr({ lag: BEHIND })] })] },
        { ...all.cycle_scoring, cycleName: hostile, endsOn: hostile, objectives: [{ objective: objective({ title: hostile }), suggested: 0.5 }] },
        { ...all.check_in_escalation, managerName: hostile },
      ];
      for (const ctx of CONTEXTS) {
        for (const notice of withHostileRest) {
          const messages = noticeMessages(notice, ctx);
          expect({ type: notice.type, problems: allProblems(messages) }).toEqual({ type: notice.type, problems: [] });
          // Only mrkdwn is parsed for mentions; plain_text (headers, button labels) shows user text as typed.
          for (const m of messages) expect(mrkdwnTexts(m).join('\n')).not.toMatch(/<[!@#]/);
        }
      }
    });

    it('should show escaped mentions as text', () => {
      const messages = noticeMessages({ ...NOTICES.lag_alert, keyResult: keyResult({ title: '<!channel> ship & <@U123>' }) }, EN);
      expect(allText(messages)).toContain('&lt;!channel&gt; ship &amp; &lt;@U123&gt;');
      expect(messages[0]!.text).toContain('&lt;!channel&gt;');
    });
  });

  it('should split a 60-key-result prompt into messages within limits, the buttons on the root', () => {
    const notice = { ...NOTICES.check_in_prompt, keyResults: manyKeyResults(60) };
    for (const ctx of CONTEXTS) {
      const messages = noticeMessages(notice, ctx);
      expect(messages.length).toBeGreaterThan(1);
      expect(allProblems(messages)).toEqual([]);
      for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(LIMIT.blocksPerMessage);
      expect(buttonList(messages.slice(0, 1))).toEqual([`${ACTION.openCheckIn}=`, `${ACTION.snoozePrompt}=41`]);
      expect(buttons(messages.slice(1))).toEqual([]);
      const continued = ctx.locale === 'en' ? '(continued)' : '（续）';
      for (const m of messages.slice(1)) {
        expect(m.blocks[0]).toMatchObject({ type: 'context', elements: [{ text: continued }] });
        expect(m.text).toContain(continued);
      }
      const text = allText(messages);
      for (let i = 1; i <= 60; i++) expect({ ref: i, count: occurrences(text, `*KR-${i}*  `) }).toEqual({ ref: i, count: 1 });
    }
  });

  it('should split a 200-key-result digest into messages within limits, at-risk first', () => {
    const atRisk = manyKeyResults(120);
    const changes = manyKeyResults(80).map((kr, i) => ({ keyResult: { ...kr, ref: `KR-${121 + i}`, lag: null }, previousProgress: 0.4 }));
    const notice: NoticeOf<'team_digest'> = { ...NOTICES.team_digest, atRisk, changes };
    for (const ctx of CONTEXTS) {
      const messages = noticeMessages(notice, ctx);
      expect(messages.length).toBeGreaterThan(2);
      expect(allProblems(messages)).toEqual([]);
      const text = allText(messages);
      for (let i = 1; i <= 200; i++) expect({ ref: i, count: occurrences(text, `*KR-${i}*  `) }).toEqual({ ref: i, count: 1 });
      expect(text.indexOf('*KR-120*')).toBeLessThan(text.indexOf('*KR-121*'));
      expect(allText(messages[0])).toContain(ctx.locale === 'en' ? 'Growth weekly digest' : 'Growth 团队周报');
      expect(allText(messages.at(-1))).toContain(ctx.locale === 'en' ? 'Replies here reach them as feedback' : '对方会收到你的反馈');
    }
  });

  it('should give every objective of a long scoring prompt its own Score button, beside its line', () => {
    const objectives = Array.from({ length: 60 }, (_, i) => ({ objective: objective({ id: i + 1, ref: `O-${i + 1}`, title: 'y'.repeat(400) }), suggested: 0.5 }));
    const messages = noticeMessages({ ...NOTICES.cycle_scoring, objectives }, EN);
    expect(messages.length).toBeGreaterThan(1);
    expect(allProblems(messages)).toEqual([]);
    expect(buttonList(messages)).toEqual(objectives.map((o) => `${ACTION.openScore}=${o.objective.ref}`));
    // Several Score buttons in one actions block would share an action_id, which Slack rejects.
    for (const m of messages) expect(m.blocks.filter((b) => b.type === 'actions')).toEqual([]);
    for (const b of messages.flatMap((m) => m.blocks)) {
      if (b.type === 'section' && b.accessory?.type === 'button') expect(b.text?.text).toContain(`*${b.accessory.value}*  `);
    }
  });

  it('should give the first few key results of an escalation a Show button', () => {
    const messages = noticeMessages({ ...NOTICES.check_in_escalation, keyResults: manyKeyResults(12) }, ZH);
    expect(buttonList(messages)).toEqual([1, 2, 3, 4, 5].map((i) => `${ACTION.showGoal}=KR-${i}`));
    expect(allProblems(messages)).toEqual([]);
  });

  it('should leave out the buttons when there is nothing to act on', () => {
    for (const notice of [
      { ...NOTICES.check_in_prompt, keyResults: [] },
      { ...NOTICES.check_in_reminder, keyResults: [] },
      { ...NOTICES.monthly_review, objectives: [] },
      { ...NOTICES.cycle_scoring, objectives: [] },
    ]) {
      const messages = noticeMessages(notice, ZH);
      expect(buttons(messages)).toEqual([]);
      expect(allProblems(messages)).toEqual([]);
      expect(allText(messages)).not.toMatch(/\{\w+\}|undefined/);
    }
  });
});

describe('paginateUnits', () => {
  const line = (n: number, size = 100): KnownBlock => section(`${n} ${'x'.repeat(size)}`);

  it('should keep a unit together by moving it whole to the next message', () => {
    const units = [Array.from({ length: 30 }, (_, i) => line(i)), Array.from({ length: 30 }, (_, i) => line(100 + i))];
    const messages = paginateUnits('t', units, 'en');
    expect(messages.map((m) => m.blocks.length)).toEqual([30, 31]);
    expect(messages[1]!.text).toBe('t (continued)');
  });

  it('should split a unit too big for any message between its blocks', () => {
    const messages = paginateUnits('t', [Array.from({ length: 120 }, (_, i) => line(i, 10))], 'en');
    expect(messages.map((m) => m.blocks.length)).toEqual([50, 50, 22]);
    expect(problems(messages)).toEqual([]);
  });

  it('should start a new message before the text budget runs out', () => {
    const messages = paginateUnits('t', Array.from({ length: 10 }, (_, i) => [line(i, 2_900)]), 'en');
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(blockTextSize(m.blocks)).toBeLessThanOrEqual(MESSAGE_TEXT_BUDGET);
  });

  it('should always return a message with text', () => {
    expect(paginateUnits('', [], 'en')).toEqual([{ text: '…', blocks: [] }]);
  });
});
