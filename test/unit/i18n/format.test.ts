import fc from 'fast-check';
import { formatDate, formatDay, formatNumber, formatPercent } from '../../../src/i18n/format';

describe('formatNumber', () => {
  it.each([
    [1200, undefined, '1,200'],
    [1_200_000, undefined, '1.2M'],
    [3_000_000_000, undefined, '3B'],
    [45, '%', '45%'],
    [12.345, undefined, '12.35'],
    [200, 'ms', '200 ms'],
    [1_200_000, '$', '$1.2M'],
    [-5, '€', '-€5'],
    [30, '£', '£30'],
    [999_999.999, undefined, '1M'],
    [999_999_999, undefined, '1B'],
    [-0, undefined, '0'],
    [-0.001, undefined, '0'],
    [0.5, null, '0.5'],
    [1e20, undefined, '1e+20'],
  ])('en: %p %p -> %p', (n, unit, expected) => {
    expect(formatNumber('en', n, unit)).toBe(expected);
  });

  it.each([
    [1200, undefined, '1,200'],
    [12_000, undefined, '1.2万'],
    [1_200_000, undefined, '120万'],
    [300_000_000, undefined, '3亿'],
    [99_999_999, undefined, '1亿'],
    [3_000_000, '¥', '¥300万'],
    [45, '%', '45%'],
    [300, '元', '300元'],
    [200, 'ms', '200 ms'],
  ])('zh-CN: %p %p -> %p', (n, unit, expected) => {
    expect(formatNumber('zh-CN', n, unit)).toBe(expected);
  });

  it('should never print NaN or Infinity, whatever the number', () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom('en' as const, 'zh-CN' as const), fc.constantFrom(undefined, '%', '$', 'ms'), (n, locale, unit) => {
        const text = formatNumber(locale, n, unit);
        expect(text).not.toMatch(/NaN|Infinity/);
        expect(text.length).toBeGreaterThan(0);
      }),
    );
  });

  it('should show at most two decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e5, max: 1e5, noNaN: true }), (n) => {
        expect(formatNumber('en', n)).not.toMatch(/\.\d{3}/);
      }),
    );
  });
});

describe('formatPercent', () => {
  it('should round the given fraction to a whole percent without clamping', () => {
    expect(formatPercent(0.523)).toBe('52%');
    expect(formatPercent(1.2)).toBe('120%');
    expect(formatPercent(-0.001)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('–');
  });

  it('should never print NaN or Infinity', () => {
    fc.assert(fc.property(fc.double(), (n) => expect(formatPercent(n)).not.toMatch(/NaN|Infinity/)));
  });
});

describe('dates', () => {
  const at = new Date('2026-11-23T09:00:00Z');

  it('should format an instant as a day in the reader’s time zone', () => {
    expect(formatDate('en', at, 'Europe/Berlin')).toBe('Nov 23');
    expect(formatDate('zh-CN', at, 'Asia/Shanghai')).toBe('11月23日');
    expect(formatDate('en', new Date('2026-11-23T23:30:00Z'), 'Asia/Shanghai')).toBe('Nov 24');
    expect(formatDate('en', at, 'Not/AZone')).toBe('Nov 23');
    expect(formatDate('en', new Date(Number.NaN), 'UTC')).toBe('–');
  });

  it('should format an ISO day', () => {
    expect(formatDay('en', '2026-12-01')).toBe('Dec 1');
    expect(formatDay('zh-CN', '2026-12-01')).toBe('12月1日');
    expect(formatDay('en', '2026-12-01', { withYear: true })).toBe('Dec 1, 2026');
    expect(formatDay('zh-CN', '2026-12-01', { withYear: true })).toBe('2026年12月1日');
    expect(formatDay('en', 'soon')).toBe('soon');
  });
});
