import { kpiBand, type KpiThresholdSpec } from '../../../src/domain/kpi-band';

const spec = (kind: KpiThresholdSpec['kind'], g: [number | null, number | null], y: [number | null, number | null]): KpiThresholdSpec => ({
  kind,
  greenMin: g[0],
  greenMax: g[1],
  yellowMin: y[0],
  yellowMax: y[1],
});

describe('kpiBand', () => {
  const atLeast = spec('at_least', [40, null], [20, null]);
  const atMost = spec('at_most', [null, 2], [null, 5]);
  const between = spec('between', [95, 105], [90, 110]);
  it.each([
    [atLeast, 40, 'green'],
    [atLeast, 39.9, 'yellow'],
    [atLeast, 20, 'yellow'],
    [atLeast, 19, 'red'],
    [spec('at_least', [40, null], [null, null]), 30, 'red'],
    [spec('at_least', [null, null], [null, null]), -1e9, 'green'],
    [atMost, 2, 'green'],
    [atMost, 4, 'yellow'],
    [atMost, 5.1, 'red'],
    [spec('at_most', [null, 2], [null, null]), 3, 'red'],
    [between, 95, 'green'],
    [between, 105, 'green'],
    [between, 94, 'yellow'],
    [between, 110, 'yellow'],
    [between, 111, 'red'],
    [between, 80, 'red'],
    [spec('between', [95, 105], [null, null]), 94, 'red'],
    [spec('between', [null, 105], [null, 110]), -50, 'green'],
    [spec('between', [95, 105], [90, null]), 500, 'yellow'],
    [atLeast, NaN, 'red'],
  ] as const)('%j: %p is %s', (s, value, band) => {
    expect(kpiBand(value, s)).toBe(band);
  });
});
