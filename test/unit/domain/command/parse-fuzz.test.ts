import fc from 'fast-check';
import type { Command, ParseError } from '../../../../src/domain/command/command';
import { parseChatText, parseCommand } from '../../../../src/domain/command/parse-command';
import type { Result } from '../../../../src/domain/result';
import { KPI_ALIASES, OKR_ALIASES } from '../../../../src/domain/command/verbs';

const ERROR_CODES = new Set([
  'empty', 'too_long', 'unknown_verb', 'missing_argument', 'bad_reference', 'bad_number', 'bad_date', 'bad_score',
  'bad_option', 'bad_key', 'unterminated_quote', 'extra_argument',
]);

/** Plain checks rather than `expect` inside the property: 30,000 runs of `expect` dominate the test time. */
function wellFormed(result: Result<Command, ParseError>): boolean {
  if (result.ok === true) return typeof result.value.verb === 'string' && JSON.stringify(result.value).length > 0;
  if (result.ok !== false) return false;
  const { code, usage, token } = result.error;
  return ERROR_CODES.has(code) && typeof usage === 'string' && (token === undefined || Array.from(token).length <= 41);
}

function throughEveryEntryPoint(text: string): boolean {
  return wellFormed(parseChatText(text)) && wellFormed(parseCommand('okr', text)) && wellFormed(parseCommand('kpi', text));
}

const FRAGMENTS = [
  ...Object.values(OKR_ALIASES).flat(), ...Object.values(KPI_ALIASES).flat(),
  '/okr', 'okr', '/kpi', 'kpi', '指标', 'O-7', 'o7', 'KR-12', 'kr12', 'B-3', 'KR-0', 'KR-', 'kr-99999999999',
  '<@U1>', '<@U1|bob>', '<@', '@bob', '@OKR助手', '<#C1|eng>', '<#', '#eng', '<!subteam^S1|@x>',
  '1e309', '9'.repeat(400), '-0', '+5', '-3', '45%', '3万', '2亿亿亿', '¥30', '1,200', '1.2k', '$', '0.7', '70%', 'NaN',
  '"', '“', '”', '「', '』', '""', '"a b"', '--parent', '--team', '--weight', '--level', '--owner', '--help', '--', '—',
  '--target=', '--x=1', '2026-12-01', '2026-02-30', '2026年12月1日', 'on track', 'at-risk', '有风险', 'done', '完成',
  'none', 'until', '到', '\u3000', '\u200b', '\ud800', '\udfff', '😀', '\n', '\t', ':', '：',
];
const separator = fc.constantFrom(' ', '', '\u3000', '\n', '  ', '\u2005');
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const mixture = fc
  .tuple(fc.array(fragment, { maxLength: 14 }), fc.array(separator, { minLength: 14, maxLength: 14 }))
  .map(([parts, seps]) => parts.map((p, i) => p + (seps[i] ?? ' ')).join(''));

describe('the parser never throws and always returns a Result', () => {
  it('for 10,000 random binary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), throughEveryEntryPoint), { numRuns: 10_000 });
  });

  it('for 10,000 random grapheme strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), throughEveryEntryPoint), { numRuns: 10_000 });
  });

  it('for 10,000 mixtures of verbs, references, mentions, quotes and huge numbers', () => {
    fc.assert(fc.property(mixture, throughEveryEntryPoint), { numRuns: 10_000 });
  });

  it('for inputs around the 2,000-character limit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1900, max: 2100 }), (f, n) =>
        throughEveryEntryPoint(`update KR-12 ${f.repeat(Math.ceil(n / Math.max(1, f.length)))}`.slice(0, n)),
      ),
      { numRuns: 300 },
    );
  });

  it('stays fast on pathological input', () => {
    const inputs = [
      `kr add O-7 ${'1'.repeat(1980)}`,
      `kr add O-7 ${'from 1 to '.repeat(198)}`,
      `kr add O-7 ${'"'.repeat(1980)}`,
      `new ${'“'.repeat(1990)}`,
      `blocker KR-12 ${'--help '.repeat(280)}`,
      `${'a'.repeat(1999)}`,
      `kr add O-7 ${'以上1%'.repeat(490)}`,
      `${' '.repeat(100_000)}help${'\u200b'.repeat(100_000)}`,
    ];
    const started = Date.now();
    for (const input of inputs) expect(throughEveryEntryPoint(input)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('treats null-ish input from untyped callers as empty', () => {
    expect(parseChatText(undefined as unknown as string)).toEqual({ ok: true, value: { verb: 'home' } });
    expect(parseCommand('kpi', null as unknown as string)).toEqual({ ok: true, value: { verb: 'kpi_list' } });
  });
});
