import fc from 'fast-check';
import { parseQuantity } from '../../../../src/domain/command/quantity';

describe('parseQuantity', () => {
  it.each([
    ['45', { value: 45 }],
    ['0', { value: 0 }],
    ['-0', { value: 0 }],
    ['3.5', { value: 3.5 }],
    ['.5', { value: 0.5 }],
    ['1,200', { value: 1200 }],
    ['1,200,000.5', { value: 1200000.5 }],
    ['1.2k', { value: 1200 }],
    ['1.1K', { value: 1100 }],
    ['3m', { value: 3e6 }],
    ['3M', { value: 3e6 }],
    ['2b', { value: 2e9 }],
    ['2bn', { value: 2e9 }],
    ['3万', { value: 30000 }],
    ['2亿', { value: 2e8 }],
    ['5千', { value: 5000 }],
    ['3百', { value: 300 }],
    ['1.5千万', { value: 1.5e7 }],
    ['¥30', { value: 30, unit: '¥' }],
    ['￥30', { value: 30, unit: '¥' }],
    ['$1.2m', { value: 1.2e6, unit: '$' }],
    ['€5', { value: 5, unit: '€' }],
    ['£7.5k', { value: 7500, unit: '£' }],
    ['30元', { value: 30, unit: '¥' }],
    ['3万元', { value: 30000, unit: '¥' }],
    ['¥30元', { value: 30, unit: '¥' }],
    ['45%', { value: 45, unit: '%' }],
    ['４５％', { value: 45, unit: '%' }],
    ['200ms', { value: 200, unit: 'ms' }],
    ['45pts', { value: 45, unit: 'pts' }],
    ['10kg', { value: 10, unit: 'kg' }],
    ['12个', { value: 12, unit: '个' }],
    ['+5', { value: 5 }],
    ['-3', { value: -3 }],
    ['−3', { value: -3 }],
    ['-$5', { value: -5, unit: '$' }],
    ['$-5', { value: -5, unit: '$' }],
    ['45.', { value: 45 }],
    ['45。', { value: 45 }],
    ['999999999999999', { value: 999999999999999 }],
  ])('%s', (token, expected) => {
    expect(parseQuantity(token)).toEqual(expected);
  });

  it.each([
    '', 'abc', '.', '-', '$', '1,2', '12,34', '1e309', '1e3', 'NaN', 'Infinity', '9'.repeat(400), '2000000000000000',
    '1.5.5', '$5%', '$5元', '5$', '++5', '1 2', '%', '万', '3万亿亿亿', '45 %', `${'9'.repeat(70)}`,
  ])('rejects %j', (token) => {
    expect(parseQuantity(token)).toBeNull();
  });

  const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100);

  it('round-trips plain, %, k, 万 and ¥ forms', () => {
    fc.assert(
      fc.property(amount, (n) => {
        expect(parseQuantity(String(n))).toEqual({ value: n });
        expect(parseQuantity(`${n}%`)).toEqual({ value: n, unit: '%' });
        expect(parseQuantity(`¥${n}`)).toEqual({ value: n, unit: '¥' });
        expect(parseQuantity(`￥${n}`)).toEqual({ value: n, unit: '¥' });
        expect(parseQuantity(`-${n}`)).toEqual({ value: n === 0 ? 0 : -n });
        expect(parseQuantity(`${n}k`)?.value).toBe(Number(`${n}e3`));
        expect(parseQuantity(`${n}万`)?.value).toBe(Number(`${n}e4`));
        expect(parseQuantity(`$${n}m`)).toEqual({ value: Number(`${n}e6`), unit: '$' });
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(parseQuantity(n.toLocaleString('en-US'))).toEqual({ value: n });
      }),
    );
  });

  it('never returns a non-finite or absurd value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const q = parseQuantity(s);
        if (q) expect(Number.isFinite(q.value) && Math.abs(q.value) <= 1e15).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
