import { renderOutcome } from '../../../src/render/text/render-outcome';
import type { Outcome } from '../../../src/use-cases/outcome';
import { BEHIND, CONTEXTS, EN, ZH, checkIn, cnCalendar, feedback, holiday, keyResult, kpi, objective, reading, review, team } from './fixtures';

type Case = { readonly outcome: Outcome; readonly facts: readonly string[] };

/** One case per Outcome variant; `Record` makes a forgotten variant a compile error. */
const CASES: { readonly [T in Outcome['type']]: Case & { readonly outcome: Extract<Outcome, { type: T }> } } = {
  help: { outcome: { type: 'help' }, facts: ['KR-12', 'O-7'] },
  home: { outcome: { type: 'home', objectives: [objective()], cycleName: '2026-Q4' }, facts: ['2026-Q4', 'O-7', 'KR-12', '52%', '60%', '39 / 45 pts', 'Alice'] },
  goals: { outcome: { type: 'goals', scope: '#growth', objectives: [objective()], cycleName: '2026-Q4' }, facts: ['#growth', 'O-7', 'KR-12', '52%'] },
  objective: {
    outcome: { type: 'objective', objective: objective(), children: [objective({ ref: 'O-9', title: 'Child goal', progress: 0.3 })], feedback: [feedback()] },
    facts: ['O-7', 'O-3', 'O-9', '30%', 'KR-12', 'B-4', 'legal review pending', 'Growth', '2026-Q4'],
  },
  key_result: {
    outcome: { type: 'key_result', keyResult: keyResult({ lag: BEHIND, kpiKey: 'nps' }), objectiveTitle: 'Delight our customers', history: [checkIn()], feedback: [feedback()] },
    facts: ['KR-12', 'O-7', 'Delight our customers', '35', '39', 'waiting on legal', '62', '41', '21', '16', 'nps', 'B-4'],
  },
  form: { outcome: { type: 'form', form: 'check_in', openKeyResults: [keyResult(), keyResult({ ref: 'KR-13', title: 'Ship v2' })] }, facts: ['KR-12 <', 'KR-13 <'] },
  objective_created: { outcome: { type: 'objective_created', objective: objective({ keyResults: [] }) }, facts: ['O-7', 'Delight our customers', 'O-3'] },
  key_result_added: { outcome: { type: 'key_result_added', keyResult: keyResult({ current: null, progress: 0 }), objectiveProgress: 0.25 }, facts: ['KR-12', 'O-7', '30', '45 pts', '25%'] },
  checked_in: {
    outcome: { type: 'checked_in', keyResult: keyResult({ current: 41, progress: 0.73 }), previous: 35, objectiveRef: 'O-7', objectiveProgress: 0.52, lag: BEHIND },
    facts: ['KR-12', '35 pts', '41 pts', 'O-7', '52%', '⚠️', '62 pts', '21', '16'],
  },
  tree: {
    outcome: { type: 'tree', nodes: [{ depth: 0, objective: objective({ ref: 'O-1' }) }, { depth: 1, objective: objective({ ref: 'O-3' }) }, { depth: 2, objective: objective() }], truncated: 5 },
    facts: ['O-1', '  └ O-3', '    └ O-7', '5'],
  },
  team: {
    outcome: { type: 'team', teamName: '#growth', progress: 0.46, objectives: [objective()], lagging: [keyResult({ lag: BEHIND })], members: 5 },
    facts: ['#growth', '46%', '5', 'KR-12', '62', '21', 'O-7'],
  },
  lagging: { outcome: { type: 'lagging', keyResults: [keyResult({ lag: BEHIND })] }, facts: ['KR-12', '62 pts', '41 pts', '21', '16'] },
  feedback_added: { outcome: { type: 'feedback_added', feedback: feedback() }, facts: ['B-4', 'KR-12'] },
  blocker_resolved: { outcome: { type: 'blocker_resolved', feedback: feedback({ state: 'resolved' }) }, facts: ['B-4', 'KR-12'] },
  scored: { outcome: { type: 'scored', ref: 'O-7', title: 'Delight our customers', score: 0.7, suggested: 0.62 }, facts: ['O-7', '0.7', '0.62'] },
  review: { outcome: { type: 'review', report: review() }, facts: ['2026-Q4', '64%', '37', 'O-7', '0.6', '0.7', 'KR-12', 'KR-21', 'shipped most of it'] },
  out_of_office: { outcome: { type: 'out_of_office', from: '2026-11-24', until: '2026-12-01' }, facts: ['24', '1'] },
  out_of_office_cleared: { outcome: { type: 'out_of_office_cleared' }, facts: [] },
  snoozed: { outcome: { type: 'snoozed', until: new Date('2026-11-26T09:00:00Z') }, facts: ['26'] },
  edited: { outcome: { type: 'edited', ref: 'KR-12', fields: ['target', 'unit'] }, facts: ['KR-12'] },
  aligned: { outcome: { type: 'aligned', ref: 'O-9', parentRef: 'O-3' }, facts: ['O-9', 'O-3'] },
  closed: { outcome: { type: 'closed', ref: 'KR-12', reopened: false }, facts: ['KR-12'] },
  kpi_list: { outcome: { type: 'kpi_list', kpis: [kpi(), kpi({ key: 'uptime', name: 'Uptime', unit: '%', latest: null, band: null, target: null })] }, facts: ['nps', '42 pts', '45 pts', '🟢', 'uptime'] },
  kpi_detail: { outcome: { type: 'kpi_detail', kpi: kpi(), history: [reading(), reading({ on: '2026-11-13', value: 38 })] }, facts: ['nps', '42 pts', '38 pts', 'KR-12', 'Carol', 'chat'] },
  kpi_created: { outcome: { type: 'kpi_created', kpi: kpi({ latest: null, band: null }) }, facts: ['nps', 'Net Promoter Score'] },
  kpi_logged: { outcome: { type: 'kpi_logged', kpi: kpi(), previous: reading({ on: '2026-11-13', value: 38 }) }, facts: ['nps', '42 pts', '38 pts', '🟢'] },
  kpi_linked: { outcome: { type: 'kpi_linked', keyResultRef: 'KR-12', kpiKey: 'nps' }, facts: ['KR-12', 'nps'] },
  team_created: { outcome: { type: 'team_created', team: team() }, facts: ['#eng', 'Engineering', '#rnd', 'Bob', '09:30', '25', '10', '#eng-okr'] },
  team_changed: { outcome: { type: 'team_changed', team: team(), fields: ['threshold', 'channel'] }, facts: ['#eng', '25', '#eng-okr', '09:30'] },
  team_member_changed: { outcome: { type: 'team_member_changed', team: team(), memberName: 'Alice', action: 'add', changed: true }, facts: ['Alice', '#eng', '4'] },
  member_changed: { outcome: { type: 'member_changed', memberName: 'Alice', change: { field: 'manager', managerName: 'Bob' }, changed: true }, facts: ['Alice', 'Bob'] },
  holidays: {
    outcome: { type: 'holidays', years: [2026, 2027], calendar: cnCalendar(), days: [holiday(), holiday({ day: '2027-02-07', kind: 'workday', name: '春节调休' })] },
    facts: ['2026', '2027', '2025', '2026-12-25', 'Christmas', '2027-02-07', '春节调休', '⚠️'],
  },
  holiday_changed: { outcome: { type: 'holiday_changed', day: '2026-12-25', now: holiday(), before: null, builtIn: null }, facts: ['2026-12-25', 'Christmas'] },
  holiday_calendar_changed: { outcome: { type: 'holiday_calendar_changed', calendar: cnCalendar(), changed: true }, facts: ['2025', '2026', '2027', '⚠️'] },
  api_token_created: { outcome: { type: 'api_token_created', name: 'crm', token: 'okr_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd' }, facts: ['crm', 'okr_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd', 'Authorization: Bearer'] },
  api_tokens: {
    outcome: { type: 'api_tokens', tokens: [{ name: 'crm', createdAt: new Date('2026-11-02T08:00:00Z'), lastUsedAt: null, creatorName: 'Admin' }] },
    facts: ['crm', 'Admin', '2026'],
  },
  api_token_revoked: { outcome: { type: 'api_token_revoked', name: 'crm' }, facts: ['crm'] },
};

/** Variants that share a type with a case above. */
const MORE_CASES: readonly Case[] = [
  { outcome: { type: 'form', form: 'team_settings', openKeyResults: [], settings: team() }, facts: ['#eng', 'Engineering', '09:30', '25', '10', '#eng-okr'] },
  { outcome: { type: 'form', form: 'team_settings', openKeyResults: [], settings: team({ channelRef: null, checkinWeekday: 7 }) }, facts: ['#eng'] },
  { outcome: { type: 'team_changed', team: team(), fields: [] }, facts: ['#eng'] },
  { outcome: { type: 'team_changed', team: team(), fields: ['manager', 'role'] }, facts: ['#eng', 'Bob'] },
  { outcome: { type: 'team_member_changed', team: team(), memberName: 'Alice', action: 'add', changed: false }, facts: ['Alice', '#eng'] },
  { outcome: { type: 'team_member_changed', team: team(), memberName: 'Alice', action: 'remove', changed: true }, facts: ['Alice', '#eng'] },
  { outcome: { type: 'team_member_changed', team: team(), memberName: 'Alice', action: 'remove', changed: false }, facts: ['Alice', '#eng'] },
  { outcome: { type: 'member_changed', memberName: 'Alice', change: { field: 'manager', managerName: 'Bob' }, changed: false }, facts: ['Alice', 'Bob'] },
  { outcome: { type: 'member_changed', memberName: 'Alice', change: { field: 'manager', managerName: null }, changed: true }, facts: ['Alice'] },
  { outcome: { type: 'member_changed', memberName: 'Alice', change: { field: 'manager', managerName: null }, changed: false }, facts: ['Alice'] },
  { outcome: { type: 'member_changed', memberName: 'Bob', change: { field: 'role', role: 'admin' }, changed: true }, facts: ['Bob'] },
  { outcome: { type: 'member_changed', memberName: 'Bob', change: { field: 'role', role: 'member' }, changed: false }, facts: ['Bob'] },
  { outcome: { type: 'team_changed', team: team({ escalateAfterWorkdays: 0, digestAfterHours: 0 }), fields: ['remind', 'escalate', 'digest'] }, facts: ['#eng', '4'] },
  { outcome: { type: 'holidays', years: [2027], calendar: { calendar: 'none', chosen: false, builtInYears: [], missingYears: [] }, days: [] }, facts: ['2027'] },
  { outcome: { type: 'holiday_changed', day: '2026-10-01', now: null, before: holiday({ day: '2026-10-01', kind: 'workday', name: '' }), builtIn: 'holiday' }, facts: ['2026-10-01'] },
  { outcome: { type: 'holiday_changed', day: '2026-12-26', now: null, before: null, builtIn: null }, facts: ['2026-12-26'] },
  { outcome: { type: 'holiday_changed', day: '2026-12-26', now: holiday({ day: '2026-12-26', name: '' }), before: holiday({ day: '2026-12-26', name: '' }), builtIn: null }, facts: ['2026-12-26'] },
  { outcome: { type: 'holiday_calendar_changed', calendar: { calendar: 'none', chosen: true, builtInYears: [], missingYears: [] }, changed: false }, facts: [] },
  { outcome: { type: 'api_tokens', tokens: [] }, facts: [] },
];

describe('renderOutcome', () => {
  for (const ctx of CONTEXTS) {
    describe(ctx.locale, () => {
      it.each(Object.entries(CASES))('should render %s with its key facts', (_type, c) => {
        const text = renderOutcome(c.outcome, ctx);
        expect(text.trim().length).toBeGreaterThan(0);
        for (const fact of c.facts) expect(text).toContain(fact);
        expect(text).not.toMatch(/\{\w+\}|NaN|undefined|Infinity/);
      });

      it.each(MORE_CASES.map((c) => [c.outcome.type, c] as const))('should render this %s too', (_type, c) => {
        const text = renderOutcome(c.outcome, ctx);
        for (const fact of c.facts) expect(text).toContain(fact);
        expect(text).not.toMatch(/\{\w+\}|NaN|undefined|Infinity|slackViews|teamField/);
      });
    });
  }

  it('should show team settings with the command that changes them', () => {
    const settings = renderOutcome({ type: 'form', form: 'team_settings', openKeyResults: [], settings: team() }, EN);
    expect(settings.split('\n')).toEqual([
      'Settings of #eng (Engineering):',
      '  Check-ins: Friday at 09:30, in each member’s own time zone',
      '  No check-in: a reminder 4 hours after the prompt, then the manager after 2 workdays',
      '  Team digest: 24 hours after the check-in time',
      '  Lagging: 25 points behind the expected pace, or 10 days without a check-in',
      '  Channel for digests and alerts: #eng-okr',
      'Change them: /okr team set #eng --weekday fri --time 16:00 --threshold 25 --stale 14 --channel #channel --remind 4h --escalate 2 --digest 24h',
    ]);
    const zh = renderOutcome({ type: 'form', form: 'team_settings', openKeyResults: [], settings: team({ channelRef: null }) }, ZH);
    expect(zh).toContain('签到：每周五 09:30');
    expect(zh).toContain('未签到：签到提醒发出 4 小时后再提醒一次，2 个工作日后通知上级');
    expect(zh).toContain('团队周报：签到时间后 24 小时');
  });

  it('should show a team that never escalates, reminds after an hour and sends its digest at check-in time', () => {
    const s = team({ remindAfterHours: 1, escalateAfterWorkdays: 0, digestAfterHours: 0 });
    const en = renderOutcome({ type: 'team_changed', team: s, fields: ['remind', 'escalate', 'digest'] }, EN).split('\n');
    expect(en[0]).toBe('Updated #eng: reminder, manager escalation, digest time.');
    expect(en).toContain('  No check-in: a reminder 1 hour after the prompt; the manager is never told');
    expect(en).toContain('  Team digest: at the check-in time');
    const one = renderOutcome({ type: 'team_changed', team: team({ escalateAfterWorkdays: 1 }), fields: ['escalate'] }, EN);
    expect(one).toContain('then the manager after 1 workday');
    const zh = renderOutcome({ type: 'team_changed', team: s, fields: ['escalate'] }, ZH);
    expect(zh).toContain('已更新 #eng：上级通知。');
    expect(zh).toContain('不通知上级');
  });

  it('should list the workspace calendar with the built-in years and the years still missing', () => {
    const days = [holiday(), holiday({ day: '2027-02-07', kind: 'workday', name: '' })];
    expect(renderOutcome({ type: 'holidays', years: [2026, 2027], calendar: cnCalendar(), days }, EN).split('\n')).toEqual([
      'Holidays and make-up workdays — 2026, 2027',
      'Official calendar: China’s public holidays and make-up workdays (built in for 2025, 2026)',
      '⚠️ China’s official calendar for 2027 isn’t built in yet: until it is, add those days here with /okr holiday add and /okr holiday workday.',
      'This workspace’s own days:',
      '  2026-12-25 (Friday): day off — Christmas',
      '  2027-02-07 (Sunday): make-up workday',
      'Admins change them: /okr holiday add 2026-12-25 Christmas · /okr holiday workday 2027-02-07 · /okr holiday remove 2026-12-25',
    ]);
    const none = renderOutcome({ type: 'holidays', years: [2027], calendar: { calendar: 'none', chosen: false, builtInYears: [], missingYears: [] }, days: [] }, EN);
    expect(none).toContain('Official calendar: none — only weekends and the days below are days off (the default for this workspace;');
    expect(none).toContain('This workspace has no days of its own in 2027.');
    expect(none).not.toContain('⚠️');
    const zh = renderOutcome({ type: 'holidays', years: [2026, 2027], calendar: cnCalendar({ chosen: false }), days }, ZH);
    expect(zh).toContain('官方日历：中国法定节假日和调休（已内置 2025、2026 年）（本工作区的默认设置');
    expect(zh).toContain('⚠️ 尚未内置 2027 年的中国法定节假日安排');
    expect(zh).toContain('2026-12-25（周五）：放假 — Christmas');
    expect(zh).toContain('2027-02-07（周日）：调休上班');
  });

  it('should say what a holiday command changed, and what the official calendar says of the day', () => {
    const added = { type: 'holiday_changed', day: '2026-12-25', now: holiday(), before: null, builtIn: null } as const;
    expect(renderOutcome(added, EN)).toBe('2026-12-25 (Friday) is now a day off for this workspace: Christmas.');
    expect(renderOutcome(added, ZH)).toBe('2026-12-25（周五）已设为本工作区的放假日：Christmas。');
    // A make-up workday on a national holiday overrides the official calendar.
    const override = { type: 'holiday_changed', day: '2026-10-07', now: holiday({ day: '2026-10-07', kind: 'workday', name: '' }), before: null, builtIn: 'holiday' } as const;
    expect(renderOutcome(override, EN).split('\n')).toEqual([
      '2026-10-07 (Wednesday) is now a make-up workday for this workspace.',
      'China’s official calendar has it as a day off; this workspace’s day wins.',
    ]);
    const weekend = { type: 'holiday_changed', day: '2026-12-26', now: holiday({ day: '2026-12-26', name: '' }), before: null, builtIn: null } as const;
    expect(renderOutcome(weekend, EN)).toContain('It is a weekend day, so it was a day off anyway.');
    const weekday = { type: 'holiday_changed', day: '2026-12-23', now: holiday({ day: '2026-12-23', kind: 'workday', name: '' }), before: null, builtIn: null } as const;
    expect(renderOutcome(weekday, ZH)).toContain('这一天是工作日，本来就要上班');
    const same = { type: 'holiday_changed', day: '2026-12-25', now: holiday(), before: holiday(), builtIn: null } as const;
    expect(renderOutcome(same, EN)).toBe('Nothing changed: 2026-12-25 (Friday) already was a day off here.');
    const removed = { type: 'holiday_changed', day: '2026-10-01', now: null, before: holiday({ day: '2026-10-01', kind: 'workday' }), builtIn: 'holiday' } as const;
    expect(renderOutcome(removed, EN).split('\n')).toEqual([
      'Removed 2026-10-01 (Thursday), a make-up workday, from this workspace’s own days.',
      'China’s official calendar has it as a day off, and that applies again.',
    ]);
    const nothing = { type: 'holiday_changed', day: '2026-10-01', now: null, before: null, builtIn: 'holiday' } as const;
    expect(renderOutcome(nothing, ZH).split('\n')).toEqual([
      '本工作区没有设置 2026-10-01，无需删除。',
      '中国法定日历中这一天是放假日；如需在本工作区改变，请用“假期 添加”或“假期 调休”。',
    ]);
  });

  it('should say which official calendar the workspace follows now', () => {
    expect(renderOutcome({ type: 'holiday_calendar_changed', calendar: cnCalendar(), changed: true }, EN).split('\n')).toEqual([
      'This workspace now follows China’s public holidays and make-up workdays (built in for 2025, 2026).',
      '⚠️ China’s official calendar for 2027 isn’t built in yet: until it is, add those days here with /okr holiday add and /okr holiday workday.',
    ]);
    const none = { calendar: 'none', chosen: true, builtInYears: [], missingYears: [] } as const;
    expect(renderOutcome({ type: 'holiday_calendar_changed', calendar: none, changed: true }, ZH)).toBe('本工作区现在不采用官方日历：只有周末和自己设置的日子放假。');
    expect(renderOutcome({ type: 'holiday_calendar_changed', calendar: none, changed: false }, EN)).toBe('Nothing changed: this workspace already follows no official calendar.');
  });

  it('should say what a team or member command changed', () => {
    expect(renderOutcome({ type: 'team_changed', team: team(), fields: ['manager', 'role'] }, EN)).toBe(
      'Bob now manages #eng and is one of its members.\nBob’s role is now manager.',
    );
    expect(renderOutcome({ type: 'team_changed', team: team(), fields: ['threshold', 'weekday'] }, EN).split('\n')[0]).toBe('Updated #eng: lag threshold, check-in day.');
    expect(renderOutcome({ type: 'team_changed', team: team(), fields: [] }, EN)).toContain('Nothing changed');
    expect(renderOutcome({ type: 'team_member_changed', team: team(), memberName: 'Alice', action: 'add', changed: true }, EN)).toBe('Added Alice to #eng (4 members).');
    expect(renderOutcome({ type: 'member_changed', memberName: 'Bob', change: { field: 'role', role: 'admin' }, changed: true }, ZH)).toBe('Bob 的角色现在是管理员。');
    expect(renderOutcome({ type: 'member_changed', memberName: 'Alice', change: { field: 'manager', managerName: null }, changed: true }, EN)).toBe('Alice no longer reports to anyone.');
  });

  it('should render a key result line with bar, value, confidence and owner', () => {
    const text = renderOutcome({ type: 'lagging', keyResults: [keyResult()] }, EN);
    expect(text).toContain('KR-12  Raise NPS from 30 to 45  ▓▓▓▓▓▓░░░░ 60%  39 / 45 pts  🟡 at risk  (Alice)');
  });

  it('should give lag reasons as sentences with numbers', () => {
    const text = renderOutcome(CASES.lagging.outcome, EN);
    expect(text).toContain('⚠️');
    expect(text).toContain('expected 62 pts by today, at 41 pts (21 points behind)');
    expect(text).toContain('no check-in for 16 days');
    const zh = renderOutcome(CASES.lagging.outcome, ZH);
    expect(zh).toContain('落后 21 个百分点');
    expect(zh).toContain('已 16 天没有签到');
  });

  it('should say which floor or ceiling a threshold key result broke, and when confidence kept falling', () => {
    const lag = {
      lagging: true, severity: 2 as const,
      reasons: [
        { type: 'threshold_broken' as const, threshold: 99.9, currentValue: 99.2 },
        { type: 'confidence_falling' as const, falls: 2, confidence: 'off_track' as const },
      ],
    };
    const kr = keyResult({ kind: 'stay_above', start: 99.9, target: 99.9, current: 99.2, unit: '%', progress: 0, lag });
    const text = renderOutcome({ type: 'lagging', keyResults: [kr] }, EN);
    expect(text).toContain('below its 99.9% floor at 99.2%');
    expect(text).toContain('confidence fell 2 check-ins in a row (now off track)');
    expect(text).toContain('99.2% (at least 99.9%)');
    const ceiling = { ...lag, reasons: [{ type: 'threshold_broken' as const, threshold: 200, currentValue: 240 }] };
    const latency = keyResult({ kind: 'stay_below', target: 200, current: 240, unit: 'ms', lag: ceiling });
    expect(renderOutcome({ type: 'lagging', keyResults: [latency] }, EN)).toContain('above its 200 ms ceiling at 240 ms');
  });

  it('should show confidence in words in both languages', () => {
    const rows = [keyResult({ confidence: 'on_track' }), keyResult({ confidence: 'at_risk' }), keyResult({ confidence: 'off_track' })];
    const en = renderOutcome({ type: 'lagging', keyResults: rows }, EN);
    expect(en).toContain('🟢 on track');
    expect(en).toContain('🟡 at risk');
    expect(en).toContain('🔴 off track');
    const zh = renderOutcome({ type: 'lagging', keyResults: rows }, ZH);
    expect(zh).toContain('🟢 正常');
    expect(zh).toContain('🟡 有风险');
    expect(zh).toContain('🔴 延期');
  });

  it('should indent the tree and count what was left out', () => {
    const lines = renderOutcome(CASES.tree.outcome, EN).split('\n');
    expect(lines[1]).toMatch(/^O-1 /);
    expect(lines[2]).toMatch(/^ {2}└ O-3 /);
    expect(lines[3]).toMatch(/^ {4}└ O-7 /);
    expect(lines[4]).toContain('5 more');
    expect(renderOutcome({ type: 'tree', nodes: CASES.tree.outcome.nodes, truncated: 0 }, EN)).not.toContain('more');
  });

  it('should explain the text form where Slack would open a modal', () => {
    expect(renderOutcome({ type: 'form', form: 'new_objective', openKeyResults: [] }, EN)).toContain('/okr new "Title"');
    expect(renderOutcome({ type: 'form', form: 'new_objective', openKeyResults: [] }, EN)).toContain('--parent O-3');
    expect(renderOutcome({ type: 'form', form: 'new_kpi', openKeyResults: [] }, EN)).toContain('/kpi new');
    const checkIn = renderOutcome(CASES.form.outcome, EN);
    expect(checkIn).toContain('/okr update KR-12 <value>');
    expect(checkIn).toContain('/okr update KR-13 <value>');
    expect(renderOutcome(CASES.form.outcome, ZH)).toContain('更新 KR-12 <数值>');
    expect(renderOutcome({ type: 'form', form: 'check_in', openKeyResults: [] }, EN)).toMatch(/no open key results/);
  });

  it('should turn empty lists into a helpful sentence', () => {
    expect(renderOutcome({ type: 'home', objectives: [], cycleName: '2026-Q4' }, EN)).toContain('/okr new "Title"');
    expect(renderOutcome({ type: 'home', objectives: [], cycleName: null }, EN)).toContain('/okr new');
    expect(renderOutcome({ type: 'goals', scope: 'me', objectives: [], cycleName: '2026-Q4' }, EN)).toContain('/okr new');
    expect(renderOutcome({ type: 'goals', scope: 'company', objectives: [], cycleName: '2026-Q4' }, EN)).toContain('--level company');
    expect(renderOutcome({ type: 'tree', nodes: [], truncated: 0 }, EN)).toContain('/okr new');
    expect(renderOutcome({ type: 'lagging', keyResults: [] }, ZH)).toContain('没有滞后');
    expect(renderOutcome({ type: 'kpi_list', kpis: [] }, EN)).toContain('/kpi new');
    expect(renderOutcome({ type: 'objective_created', objective: objective({ keyResults: [] }) }, EN)).toContain('/okr kr add O-7');
    expect(renderOutcome({ type: 'kpi_detail', kpi: kpi(), history: [] }, EN)).toContain('/kpi log nps');
  });

  it('should name the goal list by its scope', () => {
    const mine = renderOutcome({ type: 'goals', scope: 'me', objectives: [objective()], cycleName: '2026-Q4' }, EN);
    expect(mine.split('\n')[0]).toBe('My OKRs — 2026-Q4');
    const company = renderOutcome({ type: 'goals', scope: 'company', objectives: [objective()], cycleName: '2026-Q4' }, ZH);
    expect(company.split('\n')[0]).toBe('公司 OKR — 2026-Q4');
  });

  it('should print user text as typed', () => {
    const title = 'Ship <v2> & "more" *now*';
    expect(renderOutcome({ type: 'objective_created', objective: objective({ title }) }, EN)).toContain(title);
  });

  it('should show milestones as done or not and values with currency before the number', () => {
    const milestone = keyResult({ kind: 'milestone', start: 0, target: 1, current: 1, unit: null, progress: 1 });
    expect(renderOutcome({ type: 'lagging', keyResults: [milestone] }, EN)).toContain('▓▓▓▓▓▓▓▓▓▓ 100%  done');
    const revenue = keyResult({ current: 1_200_000, start: 0, target: 3_000_000, unit: '$', progress: 0.4 });
    expect(renderOutcome({ type: 'lagging', keyResults: [revenue] }, EN)).toContain('$1.2M / $3M');
    expect(renderOutcome({ type: 'lagging', keyResults: [{ ...revenue, unit: '¥' }] }, ZH)).toContain('¥120万 / ¥300万');
  });

  it('should print the review report with its numbers', () => {
    const text = renderOutcome(CASES.review.outcome, EN);
    expect(text).toContain('Review — 2026-Q4 (Oct 1, 2026 – Dec 31, 2026)');
    expect(text).toContain('Delivered 5 · In progress 4 · Missed 3');
    expect(text).toContain('Blockers: 1 open, 4 resolved');
    expect(text).toContain('O-7  Delight our customers: 0.6 → 0.7');
    expect(text).toContain('KR-12  Raise NPS from 30 to 45: 0.6 → not set');
  });
});
