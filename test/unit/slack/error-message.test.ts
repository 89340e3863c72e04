import type { ParseError } from '../../../src/domain/command/command';
import { renderErrorMessage, renderUnexpectedError } from '../../../src/slack/blocks/error-message.blocks';
import type { UseCaseError } from '../../../src/use-cases/outcome';
import { CONTEXTS, EN, ZH } from '../render/fixtures';
import { allText, problems } from './helpers';

const USE_CASE_ERRORS: UseCaseError[] = [
  { code: 'not_found', what: 'KR-99', suggestions: ['KR-9', 'KR-19'] },
  { code: 'ambiguous', what: '"<!channel> growth"', suggestions: ['O-1', 'O-2'] },
  { code: 'forbidden', ref: 'O-7' },
  { code: 'admin_only' },
  { code: 'unknown_member', name: '<@U123> & co' },
  { code: 'unknown_team', name: '' },
  { code: 'value_needed', ref: 'KR-12' },
  { code: 'kpi_exists', key: 'nps' },
  { code: 'invalid_kpi', reason: 'thresholds' },
  { code: 'too_many_key_results', ref: 'O-7', max: 10 },
  { code: 'forbidden', ref: '#<!channel>', kind: 'team' },
  { code: 'forbidden', ref: '@<@U1>', kind: 'member' },
  { code: 'team_exists', handle: '<!here>' },
  { code: 'no_team' },
  { code: 'last_admin' },
  { code: 'reporting_cycle', member: '@<!channel>', manager: '@'.repeat(5_000) },
  { code: 'invalid_setting', field: 'time' },
  { code: 'not_found', what: 'x'.repeat(5_000), suggestions: Array.from({ length: 50 }, () => 'y'.repeat(3_000)) },
];

const PARSE_ERRORS: ParseError[] = [
  { code: 'unknown_verb', usage: 'update', token: 'updte', suggestion: 'update' },
  { code: 'bad_number', usage: 'update', token: '<!here>' },
  { code: 'missing_argument', usage: 'kr_add' },
  { code: 'too_long', usage: 'help', token: '<'.repeat(5_000) },
];

describe('renderErrorMessage', () => {
  for (const ctx of CONTEXTS) {
    it(`should render every error as one valid, escaped message (${ctx.locale})`, () => {
      for (const error of [...USE_CASE_ERRORS, ...PARSE_ERRORS]) {
        const message = renderErrorMessage(error, ctx);
        expect(message.text.trim()).not.toBe('');
        expect(message.blocks.length).toBeGreaterThan(0);
        expect(problems([message])).toEqual([]);
      }
    });
  }

  it('should tell the two kinds of error apart and show the usage of parse errors escaped', () => {
    const parse = allText(renderErrorMessage(PARSE_ERRORS[0]!, EN));
    expect(parse).toContain('I don’t know the command "updte".');
    expect(parse).toContain('Did you mean "update"?');
    expect(parse).toContain('Usage: /okr update KR-12 &lt;value | +5 | -3 | 45% | done&gt;');
    const useCase = allText(renderErrorMessage(USE_CASE_ERRORS[0]!, EN));
    expect(useCase).toContain('I can’t find KR-99.');
    expect(useCase).toContain('Did you mean: KR-9, KR-19?');
    expect(allText(renderErrorMessage(USE_CASE_ERRORS[4]!, ZH))).toContain('&lt;@U123&gt; &amp; co');
  });
});

describe('renderUnexpectedError', () => {
  it('should apologise with the correlation id, in the reader’s language', () => {
    const message = renderUnexpectedError('ab12cd34', EN);
    expect(message.text).toBe('Something went wrong (ab12cd34). Nothing was changed.');
    expect(problems([message])).toEqual([]);
    expect(renderUnexpectedError('ab12cd34', ZH).text).toContain('ab12cd34');
    expect(problems([renderUnexpectedError('<!channel>'.repeat(1_000), EN)])).toEqual([]);
  });
});
