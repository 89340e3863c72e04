import { parseKeyResultSpec } from '../../../../src/domain/command/key-result-spec';

describe('parseKeyResultSpec', () => {
  it.each([
    ['Raise NPS from 30 to 45', { kind: 'increase', start: 30, target: 45 }],
    ['Cut churn from 5% to 3%', { kind: 'decrease', start: 5, target: 3, unit: '%' }],
    ['Grow ARR to $1.2m', { kind: 'increase', start: 0, target: 1.2e6, unit: '$' }],
    ['Reduce p95 latency from 800ms to 200ms', { kind: 'decrease', start: 800, target: 200, unit: 'ms' }],
    ['Grow signups from 1,200 to 5k', { kind: 'increase', start: 1200, target: 5000 }],
    ['Raise NPS 30 → 45', { kind: 'increase', start: 30, target: 45 }],
    ['Raise NPS 30->45', { kind: 'increase', start: 30, target: 45 }],
    ['Keep uptime above 99.9%', { kind: 'stay_above', start: 99.9, target: 99.9, unit: '%' }],
    ['Uptime at least 99.95%', { kind: 'stay_above', start: 99.95, target: 99.95, unit: '%' }],
    ['Uptime ≥ 99.9%', { kind: 'stay_above', start: 99.9, target: 99.9, unit: '%' }],
    ['Keep error rate below 1%', { kind: 'stay_below', start: 1, target: 1, unit: '%' }],
    ['Error rate at most 0.5%', { kind: 'stay_below', start: 0.5, target: 0.5, unit: '%' }],
    ['Keep p95 under 200ms', { kind: 'stay_below', start: 200, target: 200, unit: 'ms' }],
    ['Error rate ≤1%', { kind: 'stay_below', start: 1, target: 1, unit: '%' }],
    ['Reduce churn to 2%', { kind: 'stay_below', start: 2, target: 2, unit: '%' }],
    ['Hire 5 engineers', { kind: 'increase', start: 0, target: 5 }],
    ['Grow revenue by 20% to $1m', { kind: 'increase', start: 0, target: 1e6, unit: '$' }],
    ['NPS 从 30 提升到 45', { kind: 'increase', start: 30, target: 45 }],
    ['从30到45', { kind: 'increase', start: 30, target: 45 }],
    ['客户流失率从5%降到3%', { kind: 'decrease', start: 5, target: 3, unit: '%' }],
    ['响应时间由800ms降低至200ms', { kind: 'decrease', start: 800, target: 200, unit: 'ms' }],
    ['可用性保持在99.9%以上', { kind: 'stay_above', start: 99.9, target: 99.9, unit: '%' }],
    ['错误率保持在1%以下', { kind: 'stay_below', start: 1, target: 1, unit: '%' }],
    ['错误率低于1%', { kind: 'stay_below', start: 1, target: 1, unit: '%' }],
    ['营收达到300万', { kind: 'increase', start: 0, target: 3e6 }],
    ['营收达到300万元', { kind: 'increase', start: 0, target: 3e6, unit: '¥' }],
    ['Ship the mobile app', { kind: 'milestone', start: 0, target: 1 }],
    ['上线新版官网', { kind: 'milestone', start: 0, target: 1 }],
    ['Ship v2 by 2026-12-01', { kind: 'milestone', start: 0, target: 1 }],
    ['Launch in 2026', { kind: 'milestone', start: 0, target: 1 }],
    ['2026年上线小程序', { kind: 'milestone', start: 0, target: 1 }],
    ['Close 2026-Q4 books', { kind: 'milestone', start: 0, target: 1 }],
    ['Grow to 1e309', { kind: 'increase', start: 0, target: 1 }],
    [`Grow to ${'9'.repeat(150)}`, { kind: 'milestone', start: 0, target: 1 }],
  ])('%s', (text, expected) => {
    expect(parseKeyResultSpec(text)).toEqual({ title: text, ...expected });
  });

  it('uses the trimmed text as title and caps it at 200 characters', () => {
    expect(parseKeyResultSpec('  Ship it  ')?.title).toBe('Ship it');
    expect(parseKeyResultSpec('好'.repeat(300))?.title).toBe('好'.repeat(200));
  });

  it('returns null without a title', () => {
    expect(parseKeyResultSpec('')).toBeNull();
    expect(parseKeyResultSpec(' \u3000 ')).toBeNull();
  });
});
