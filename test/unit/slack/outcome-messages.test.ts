import { ACTION } from '../../../src/slack/blocks/ids';
import type { Outcome } from '../../../src/use-cases/outcome';
import { LIMIT } from '../../../src/slack/blocks/text-limits';
import { renderOutcomeMessages } from '../../../src/slack/blocks/outcome-messages.blocks';
import { BEHIND, CONTEXTS, EN, ZH, keyResult, objective, team } from '../render/fixtures';
import { allText, buttons, problems } from './helpers';
import { CASES, MORE_CASES } from './outcome-cases';

const COMMAND = { commandText: '/okr cmd' };

describe('renderOutcomeMessages', () => {
  for (const ctx of CONTEXTS) {
    describe(ctx.locale, () => {
      it.each(Object.entries(CASES))('should render %s as sendable Block Kit with its facts and buttons', (_type, c) => {
        const messages = renderOutcomeMessages(c.outcome, { ...ctx, ...COMMAND });
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) {
          expect(m.text.trim()).not.toBe('');
          expect(m.blocks.length).toBeGreaterThan(0);
        }
        const text = allText(messages);
        for (const fact of c.facts) expect(text).toContain(fact);
        expect(text).not.toMatch(/\{\w+\}|NaN|undefined|Infinity/);
        expect(problems(messages)).toEqual([]);
        expect(buttons(messages).map((b) => `${b.action_id}=${b.value ?? ''}`)).toEqual(c.buttons);
      });

      it.each(MORE_CASES.map((c) => [c.outcome.type, c] as const))('should render this %s too', (_type, c) => {
        const messages = renderOutcomeMessages(c.outcome, { ...ctx, ...COMMAND });
        const text = allText(messages);
        for (const fact of c.facts) expect(text).toContain(fact);
        expect(text).not.toMatch(/\{\w+\}|NaN|undefined|Infinity/);
        expect(problems(messages)).toEqual([]);
        expect(buttons(messages).map((b) => `${b.action_id}=${b.value ?? ''}`)).toEqual(c.buttons);
      });
    });
  }

  it('should bold the first line of a new team and of the settings fallback', () => {
    const created = allText(renderOutcomeMessages(CASES.team_created.outcome, EN));
    expect(created).toContain('*Created team #eng: Engineering*');
    expect(created).toContain('/okr team add @name #eng');
    const settings = allText(renderOutcomeMessages({ type: 'form', form: 'team_settings', openKeyResults: [], settings: team() }, EN));
    expect(settings).toContain('*Settings of #eng (Engineering):*');
    expect(settings).toContain('Change them: /okr team set #eng');
  });

  it('should escape team and member names in organisation replies', () => {
    const hostile = team({ name: '<!channel> & co', handle: '<@U1>', managerName: '<!here>', channelRef: '<#C1|x>', parentHandle: '*p*' });
    for (const outcome of [
      { type: 'team_created', team: hostile },
      { type: 'team_changed', team: hostile, fields: ['manager', 'role', 'channel'] },
      { type: 'form', form: 'team_settings', openKeyResults: [], settings: hostile },
      { type: 'team_member_changed', team: hostile, memberName: '<!everyone>', action: 'add', changed: true },
      { type: 'member_changed', memberName: '<@U2>', change: { field: 'manager', managerName: '<!subteam^S1>' }, changed: true },
      { type: 'holidays', years: [2026], calendar: { calendar: 'none', chosen: true, builtInYears: [], missingYears: [] }, days: [{ day: '2026-12-25', kind: 'holiday', name: '<!channel> party' }] },
      { type: 'holiday_changed', day: '2026-12-25', now: { day: '2026-12-25', kind: 'holiday', name: '<@U3> *day*' }, before: null, builtIn: null },
      { type: 'holiday_changed', day: '2026-12-25', now: null, before: { day: '2026-12-25', kind: 'workday', name: '<#C9|x>' }, builtIn: null },
    ] as const) {
      const messages = renderOutcomeMessages(outcome, EN);
      expect(problems(messages)).toEqual([]);
      expect(allText(messages)).not.toMatch(/<[!@#]/);
    }
  });

  it('should bold the calendar title and put how to change it in small print', () => {
    const messages = renderOutcomeMessages(CASES.holidays.outcome, ZH);
    expect(allText(messages)).toContain('*节假日和调休上班日 — 2026、2027*');
    expect(messages[0]?.blocks.at(-1)).toMatchObject({ type: 'context' });
    expect(allText(messages)).toContain('假期 添加 2026-12-25 圣诞节');
  });

  it('should split a long calendar of long hostile names into sendable messages', () => {
    const days = Array.from({ length: 730 }, (_, i) => ({ day: `2026-${String((i % 12) + 1).padStart(2, '0')}-10`, kind: 'holiday' as const, name: `<!here> ${'节'.repeat(200)}` }));
    const messages = renderOutcomeMessages({ type: 'holidays', years: [2026, 2027], calendar: { calendar: 'none', chosen: true, builtInYears: [], missingYears: [] }, days }, EN);
    expect(messages.length).toBeGreaterThan(1);
    expect(problems(messages)).toEqual([]);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(LIMIT.blocksPerMessage);
    expect(allText(messages)).not.toMatch(/<[!@#]/);
  });

  it('should offer no Share button without command text', () => {
    const messages = renderOutcomeMessages(CASES.home.outcome, EN);
    expect(buttons(messages).map((b) => b.action_id)).toEqual([ACTION.openCheckIn, ACTION.openNewObjective]);
  });

  it('should clamp the command text of the Share button to the button value limit', () => {
    const commandText = `/okr list ${'x'.repeat(5_000)}`;
    const share = buttons(renderOutcomeMessages(CASES.goals.outcome, { ...EN, commandText })).find((b) => b.action_id === ACTION.share);
    expect(share?.value?.length).toBeLessThanOrEqual(LIMIT.buttonValue);
    expect(share?.value?.startsWith('/okr list xxx')).toBe(true);
  });

  it('should label buttons in the reader’s language', () => {
    expect(buttons(renderOutcomeMessages(CASES.home.outcome, { ...EN, ...COMMAND })).map((b) => b.text)).toEqual(['Check in', 'New objective', 'Share to channel']);
    expect(buttons(renderOutcomeMessages(CASES.key_result.outcome, ZH)).map((b) => b.text)).toEqual(['签到', '查看 O-7']);
  });

  it('should start lists with a header and show a key result line with bar, standing, confidence and owner', () => {
    const [message] = renderOutcomeMessages(CASES.home.outcome, EN);
    expect(message?.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Your OKRs — 2026-Q4', emoji: true } });
    expect(allText(message)).toContain('*KR-12*  Raise NPS from 30 to 45  ▓▓▓▓▓▓░░░░ 60%  39 / 45 pts  🟡 at risk  (Alice)');
    expect(allText(message)).toContain('*O-7*  Delight our customers  ▓▓▓▓▓░░░░░ 52%  (Alice · team · Growth)');
  });

  it('should put the lag reasons under a lagging key result, in both languages', () => {
    const outcome = { type: 'lagging', keyResults: [keyResult({ lag: BEHIND })] } as const;
    expect(allText(renderOutcomeMessages(outcome, EN))).toContain('⚠️ Lagging: expected 62 pts by today, at 41 pts (21 points behind); no check-in for 16 days');
    const zh = allText(renderOutcomeMessages(outcome, ZH));
    expect(zh).toContain('落后 21 个百分点');
    expect(zh).toContain('已 16 天没有签到');
  });

  it('should use the verdict of the check-in, not the one the view carried', () => {
    const outcome: Outcome = { ...CASES.checked_in.outcome, keyResult: keyResult({ lag: BEHIND }), lag: { lagging: false, severity: 0, reasons: [] } };
    expect(allText(renderOutcomeMessages(outcome, EN))).not.toContain('⚠️');
  });

  it('should list the team’s lagging key results before its objectives', () => {
    const text = allText(renderOutcomeMessages(CASES.team.outcome, EN));
    expect(text.indexOf('Lagging first:')).toBeGreaterThan(-1);
    expect(text.indexOf('Lagging first:')).toBeLessThan(text.indexOf('*Objectives:*'));
  });

  it('should fall back to a modal button for forms, and explain /kpi new as a command', () => {
    const objectiveForm = renderOutcomeMessages({ type: 'form', form: 'new_objective', openKeyResults: [] }, EN);
    expect(buttons(objectiveForm).map((b) => b.action_id)).toEqual([ACTION.openNewObjective]);
    const noKeyResults = renderOutcomeMessages({ type: 'form', form: 'check_in', openKeyResults: [] }, EN);
    expect(buttons(noKeyResults)).toEqual([]);
    expect(allText(noKeyResults)).toContain('no open key results');
    const kpiForm = renderOutcomeMessages({ type: 'form', form: 'new_kpi', openKeyResults: [] }, ZH);
    expect(buttons(kpiForm)).toEqual([]);
    expect(allText(kpiForm)).toContain('&lt;key&gt;');
    expect(problems(kpiForm)).toEqual([]);
  });

  it('should offer the check-in button only on goals that are still active', () => {
    const closed = renderOutcomeMessages({ ...CASES.key_result.outcome, keyResult: keyResult({ status: 'closed' }) }, EN);
    expect(buttons(closed).map((b) => b.action_id)).toEqual([ACTION.showGoal]);
  });

  it('should give empty lists a friendly sentence and a way to start', () => {
    for (const ctx of CONTEXTS) {
      for (const outcome of [
        { type: 'home', objectives: [], cycleName: null },
        { type: 'home', objectives: [], cycleName: '2026-Q4' },
        { type: 'goals', scope: 'company', objectives: [], cycleName: '2026-Q4' },
        { type: 'goals', scope: 'me', objectives: [], cycleName: null },
        { type: 'tree', nodes: [], truncated: 0 },
      ] as const) {
        const messages = renderOutcomeMessages(outcome, ctx);
        expect(problems(messages)).toEqual([]);
        expect(buttons(messages).map((b) => b.action_id)).toEqual([ACTION.openNewObjective]);
      }
      for (const outcome of [
        { type: 'lagging', keyResults: [] },
        { type: 'kpi_list', kpis: [] },
        { type: 'team', teamName: 'Growth', progress: 0, objectives: [], lagging: [], members: 0 },
        { type: 'review', report: { ...CASES.review.outcome.report, objectives: [], lagging: [] } },
        { type: 'objective', objective: objective({ keyResults: [] }), children: [], feedback: [] },
        { type: 'key_result', keyResult: keyResult(), objectiveTitle: 'x', history: [], feedback: [] },
        { type: 'help', topic: 'update' },
        { type: 'help', topic: '<!channel> nonsense' },
      ] as const) {
        const messages = renderOutcomeMessages(outcome, ctx);
        expect(problems(messages)).toEqual([]);
        expect(allText(messages)).not.toMatch(/\{\w+\}|NaN|undefined/);
      }
    }
  });

  it('should split a long list into messages of at most 50 blocks, buttons at the end', () => {
    const objectives = Array.from({ length: 120 }, (_, i) => objective({ id: i, ref: `O-${i + 1}` }));
    const messages = renderOutcomeMessages({ type: 'goals', scope: 'company', objectives, cycleName: '2026-Q4' }, { ...EN, ...COMMAND });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(LIMIT.blocksPerMessage);
    expect(problems(messages)).toEqual([]);
    expect(messages.at(-1)?.blocks.at(-1)?.type).toBe('actions');
    expect(allText(messages.slice(1))).toContain('(continued)');
    const text = allText(messages);
    for (let i = 1; i <= 120; i++) expect(text).toContain(`*O-${i}*`);
  });
});
