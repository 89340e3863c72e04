import type { ParseError } from '../../../src/domain/command/command';
import { renderParseError, renderUseCaseError } from '../../../src/render/text/render-error';
import type { UseCaseError } from '../../../src/use-cases/outcome';
import { CONTEXTS, EN, ZH } from './fixtures';

/** One error per code, each with the facts its sentence must show. */
const ERRORS: { readonly [C in UseCaseError['code']]: { error: Extract<UseCaseError, { code: C }>; facts: string[] } } = {
  not_found: { error: { code: 'not_found', what: 'KR-99', suggestions: ['KR-12', 'KR-21'] }, facts: ['KR-99', 'KR-12', 'KR-21'] },
  ambiguous: { error: { code: 'ambiguous', what: '"nps"', suggestions: ['KR-12', 'O-7'] }, facts: ['"nps"', 'KR-12', 'O-7'] },
  forbidden: { error: { code: 'forbidden', ref: 'KR-12' }, facts: ['KR-12'] },
  admin_only: { error: { code: 'admin_only' }, facts: [] },
  no_active_cycle: { error: { code: 'no_active_cycle' }, facts: [] },
  unknown_cycle: { error: { code: 'unknown_cycle', name: '2031-Q1' }, facts: ['2031-Q1'] },
  unknown_member: { error: { code: 'unknown_member', name: 'zed' }, facts: ['zed'] },
  unknown_team: { error: { code: 'unknown_team', name: 'ops' }, facts: ['ops'] },
  closed: { error: { code: 'closed', ref: 'O-7' }, facts: ['O-7'] },
  alignment_cycle: { error: { code: 'alignment_cycle', ref: 'O-3', parentRef: 'O-9' }, facts: ['O-3', 'O-9'] },
  alignment_level: { error: { code: 'alignment_level', ref: 'O-1', parentRef: 'O-9' }, facts: ['O-1', 'O-9'] },
  wrong_kind: { error: { code: 'wrong_kind', ref: 'O-7', expected: 'key_result' }, facts: ['O-7'] },
  value_needed: { error: { code: 'value_needed', ref: 'KR-12' }, facts: ['KR-12'] },
  milestone_value: { error: { code: 'milestone_value', ref: 'KR-13' }, facts: ['KR-13'] },
  already_resolved: { error: { code: 'already_resolved', ref: 'B-4' }, facts: ['B-4'] },
  kpi_exists: { error: { code: 'kpi_exists', key: 'nps' }, facts: ['nps'] },
  invalid_kpi: { error: { code: 'invalid_kpi', reason: 'thresholds' }, facts: [] },
  bad_date_range: { error: { code: 'bad_date_range' }, facts: [] },
  too_many_key_results: { error: { code: 'too_many_key_results', ref: 'O-7', max: 10 }, facts: ['O-7', '10'] },
  team_exists: { error: { code: 'team_exists', handle: 'eng' }, facts: ['#eng'] },
  no_team: { error: { code: 'no_team' }, facts: ['#'] },
  last_admin: { error: { code: 'last_admin' }, facts: ['@'] },
  reporting_cycle: { error: { code: 'reporting_cycle', member: '@Alice', manager: '@Bob' }, facts: ['@Alice', '@Bob'] },
  invalid_setting: { error: { code: 'invalid_setting', field: 'threshold' }, facts: ['100'] },
  invalid_holiday: { error: { code: 'invalid_holiday', field: 'name' }, facts: ['200'] },
  token_exists: { error: { code: 'token_exists', name: 'crm' }, facts: ['crm'] },
};

describe('renderUseCaseError', () => {
  for (const ctx of CONTEXTS) {
    it.each(Object.entries(ERRORS))(`${ctx.locale}: should explain %s`, (_code, { error, facts }) => {
      const text = renderUseCaseError(error, ctx);
      expect(text.trim()).not.toBe('');
      for (const fact of facts) expect(text).toContain(fact);
      expect(text).not.toMatch(/\{\w+\}|undefined/);
    });
  }

  it('should offer close matches only when there are some', () => {
    expect(renderUseCaseError(ERRORS.not_found.error, EN)).toBe('I can’t find KR-99.\nDid you mean: KR-12, KR-21?');
    expect(renderUseCaseError({ code: 'not_found', what: 'KR-99', suggestions: [] }, EN)).toBe('I can’t find KR-99.');
    expect(renderUseCaseError(ERRORS.not_found.error, ZH)).toContain('KR-12、KR-21');
  });

  it('should name the kind and the reason in words', () => {
    expect(renderUseCaseError(ERRORS.wrong_kind.error, EN)).toBe('O-7 is not a key result.');
    expect(renderUseCaseError(ERRORS.wrong_kind.error, ZH)).toBe('O-7 不是关键结果。');
    expect(renderUseCaseError({ code: 'invalid_kpi', reason: 'key' }, EN)).toContain('start with a letter');
  });

  it('should give the range of every escalation setting and what is wrong with a holiday', () => {
    expect(renderUseCaseError({ code: 'invalid_setting', field: 'remind' }, EN)).toBe('That doesn’t work: the reminder comes 1 to 72 whole hours after the prompt, like 4 or 4h.');
    expect(renderUseCaseError({ code: 'invalid_setting', field: 'escalate' }, EN)).toContain('0 to 20 whole workdays');
    expect(renderUseCaseError({ code: 'invalid_setting', field: 'digest' }, ZH)).toContain('0 到 144 个整小时');
    expect(renderUseCaseError({ code: 'invalid_holiday', field: 'day' }, EN)).toBe('That day can’t be saved: the day is a real date, like 2026-12-25.');
    expect(renderUseCaseError({ code: 'invalid_holiday', field: 'day' }, ZH)).toBe('无法保存这一天：日期须真实存在，例如 2026-12-25。');
  });

  it('should say who may change a team or a reporting line', () => {
    expect(renderUseCaseError({ code: 'forbidden', ref: '#eng', kind: 'team' }, EN)).toBe('You can’t change #eng: only an admin or the team’s manager can.');
    expect(renderUseCaseError({ code: 'forbidden', ref: '@Alice', kind: 'member' }, ZH)).toContain('@Alice 的汇报关系');
    expect(renderUseCaseError({ code: 'forbidden', ref: 'O-7' }, EN)).toContain('its owner');
  });

  it('should explain every invalid setting with its rule', () => {
    for (const field of ['handle', 'name', 'weekday', 'time', 'threshold', 'stale', 'channel'] as const) {
      for (const ctx of CONTEXTS) {
        const text = renderUseCaseError({ code: 'invalid_setting', field }, ctx);
        expect(text).not.toMatch(/\{\w+\}|invalidSetting/);
      }
    }
    expect(renderUseCaseError({ code: 'invalid_setting', field: 'time' }, EN)).toContain('00:00 to 23:59');
    expect(renderUseCaseError({ code: 'invalid_setting', field: 'weekday' }, ZH)).toContain('周日');
  });

  it('should ask for a team when a team objective came without one', () => {
    expect(renderUseCaseError({ code: 'unknown_team', name: '' }, EN)).toContain('--team');
  });
});

describe('renderParseError', () => {
  const CODES: ParseError['code'][] = [
    'empty', 'too_long', 'unknown_verb', 'missing_argument', 'bad_reference', 'bad_number', 'bad_date', 'bad_score',
    'bad_option', 'bad_key', 'unterminated_quote', 'extra_argument',
  ];

  for (const ctx of CONTEXTS) {
    it.each(CODES)(`${ctx.locale}: should explain %s with the usage`, (code) => {
      const text = renderParseError({ code, usage: 'update', token: 'xyz' }, ctx);
      const lines = text.split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines[lines.length - 1]).toContain('KR-12');
      expect(text).not.toMatch(/\{\w+\}|undefined/);
    });
  }

  it('should quote the token, suggest the closest verb and show its usage', () => {
    const text = renderParseError({ code: 'unknown_verb', usage: 'update', token: 'updte', suggestion: 'update' }, EN);
    expect(text).toBe(
      [
        'I don’t know the command "updte".',
        'Did you mean "update"?',
        'Usage: /okr update KR-12 <value | +5 | -3 | 45% | done> [on-track|at-risk|off-track] [note] — e.g. /okr update KR-12 45 at-risk waiting on legal',
      ].join('\n'),
    );
    const zh = renderParseError({ code: 'bad_number', usage: 'update', token: 'abc' }, ZH);
    expect(zh).toContain('“abc”');
    expect(zh).toContain('用法：更新 KR-12');
  });

  it('should not print a placeholder when there is no token', () => {
    expect(renderParseError({ code: 'missing_argument', usage: 'kpi_log' }, EN)).toBe(
      'Something is missing here.\nUsage: /kpi log <key> <value> [date] — e.g. /kpi log nps 42 2026-11-20',
    );
    expect(renderParseError({ code: 'missing_argument', usage: 'new', token: '--parent' }, EN)).toContain('after "--parent"');
  });
});
