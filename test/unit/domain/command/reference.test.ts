import fc from 'fast-check';
import { parseMemberRef, parseReference, parseTeamRef } from '../../../../src/domain/command/reference';

describe('parseReference', () => {
  it.each([
    ['O-7', { type: 'objective', number: 7 }],
    ['o7', { type: 'objective', number: 7 }],
    ['KR-12', { type: 'key_result', number: 12 }],
    ['kr12', { type: 'key_result', number: 12 }],
    ['Kr_12', { type: 'key_result', number: 12 }],
    ['KR–12', { type: 'key_result', number: 12 }],
    ['ＫＲ－１２', { type: 'key_result', number: 12 }],
    ['KR-012', { type: 'key_result', number: 12 }],
    ['KR-12.', { type: 'key_result', number: 12 }],
    ['KR12。', { type: 'key_result', number: 12 }],
    ['B-3', { type: 'blocker', number: 3 }],
    ['b3', { type: 'blocker', number: 3 }],
  ])('%s', (word, expected) => {
    expect(parseReference(word)).toEqual(expected);
  });

  it.each(['', 'O', 'KR-', 'KR-0', 'X-7', 'K-12', 'KR--12', 'KR-1.5', 'KR-12a', 'KR-9999999999', 'OKR-7', '7'])(
    'rejects %j',
    (word) => {
      expect(parseReference(word)).toBeNull();
    },
  );

  it('gives the same reference for any case and with or without dash', () => {
    const prefix = fc.constantFrom('o', 'kr', 'b');
    const casing = (s: string) => fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length })
      .map((flags) => [...s].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(''));
    fc.assert(
      fc.property(
        prefix.chain((p) => fc.tuple(fc.constant(p), casing(p))),
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.constantFrom('', '-', '_', '–'),
        ([p, cased], n, dash) => {
          const expected = parseReference(`${p}-${n}`);
          expect(expected).not.toBeNull();
          expect(parseReference(`${cased}${dash}${n}`)).toEqual(expected);
          expect(parseReference(`${cased.toUpperCase()}${n}`)).toEqual(expected);
        },
      ),
    );
  });
});

describe('parseMemberRef / parseTeamRef', () => {
  it.each([
    ['<@U123>', { id: 'U123' }],
    ['<@U123|alice>', { id: 'U123', name: 'alice' }],
    ['@alice', { name: 'alice' }],
    ['＠张三', { name: '张三' }],
    ['@alice,', { name: 'alice' }],
  ])('member %s', (word, expected) => {
    expect(parseMemberRef(word)).toEqual(expected);
  });

  it('accepts a bare name only when asked to', () => {
    expect(parseMemberRef('bob')).toBeNull();
    expect(parseMemberRef('bob', true)).toEqual({ name: 'bob' });
    expect(parseMemberRef('@')).toBeNull();
    expect(parseMemberRef('<@>')).toBeNull();
  });

  it.each([
    ['<#C123|eng>', { id: 'C123', name: 'eng' }],
    ['<#C123>', { id: 'C123' }],
    ['<!subteam^S1|@eng>', { id: 'S1', name: 'eng' }],
    ['#eng', { name: 'eng' }],
    ['＃研发', { name: '研发' }],
  ])('team %s', (word, expected) => {
    expect(parseTeamRef(word)).toEqual(expected);
  });

  it('accepts a bare team name only when asked to', () => {
    expect(parseTeamRef('eng')).toBeNull();
    expect(parseTeamRef('研发部', true)).toEqual({ name: '研发部' });
    expect(parseTeamRef('#')).toBeNull();
  });
});
