import { renderKpiChart, type ChartContext, type KpiChartData } from '../../../src/charts';
import { kpiChartSvg } from '../../../src/charts/kpi-chart';
import { PALETTE } from '../../../src/charts/palette';
import { countOf, differingPixels, expectSoundChart } from './png-inspect';

const en: ChartContext = { locale: 'en', timeZone: 'UTC' };
const zh: ChartContext = { locale: 'zh-CN', timeZone: 'Asia/Shanghai' };
const DAY = 86_400_000;

/** `count` weekly readings from 2026-01-05 swinging between about 20 and 60. */
function readings(count: number): KpiChartData['readings'] {
  return Array.from({ length: count }, (_, i) => ({
    on: new Date(Date.UTC(2026, 0, 5) + i * 7 * DAY).toISOString().slice(0, 10),
    value: 40 + 20 * Math.sin(i / 3),
  }));
}

const atLeast: KpiChartData['bands'] = { kind: 'at_least', greenMin: 45, greenMax: null, yellowMin: 30, yellowMax: null };

function kpi(count: number, overrides: Partial<KpiChartData> = {}): KpiChartData {
  return { name: 'Net Promoter Score', unit: 'pts', readings: readings(count), target: 50, bands: atLeast, ...overrides };
}

/** A band is shaded when a good share of the 1600×800 image wears its exact colour. */
const shaded = (colours: Map<number, number>, band: keyof typeof PALETTE.band): boolean => countOf(colours, PALETTE.band[band]) > 20_000;

describe('renderKpiChart', () => {
  it('should shade the green, yellow and red bands and draw the target line', async () => {
    const { colours } = await expectSoundChart(await renderKpiChart(kpi(20), en));
    expect(shaded(colours, 'green')).toBe(true);
    expect(shaded(colours, 'yellow')).toBe(true);
    expect(shaded(colours, 'red')).toBe(true);
    expect(countOf(colours, PALETTE.target)).toBeGreaterThan(1_000);
    expect(countOf(colours, PALETTE.reading)).toBeGreaterThan(1_000);
  });

  it('should shade both sides of a between band', async () => {
    const bands = { kind: 'between' as const, greenMin: 30, greenMax: 50, yellowMin: 20, yellowMax: 60 };
    const { colours } = await expectSoundChart(await renderKpiChart(kpi(12, { bands, target: null }), zh));
    for (const band of ['green', 'yellow', 'red'] as const) expect(shaded(colours, band)).toBe(true);
    expect(countOf(colours, PALETTE.target)).toBe(0);
  });

  it('should shade everything green for a KPI without thresholds', async () => {
    const bands = { kind: 'at_most' as const, greenMin: null, greenMax: null, yellowMin: null, yellowMax: null };
    const { colours } = await expectSoundChart(await renderKpiChart(kpi(8, { bands }), en));
    expect(shaded(colours, 'green')).toBe(true);
    expect(shaded(colours, 'red')).toBe(false);
  });

  it.each([0, 1, 200])('should render %i readings', async (count) => {
    const { colours } = await expectSoundChart(await renderKpiChart(kpi(count), zh));
    expect(shaded(colours, 'green')).toBe(true);
  });

  it('should say there are no readings yet when there are none', () => {
    expect(kpiChartSvg(kpi(0), en)).toContain('No readings yet');
    expect(kpiChartSvg(kpi(0), zh)).toContain('暂无读数');
  });

  it('should write large values the way each language reads them', () => {
    const revenue = kpi(3, { name: '月收入', unit: '¥', target: 1_200_000, readings: [{ on: '2026-03-01', value: 900_000 }] });
    expect(kpiChartSvg(revenue, zh)).toContain('目标 ¥120万');
    expect(kpiChartSvg(revenue, en)).toContain('Target ¥1.2M');
  });

  it('should draw the same data differently in English and Chinese', async () => {
    const a = await expectSoundChart(await renderKpiChart(kpi(10), en));
    const b = await expectSoundChart(await renderKpiChart(kpi(10), zh));
    expect(differingPixels(a.rgba, b.rgba)).toBeGreaterThan(1_000);
  });
});
