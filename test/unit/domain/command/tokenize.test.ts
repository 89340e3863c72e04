import { tokenize } from '../../../../src/domain/command/tokenize';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it.each([
    ['update KR-12 45', ['update', 'KR-12', '45']],
    ['  a\u3000b\tc\n d ', ['a', 'b', 'c', 'd']],
    ['new "Grow the business" --team #eng', ['new', 'Grow the business', '--team', '#eng']],
    ['新建“提升客户满意度”', ['新建', '提升客户满意度']],
    ['新建 「提升满意度」 『二』', ['新建', '提升满意度', '二']],
    ['new ”smart quotes” x', ['new', 'smart quotes', 'x']],
    ['5" screen', ['5"', 'screen']],
    ['""', ['']],
  ])('%j', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('keeps offsets into the source so notes can be sliced raw', () => {
    const s = 'update KR-12 45  waiting   on legal';
    const tokens = tokenize(s);
    expect(s.slice(tokens[3]!.start)).toBe('waiting   on legal');
    expect(tokens.every((t) => s.slice(t.start, t.end).includes(t.text))).toBe(true);
  });

  it('marks an unterminated quote and runs it to the end', () => {
    const [, t] = tokenize('new "Grow the business');
    expect(t).toMatchObject({ text: 'Grow the business', quoted: true, unterminated: true });
  });
});
