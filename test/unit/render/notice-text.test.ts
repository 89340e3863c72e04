import { parseChatText } from '../../../src/domain/command/parse-command';
import type { LagVerdict } from '../../../src/domain/lag';
import { translate } from '../../../src/i18n/translate';
import { formatMonth, noticeText } from '../../../src/render/text/notice-text';
import type { NoticeType, NoticeView } from '../../../src/use-cases/notice-views';
import { BEHIND, CONTEXTS, EN, ZH, keyResult, objective } from './fixtures';
import { kpiNotices } from './kpi-notice-fixtures';

// The scheduler's notices as the console prints them: every variant in both languages, with the
// facts a reader needs (names, references, numbers, lag reasons) and commands that really parse.

type NoticeOf<T extends NoticeType> = Extract<NoticeView, { type: T }>;

const MILESTONE = keyResult({ id: 13, ref: 'KR-13', title: 'Ship v2', kind: 'milestone', start: 0, target: 1, current: 0, unit: null, progress: 0, confidence: null });

/** One notice of each type, built from the shared view fixtures; `Record` makes a new type a compile error. */
const NOTICES: { readonly [T in NoticeType]: NoticeOf<T> } = {
  check_in_prompt: { type: 'check_in_prompt', promptId: 41, memberName: 'Alice', period: '2026-W48', keyResults: [keyResult({ lag: BEHIND }), MILESTONE] },
  check_in_reminder: { type: 'check_in_reminder', promptId: 41, memberName: 'Alice', keyResults: [keyResult(), MILESTONE] },
  check_in_escalation: { type: 'check_in_escalation', managerName: 'Bob', memberName: 'Alice', workdays: 3, keyResults: [keyResult(), MILESTONE] },
  team_digest: {
    type: 'team_digest',
    teamName: 'Growth',
    period: '2026-W48',
    checkedIn: ['Alice', 'Bob'],
    missing: ['Dan'],
    atRisk: [keyResult({ ref: 'KR-21', title: 'Cut churn', lag: BEHIND })],
    changes: [
      { keyResult: keyResult({ progress: 0.6 }), previousProgress: 0.48 },
      { keyResult: keyResult({ ref: 'KR-30', title: 'Hire two SREs', progress: 0.25 }), previousProgress: 0.3 },
      { keyResult: keyResult({ ref: 'KR-31', title: 'New thing', progress: 0.1 }), previousProgress: null },
    ],
  },
  digest_check_in: {
    type: 'digest_check_in',
    checkIn: { authorName: 'Carol', keyResult: keyResult(), value: 39, previousValue: 35, confidence: 'at_risk', note: 'waiting on legal', at: new Date('2026-11-20T10:00:00Z') },
  },
  lag_alert: { type: 'lag_alert', keyResult: keyResult(), verdict: BEHIND, worsened: false },
  lag_alert_owner: { type: 'lag_alert_owner', keyResult: keyResult(), verdict: BEHIND },
  monthly_review: {
    type: 'monthly_review',
    memberName: 'Alice',
    month: '2026-11',
    objectives: [objective({ keyResults: [keyResult({ lag: BEHIND }), MILESTONE] }), objective({ id: 8, ref: 'O-8', title: 'Grow revenue', progress: 0.3, keyResults: [] })],
  },
  cycle_scoring: {
    type: 'cycle_scoring',
    memberName: 'Alice',
    cycleName: '2026-Q4',
    endsOn: '2026-12-31',
    objectives: [{ objective: objective(), suggested: 0.52 }, { objective: objective({ id: 8, ref: 'O-8', title: 'Grow revenue' }), suggested: 0.3 }],
  },
  ...kpiNotices(),
};

/** Facts every rendering must show, in either language (references, names, numbers, lag reasons in numbers). */
const FACTS: { readonly [T in NoticeType]: readonly string[] } = {
  check_in_prompt: ['2026-W48', 'Alice', 'KR-12', 'KR-13', 'Raise NPS from 30 to 45', '39 / 45 pts', '62 pts', '41 pts', '21', '16'],
  check_in_reminder: ['Alice', 'KR-12', 'KR-13', '2'],
  check_in_escalation: ['Alice', '3', 'KR-12', 'KR-13'],
  team_digest: ['Growth', '2026-W48', 'Alice', 'Bob', 'Dan', 'KR-21', 'Cut churn', '62 pts', '41 pts', '21', '16', 'KR-12', '48% → 60%', '+12', 'KR-30', '30% → 25%', '-5', 'KR-31', '10%'],
  digest_check_in: ['Carol', 'KR-12', 'Raise NPS from 30 to 45', '35 pts → 39 pts', 'waiting on legal', '60%'],
  lag_alert: ['KR-12', 'Raise NPS from 30 to 45', 'Alice', 'O-7', '62 pts', '41 pts', '21', '16', '39 / 45 pts'],
  lag_alert_owner: ['KR-12', 'Raise NPS from 30 to 45', '62 pts', '41 pts', '21', '16'],
  monthly_review: ['Alice', 'O-7', 'Delight our customers', '52%', 'O-8', '30%', 'KR-12', '62 pts', '21'],
  cycle_scoring: ['Alice', '2026-Q4', '31', 'O-7', '0.52', 'O-8', '0.3'],
  kpi_alert: ['Net Promoter Score', 'nps', '🟢', '🟡', '3', '31 pts', '45 pts', '38 pts', '35 pts'],
  kpi_linked_update: ['KR-12', 'CRM deals', '412', '+37', 'KR-12 412', 'Raise NPS from 30 to 45'],
};

/** Words of the reader's language, so a notice can't silently come out in the other one. */
const WORDS: { readonly [T in NoticeType]: readonly [string, string] } = {
  check_in_prompt: ['Weekly check-in', '每周签到'],
  check_in_reminder: ['Reminder', '提醒'],
  check_in_escalation: ['workdays', '工作日'],
  team_digest: ['weekly digest', '团队周报'],
  digest_check_in: ['checked in on', '签到了'],
  lag_alert: ['Lag alert', '滞后预警'],
  lag_alert_owner: ['is lagging', '滞后了'],
  monthly_review: ['Monthly review', '月度回顾'],
  cycle_scoring: ['Time to score', '周期评分'],
  kpi_alert: ['KPI alert', 'KPI 预警'],
  kpi_linked_update: ['follows', '跟随'],
};

const TYPES = Object.keys(NOTICES) as NoticeType[];

describe('noticeText', () => {
  for (const ctx of CONTEXTS) {
    describe(ctx.locale, () => {
      it.each(TYPES)('should print %s with its facts, in the reader’s language', (type) => {
        const text = noticeText(NOTICES[type], ctx);
        for (const fact of FACTS[type]) expect({ type, fact, found: text.includes(fact) }).toEqual({ type, fact, found: true });
        expect(text).toContain(WORDS[type][ctx.locale === 'en' ? 0 : 1]);
        expect(text).not.toContain(WORDS[type][ctx.locale === 'en' ? 1 : 0]);
        expect(text).not.toMatch(/\{\w+\}|NaN|undefined|Infinity|notice\./);
      });
    });
  }

  it('should print the weekly prompt as it arrives, with its key results and how to check in', () => {
    const text = noticeText(NOTICES.check_in_prompt, EN);
    expect(text.split('\n').slice(0, 2)).toEqual(['Weekly check-in — 2026-W48', 'Hi Alice, time for your weekly check-in: 2 open key results.']);
    expect(text).toContain('KR-12  Raise NPS from 30 to 45  ▓▓▓▓▓▓░░░░ 60%  39 / 45 pts  🟡 at risk  (Alice)');
    expect(text).toContain('⚠️ Lagging: expected 62 pts by today, at 41 pts (21 points behind); no check-in for 16 days');
    expect(text).toContain('/okr checkin');
    expect(text).toContain('/okr update KR-12 <value>');
    expect(text).toContain('/okr snooze 1d');
    expect(noticeText(NOTICES.check_in_prompt, ZH)).toContain('输入“签到”一次更新全部');
  });

  it('should count one key result, one workday and nothing left in the singular', () => {
    expect(noticeText({ ...NOTICES.check_in_prompt, keyResults: [keyResult()] }, EN)).toContain('1 open key result.');
    expect(noticeText({ ...NOTICES.check_in_reminder, keyResults: [keyResult()] }, EN)).toContain('1 key result still has no check-in');
    expect(noticeText({ ...NOTICES.check_in_escalation, workdays: 1 }, EN)).toContain('for 1 workday.');
    expect(noticeText({ ...NOTICES.check_in_escalation, workdays: 1 }, ZH)).toContain('1 个工作日');
    const none = noticeText({ ...NOTICES.check_in_prompt, keyResults: [] }, EN);
    expect(none).toContain('nothing to check in');
    expect(none).not.toContain('/okr update');
  });

  it('should put the digest’s at-risk key results before what moved, with deltas in points', () => {
    const text = noticeText(NOTICES.team_digest, EN);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Growth weekly digest — 2026-W48');
    expect(lines).toContain('✅ Checked in (2): Alice, Bob');
    expect(lines).toContain('⏳ Not checked in yet (1): Dan');
    expect(text.indexOf('At risk (1)')).toBeLessThan(text.indexOf('KR-21'));
    expect(text.indexOf('KR-21')).toBeLessThan(text.indexOf('What moved this week (3)'));
    expect(text).toContain('KR-12  Raise NPS from 30 to 45  48% → 60% (+12 pts)  (Alice)');
    expect(text).toContain('KR-30  Hire two SREs  30% → 25% (-5 pts)  (Alice)');
    expect(text).toContain('KR-31  New thing  new this week, now 10%');
    expect(lines.at(-1)).toBe('Members’ check-ins arrive as replies in this thread. Replies here reach them as feedback.');
    const zh = noticeText(NOTICES.team_digest, ZH);
    expect(zh).toContain('48% → 60%（+12 个百分点）');
    expect(zh).toContain('✅ 已签到（2）：Alice、Bob');
  });

  it('should say so when everybody checked in, nobody did, and nothing is at risk or moved', () => {
    const everyone = noticeText({ ...NOTICES.team_digest, missing: [], atRisk: [], changes: [] }, EN);
    expect(everyone).toContain('Everyone has checked in.');
    expect(everyone).toContain('Nothing is at risk this week.');
    expect(everyone).toContain('No key result moved this week.');
    expect(noticeText({ ...NOTICES.team_digest, checkedIn: [] }, ZH)).toContain('还没有人签到');
  });

  it('should agree with the progress bars when progress runs past 100 %', () => {
    const over = { keyResult: keyResult({ progress: 1.3 }), previousProgress: 0.9 };
    expect(noticeText({ ...NOTICES.team_digest, changes: [over] }, EN)).toContain('90% → 100% (+10 pts)');
    const flat = { keyResult: keyResult({ progress: 1.4 }), previousProgress: 1.2 };
    expect(noticeText({ ...NOTICES.team_digest, changes: [flat] }, EN)).toContain('100% → 100% (±0 pts)');
  });

  it('should show a digest check-in with no value, an unchanged value and no note', () => {
    const base = NOTICES.digest_check_in.checkIn;
    expect(noticeText({ type: 'digest_check_in', checkIn: { ...base, value: null, note: null } }, EN)).toContain('no new value  🟡 at risk');
    const same = noticeText({ type: 'digest_check_in', checkIn: { ...base, previousValue: 39, note: '  ', confidence: null } }, EN);
    expect(same).toContain('39 pts  ▓▓▓▓▓▓░░░░ 60%');
    expect(same).not.toContain('→');
    expect(same).not.toContain('“');
  });

  it('should give the lag reasons one bullet each, in the key result’s unit (percent for milestones)', () => {
    const text = noticeText(NOTICES.lag_alert, EN);
    expect(text).toContain('  • expected 62 pts by today, at 41 pts (21 points behind)\n  • no check-in for 16 days');
    expect(text).toContain('Owner Alice · objective O-7 · ▓▓▓▓▓▓░░░░ 60% · 39 / 45 pts');
    expect(noticeText({ ...NOTICES.lag_alert, worsened: true }, EN)).toContain('worse than earlier this week');
    expect(noticeText({ ...NOTICES.lag_alert, worsened: true }, ZH)).toContain('更严重');
    const milestone: LagVerdict = {
      lagging: true,
      severity: 2,
      reasons: [{ type: 'behind_pace', expectedPercent: 50, actualPercent: 0, gapPoints: 50, expectedValue: 0.5, currentValue: 0 }],
    };
    expect(noticeText({ type: 'lag_alert_owner', keyResult: MILESTONE, verdict: milestone }, EN)).toContain('expected 50% by today, at 0% (50 points behind)');
    const owner = noticeText(NOTICES.lag_alert_owner, ZH);
    expect(owner).toContain('按进度今天应到 62 pts，实际 41 pts（落后 21 个百分点）');
    expect(owner).toContain('更新 KR-12 <数值>');
  });

  it('should sum up each objective in the monthly review, lagging key results below it', () => {
    const text = noticeText(NOTICES.monthly_review, EN);
    expect(text).toContain('Monthly review — November 2026');
    expect(text).toContain('O-7  Delight our customers  ▓▓▓▓▓░░░░░ 52%');
    expect(text).toContain('  Key results 2 · Lagging 1');
    expect(text).toContain('  Key results 0 · Lagging 0');
    expect(text).not.toContain('KR-13'); // on track: only lagging key results are listed
    expect(noticeText(NOTICES.monthly_review, ZH)).toContain('月度回顾 — 2026年11月');
    expect(noticeText({ ...NOTICES.monthly_review, objectives: [] }, EN)).toContain('no objectives in this cycle');
  });

  it('should suggest a score per objective and name the end of the cycle', () => {
    const text = noticeText(NOTICES.cycle_scoring, EN);
    expect(text).toContain('ends on Dec 31, 2026');
    expect(text).toContain('O-7  Delight our customers  ▓▓▓▓▓░░░░░ 52%  (Alice · team · Growth)  suggested 0.52');
    expect(text).toContain('/okr score O-7 0.52');
    expect(noticeText(NOTICES.cycle_scoring, ZH)).toContain('2026年12月31日');
    expect(noticeText({ ...NOTICES.cycle_scoring, objectives: [] }, ZH)).toContain('没有需要评分的目标');
  });

  it('should print user text as typed', () => {
    const hostile = '<!channel> & <@U123> 😀 中文';
    const text = noticeText({ ...NOTICES.check_in_prompt, memberName: hostile, keyResults: [keyResult({ title: hostile })] }, EN);
    expect(text).toContain(`Hi ${hostile},`);
    expect(text).toContain(`KR-12  ${hostile}`);
  });

  it('should format months and leave other periods alone', () => {
    expect(formatMonth('en', '2026-11')).toBe('November 2026');
    expect(formatMonth('zh-CN', '2026-01')).toBe('2026年1月');
    expect(formatMonth('en', '2026-13')).toBe('2026-13');
    expect(formatMonth('en', 'Nov')).toBe('Nov');
  });

  it('should name commands the parser accepts, in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const verb = (text: string): string => {
        const parsed = parseChatText(text);
        return parsed.ok ? parsed.value.verb : `error ${parsed.error.code}`;
      };
      expect(verb(translate(locale, 'notice.command.checkIn'))).toBe('checkin');
      expect(parseChatText(translate(locale, 'notice.command.snooze'))).toEqual({ ok: true, value: { verb: 'snooze', days: 1 } });
      expect(verb(translate(locale, 'notice.command.show', { ref: 'KR-12' }))).toBe('show');
      expect(verb(translate(locale, 'notice.command.score', { ref: 'O-7', score: '0.52' }))).toBe('score');
      expect(verb(translate(locale, 'notice.command.update', { ref: 'KR-12' }).replace(/<[^>]+>/, '45'))).toBe('update');
      expect(parseChatText(translate(locale, 'notice.command.kpiShow', { key: 'nps' }))).toEqual({ ok: true, value: { verb: 'kpi_show', key: 'nps' } });
      expect(parseChatText(translate(locale, 'notice.command.confirmKpi', { ref: 'KR-12', value: '1234.5' }))).toMatchObject({
        ok: true,
        value: { verb: 'update', keyResult: { type: 'key_result', number: 12 }, value: { mode: 'absolute', quantity: { value: 1234.5 } }, confidence: 'on_track' },
      });
    }
  });

  it('should print a KPI alert with its reasons, latest value against target and the trend', () => {
    const n = kpiNotices().kpi_alert;
    expect(noticeText(n, EN).split('\n')).toEqual([
      '🚨 KPI alert: Net Promoter Score (nps)  🟡 yellow',
      '  • moved from 🟢 green to 🟡 yellow',
      '  • below target for 3 weeks in a row',
      'Latest 31 pts on Nov 16 · target 45 pts',
      'Trend: Nov 2 38 pts · Nov 9 35 pts · Nov 16 31 pts',
      '',
      'See the KPI and its readings with /kpi show nps.',
    ]);
    expect(noticeText({ ...n, reasons: [{ kind: 'below_target', periods: 1 }] }, EN)).toContain('below target in its latest week');
    expect(noticeText({ ...n, reasons: [{ kind: 'below_target', periods: 4 }], kpi: { ...n.kpi, frequency: 'monthly' } }, ZH)).toContain('已连续 4 个月低于目标');
  });

  it('should ask a linked key result’s owner to confirm the KPI’s number, with the change since the previous period', () => {
    const n = kpiNotices().kpi_linked_update;
    expect(noticeText(n, EN).split('\n')).toEqual([
      'KR-12 follows CRM deals: now 412',
      'CRM deals says 412 (+37 since Nov 16).',
      'Confirm, adjust, add a note and a confidence: it becomes your check-in on KR-12  Raise NPS from 30 to 45.',
      '',
      'Confirm by typing /okr update KR-12 412 on-track, or type another number, confidence and note the same way.',
    ]);
    expect(noticeText({ ...n, previous: null }, EN)).toContain('CRM deals says 412 (as of Nov 23).');
    expect(noticeText({ ...n, previous: { ...n.previous!, value: 500 } }, ZH)).toContain('（较 11月16日 -88）');
    expect(noticeText({ ...n, kpi: { ...n.kpi, latest: { ...n.kpi.latest!, value: 0.1 + 0.2 } } }, EN)).toContain('/okr update KR-12 0.3 on-track');
    // "-5" would be read as "5 less": a negative number gets the general command instead.
    expect(noticeText({ ...n, kpi: { ...n.kpi, latest: { ...n.kpi.latest!, value: -5 } } }, EN)).toContain('typing /okr update KR-12 <value>,');
  });
});
