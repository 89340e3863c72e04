import { parseCommand } from '../../../../src/domain/command/parse-command';

describe('token commands', () => {
  it.each([
    ['token new crm', { verb: 'token_new', name: 'crm' }],
    ['token new "BI nightly"', { verb: 'token_new', name: 'BI nightly' }],
    ['token create BI nightly', { verb: 'token_new', name: 'BI nightly' }],
    ['令牌 新建 crm', { verb: 'token_new', name: 'crm' }],
    ['新建令牌 数据中台', { verb: 'token_new', name: '数据中台' }],
    ['token list', { verb: 'token_list' }],
    ['tokens', { verb: 'token_list' }],
    ['令牌 列表', { verb: 'token_list' }],
    ['令牌', { verb: 'token_list' }],
    ['token revoke crm', { verb: 'token_revoke', name: 'crm' }],
    ['令牌 撤销 crm', { verb: 'token_revoke', name: 'crm' }],
  ])('should parse %s', (text, expected) => {
    expect(parseCommand('okr', text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['token new', 'missing_argument', 'token_new'],
    ['token revoke', 'missing_argument', 'token_revoke'],
    ['token new "crm', 'unterminated_quote', 'token_new'],
    [`token new ${'x'.repeat(81)}`, 'too_long', 'token_new'],
    ['token list crm', 'extra_argument', 'token_list'],
  ])('should refuse %s', (text, code, usage) => {
    const parsed = parseCommand('okr', text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ code, usage });
  });
});
