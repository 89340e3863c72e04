import { dayLabel, dayNumber, dayTicks, isoDay } from '../../../src/charts/day-axis';
import { bandAreas } from '../../../src/charts/kpi-band-areas';
import { niceTicks } from '../../../src/charts/scale';
import { textWidth, truncateToWidth } from '../../../src/charts/text-fit';

describe('niceTicks', () => {
  it('should cover the values with round steps', () => {
    expect(niceTicks(30, 45)).toEqual({ domain: [30, 45], ticks: [30, 35, 40, 45] });
    const { domain, ticks } = niceTicks(0.1, 0.7);
    expect(domain[0]).toBeLessThanOrEqual(0.1);
    expect(domain[1]).toBeGreaterThanOrEqual(0.7);
    expect(ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]); // no 0.6000000000000001
  });

  it('should give a flat or empty series a visible range', () => {
    expect(niceTicks(5, 5).domain[1]).toBeGreaterThan(niceTicks(5, 5).domain[0]);
    expect(niceTicks(0, 0).ticks.length).toBeGreaterThan(1);
    expect(niceTicks(Number.NaN, 3)).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });
});

describe('day axis', () => {
  it('should put a timestamp on the reader’s day and a plain date on its own day', () => {
    const late = '2026-11-23T20:00:00Z';
    expect(isoDay(dayNumber(late, 'UTC'))).toBe('2026-11-23');
    expect(isoDay(dayNumber(late, 'Asia/Shanghai'))).toBe('2026-11-24');
    expect(isoDay(dayNumber('2026-11-23', 'America/Los_Angeles'))).toBe('2026-11-23');
    expect(dayNumber('soon', 'UTC')).toBeNaN();
  });

  it('should label days per locale and space ticks by round steps', () => {
    const day = dayNumber('2026-11-23', 'UTC');
    expect(dayLabel('en', day)).toBe('Nov 23');
    expect(dayLabel('zh-CN', day)).toBe('11月23日');
    expect(dayTicks(day, day + 90)).toEqual([0, 1, 2, 3, 4].map((i) => day + i * 28).filter((d) => d <= day + 90));
    expect(dayTicks(day, day + 3)).toEqual([day, day + 1, day + 2, day + 3]);
  });
});

describe('bandAreas', () => {
  it('should stripe an at-least KPI red, yellow, green from the bottom up', () => {
    const spec = { kind: 'at_least' as const, greenMin: 40, greenMax: null, yellowMin: 30, yellowMax: null };
    expect(bandAreas(spec, 0, 100)).toEqual([
      { from: 0, to: 30, band: 'red' },
      { from: 30, to: 40, band: 'yellow' },
      { from: 40, to: 100, band: 'green' },
    ]);
  });

  it('should stripe a between KPI on both sides and merge neighbours of one colour', () => {
    const spec = { kind: 'between' as const, greenMin: 10, greenMax: 20, yellowMin: 5, yellowMax: 30 };
    expect(bandAreas(spec, 0, 40).map((a) => a.band)).toEqual(['red', 'yellow', 'green', 'yellow', 'red']);
    expect(bandAreas({ ...spec, yellowMin: null, yellowMax: null }, 0, 40).map((a) => a.band)).toEqual(['red', 'green', 'red']);
    expect(bandAreas(spec, 12, 18)).toEqual([{ from: 12, to: 18, band: 'green' }]);
    expect(bandAreas(spec, 5, 5)).toEqual([]);
  });
});

describe('truncateToWidth', () => {
  it('should keep a short title and cut a long one with an ellipsis inside the width', () => {
    expect(truncateToWidth('  Raise   NPS ', 18, 760)).toBe('Raise NPS');
    const long = '把净推荐值从三十提高到四十五'.repeat(5);
    const cut = truncateToWidth(long, 18, 300);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 18)).toBeLessThanOrEqual(300);
    expect(textWidth('中', 10)).toBeGreaterThan(textWidth('a', 10));
  });
});
