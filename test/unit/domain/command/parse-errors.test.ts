import type { ParseError } from '../../../../src/domain/command/command';
import { parseChatText, parseCommand } from '../../../../src/domain/command/parse-command';

type Where = 'chat' | 'kpi';

const errorOf = (where: Where, text: string): ParseError | undefined => {
  const result = where === 'chat' ? parseChatText(text) : parseCommand('kpi', text);
  return result.ok ? undefined : result.error;
};

describe('malformed and hostile input gives the specific error', () => {
  it.each<[Where, string, Partial<ParseError>]>([
    ['chat', 'x'.repeat(2001), { code: 'too_long' }],
    ['chat', `update KR-12 45 ${'a'.repeat(2000)}`, { code: 'too_long' }],
    ['chat', 'frobnicate', { code: 'unknown_verb', usage: 'help', token: 'frobnicate', suggestion: undefined }],
    ['chat', 'updte KR-12 45', { code: 'unknown_verb', usage: 'update', suggestion: 'update' }],
    ['chat', '更薪 KR12 45', { code: 'unknown_verb', usage: 'update', suggestion: '更新' }],
    ['chat', 'lsit', { code: 'unknown_verb', usage: 'list', suggestion: 'list' }],
    ['chat', 'hello', { code: 'unknown_verb', usage: 'help', suggestion: 'help' }],
    ['chat', '团队研发部', { code: 'unknown_verb', usage: 'team', suggestion: '团队' }],
    ['chat', '更新一下', { code: 'unknown_verb', usage: 'update', suggestion: '更新' }],
    ['chat', 'O-7 45', { code: 'unknown_verb', usage: 'show' }],
    ['chat', '"quoted first"', { code: 'unknown_verb' }],
    ['chat', 'kr frob', { code: 'unknown_verb', usage: 'kr_add', suggestion: 'kr add' }],
    ['chat', 'update', { code: 'missing_argument', usage: 'update' }],
    ['chat', 'update KR-12', { code: 'missing_argument', usage: 'update' }],
    ['chat', 'update O-7 45', { code: 'bad_reference', usage: 'update', token: 'O-7' }],
    ['chat', 'update foo 45', { code: 'bad_reference', usage: 'update', token: 'foo' }],
    ['chat', 'update KR-12 lots', { code: 'bad_number', usage: 'update', token: 'lots' }],
    ['chat', 'update KR-12 1e309', { code: 'bad_number', usage: 'update' }],
    ['chat', `update KR-12 ${'9'.repeat(400)}`, { code: 'bad_number', usage: 'update' }],
    ['chat', 'update KR-12 NaN', { code: 'bad_number' }],
    ['chat', 'update KR-12 Infinity', { code: 'bad_number' }],
    ['chat', 'update "Raise NPS 45', { code: 'unterminated_quote', usage: 'update' }],
    ['chat', 'show', { code: 'missing_argument', usage: 'show' }],
    ['chat', 'show KR-0', { code: 'bad_reference', usage: 'show' }],
    ['chat', 'show KR-99999999999', { code: 'bad_reference', usage: 'show' }],
    ['chat', 'show KR-12 please', { code: 'extra_argument', usage: 'show', token: 'please' }],
    ['chat', 'show "', { code: 'unterminated_quote', usage: 'show' }],
    ['chat', 'new "Unclosed title', { code: 'unterminated_quote', usage: 'new' }],
    ['chat', 'new 「Unclosed', { code: 'unterminated_quote', usage: 'new' }],
    ['chat', 'new Title --bogus 1', { code: 'bad_option', usage: 'new', token: '--bogus' }],
    ['chat', 'new Title --level galaxy', { code: 'bad_option', usage: 'new', token: 'galaxy' }],
    ['chat', 'new Title --weight -2', { code: 'bad_number', usage: 'new' }],
    ['chat', 'new Title --parent KR-12', { code: 'bad_reference', usage: 'new' }],
    ['chat', 'new Title --team', { code: 'missing_argument', usage: 'new', token: '--team' }],
    ['chat', 'new Title --team --level team', { code: 'missing_argument', usage: 'new' }],
    ['chat', `new ${'x'.repeat(201)}`, { code: 'too_long', usage: 'new' }],
    ['chat', 'kr add O-7', { code: 'missing_argument', usage: 'kr_add' }],
    ['chat', 'kr add', { code: 'missing_argument', usage: 'kr_add' }],
    ['chat', 'kr add KR-12 Raise NPS', { code: 'bad_reference', usage: 'kr_add' }],
    ['chat', 'kr add O-7 "Raise NPS', { code: 'unterminated_quote', usage: 'kr_add' }],
    ['chat', 'kr add O-7 Raise NPS --owner', { code: 'missing_argument', usage: 'kr_add' }],
    ['chat', 'kr add O-7 Raise NPS --target 5', { code: 'bad_option', usage: 'kr_add' }],
    ['chat', 'resolve KR-12', { code: 'bad_reference', usage: 'resolve' }],
    ['chat', 'resolve "some blocker"', { code: 'bad_reference', usage: 'resolve' }],
    ['chat', 'score O-7 1.5', { code: 'bad_score', usage: 'score', token: '1.5' }],
    ['chat', 'score O-7 150%', { code: 'bad_score', usage: 'score' }],
    ['chat', 'score O-7 -0.1', { code: 'bad_score', usage: 'score' }],
    ['chat', 'score O-7 7/10', { code: 'bad_score', usage: 'score' }],
    ['chat', 'score O-7 70', { code: 'bad_score', usage: 'score' }],
    ['chat', 'score O-7', { code: 'missing_argument', usage: 'score' }],
    ['chat', 'score B-1 0.5', { code: 'bad_reference', usage: 'score' }],
    ['chat', 'ooo 2026-02-30', { code: 'bad_date', usage: 'ooo', token: '2026-02-30' }],
    ['chat', 'ooo tomorrow', { code: 'bad_date', usage: 'ooo' }],
    ['chat', 'ooo 2026-12-01 2026-11-20', { code: 'bad_date', usage: 'ooo' }],
    ['chat', '请假 到 2026年2月30日', { code: 'bad_date', usage: 'ooo' }],
    ['chat', 'ooo', { code: 'missing_argument', usage: 'ooo' }],
    ['chat', 'ooo until', { code: 'missing_argument', usage: 'ooo' }],
    ['chat', 'ooo 2026-11-01 2026-11-02 2026-11-03', { code: 'extra_argument', usage: 'ooo' }],
    ['chat', 'snooze 0', { code: 'bad_number', usage: 'snooze' }],
    ['chat', 'snooze 31', { code: 'bad_number', usage: 'snooze' }],
    ['chat', 'snooze 5 weeks', { code: 'bad_number', usage: 'snooze' }],
    ['chat', 'snooze forever', { code: 'bad_number', usage: 'snooze' }],
    ['chat', 'snooze 1.5', { code: 'bad_number', usage: 'snooze' }],
    ['chat', 'edit O-7', { code: 'missing_argument', usage: 'edit' }],
    ['chat', 'edit O-7 --pace zigzag', { code: 'bad_option', usage: 'edit' }],
    ['chat', 'edit O-7 --target 50', { code: 'bad_option', usage: 'edit', token: '50' }],
    ['chat', 'edit KR-12 --level team', { code: 'bad_option', usage: 'edit' }],
    ['chat', 'edit KR-12 --target abc', { code: 'bad_number', usage: 'edit' }],
    ['chat', 'edit B-1 --title x', { code: 'bad_reference', usage: 'edit' }],
    ['chat', 'align O-9', { code: 'missing_argument', usage: 'align' }],
    ['chat', 'align O-9 KR-3', { code: 'bad_reference', usage: 'align' }],
    ['chat', 'align O-9 O-3 O-4', { code: 'extra_argument', usage: 'align' }],
    ['chat', 'close B-4', { code: 'bad_reference', usage: 'close' }],
    ['chat', 'reopen', { code: 'missing_argument', usage: 'close' }],
    ['chat', 'comment KR-12', { code: 'missing_argument', usage: 'comment' }],
    ['chat', 'comment B-1 hi', { code: 'bad_reference', usage: 'comment' }],
    ['chat', 'blocker KR-12 --help @bob', { code: 'missing_argument', usage: 'blocker' }],
    ['chat', 'blocker KR-12 stuck --urgent', { code: 'bad_option', usage: 'blocker', token: '--urgent' }],
    ['chat', 'checkin now', { code: 'extra_argument', usage: 'checkin' }],
    ['chat', 'list @bob #eng', { code: 'extra_argument', usage: 'list' }],
    ['chat', 'list 2026-Q3 2026-Q4', { code: 'extra_argument', usage: 'list' }],
    ['chat', 'mine #eng', { code: 'extra_argument', usage: 'list' }],
    ['chat', 'tree KR-12', { code: 'bad_reference', usage: 'tree' }],
    ['chat', 'review 2026-Q3 2026-Q4', { code: 'extra_argument', usage: 'review' }],
    ['kpi', 'log nps', { code: 'missing_argument', usage: 'kpi_log' }],
    ['kpi', 'log nps abc', { code: 'bad_number', usage: 'kpi_log' }],
    ['kpi', 'log nps 1e309', { code: 'bad_number', usage: 'kpi_log' }],
    ['kpi', 'log 42 42', { code: 'bad_key', usage: 'kpi_log' }],
    ['kpi', 'log nps 42 2026-13-01', { code: 'bad_date', usage: 'kpi_log' }],
    ['kpi', 'log nps 42 2026-11-01 extra', { code: 'extra_argument', usage: 'kpi_log' }],
    ['kpi', 'show "nps"', { code: 'bad_key', usage: 'kpi_show' }],
    ['kpi', 'show', { code: 'missing_argument', usage: 'kpi_show' }],
    ['kpi', 'link nps', { code: 'missing_argument', usage: 'kpi_link' }],
    ['kpi', 'link O-7 nps', { code: 'bad_reference', usage: 'kpi_link' }],
    ['kpi', 'new nps --direction sideways', { code: 'bad_option', usage: 'kpi_new' }],
    ['kpi', 'new nps --freq hourly', { code: 'bad_option', usage: 'kpi_new' }],
    ['kpi', 'new nps --target lots', { code: 'bad_number', usage: 'kpi_new' }],
    ['kpi', 'new nps --alert-after 0', { code: 'bad_number', usage: 'kpi_new' }],
    ['kpi', 'new nps --alert-after 2.5', { code: 'bad_number', usage: 'kpi_new' }],
    ['kpi', 'new nps --alert-after 53', { code: 'bad_number', usage: 'kpi_new' }],
    ['kpi', 'new nps --colour red', { code: 'bad_option', usage: 'kpi_new' }],
    ['kpi', 'list all', { code: 'extra_argument', usage: 'kpi_list' }],
    ['kpi', 'frob', { code: 'unknown_verb', usage: 'help' }],
    ['kpi', 'lst', { code: 'unknown_verb', usage: 'kpi_list', suggestion: 'list' }],
  ])('%s %j', (where, text, expected) => {
    const error = errorOf(where, text);
    expect(error).toBeDefined();
    const { suggestion, ...rest } = expected;
    expect(error).toMatchObject(rest);
    if ('suggestion' in expected) expect(error?.suggestion).toBe(suggestion);
  });

  it('shortens echoed tokens', () => {
    const error = errorOf('chat', `show ${'好'.repeat(100)}`);
    expect(error?.code).toBe('bad_reference');
    expect(Array.from(error?.token ?? '').length).toBeLessThanOrEqual(41);
  });
});
