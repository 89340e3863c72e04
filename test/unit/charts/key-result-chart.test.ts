import { renderKeyResultChart, type ChartContext, type KeyResultChartData } from '../../../src/charts';
import { keyResultChartSvg } from '../../../src/charts/key-result-chart';
import { PALETTE } from '../../../src/charts/palette';
import { countOf, differingPixels, expectSoundChart } from './png-inspect';

const en: ChartContext = { locale: 'en', timeZone: 'America/New_York' };
const zh: ChartContext = { locale: 'zh-CN', timeZone: 'Asia/Shanghai' };
const DAY = 86_400_000;
const dayAfter = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** `count` check-ins spread over Q4 2026, climbing from 30 towards 45. */
function checkIns(count: number): KeyResultChartData['points'] {
  return Array.from({ length: count }, (_, i) => ({ at: dayAfter('2026-10-02', Math.floor((i * 88) / Math.max(1, count))), value: 30 + (i * 14) / Math.max(1, count) }));
}

function keyResult(points: KeyResultChartData['points'], title = 'Raise NPS from 30 to 45'): KeyResultChartData {
  return {
    title,
    unit: 'pts',
    start: 30,
    target: 45,
    startsOn: '2026-10-01',
    endsOn: '2026-12-31',
    points,
    expected: [{ at: '2026-10-01', value: 30 }, { at: '2026-11-15', value: 37.5 }, { at: '2026-12-31', value: 45 }],
    today: '2026-12-20',
  };
}

describe('renderKeyResultChart', () => {
  it('should draw a sound PNG with the progress line, the target and today in their colours', async () => {
    const { colours } = await expectSoundChart(await renderKeyResultChart(keyResult(checkIns(8)), en));
    expect(countOf(colours, PALETTE.actual)).toBeGreaterThan(2_000);
    expect(countOf(colours, PALETTE.target)).toBeGreaterThan(1_000);
    expect(countOf(colours, PALETTE.today)).toBeGreaterThan(500);
  });

  it.each([0, 1, 200])('should render %i check-ins', async (count) => {
    const { colours } = await expectSoundChart(await renderKeyResultChart(keyResult(checkIns(count)), en));
    expect(countOf(colours, PALETTE.target)).toBeGreaterThan(1_000);
  });

  it('should say there are no check-ins yet when there are none', () => {
    expect(keyResultChartSvg(keyResult([]), en)).toContain('No check-ins yet');
    expect(keyResultChartSvg(keyResult([]), zh)).toContain('暂无签到');
  });

  it('should label in the reader’s language and number style', () => {
    const big = { ...keyResult([{ at: '2026-11-01', value: 12_000 }]), start: 0, target: 20_000, unit: null };
    const zhSvg = keyResultChartSvg(big, zh);
    expect(zhSvg).toContain('目标 2万');
    expect(zhSvg).toContain('实际进度');
    expect(zhSvg).toContain('10月1日');
    const enSvg = keyResultChartSvg(big, en);
    expect(enSvg).toContain('Target 20,000');
    expect(enSvg).toContain('Expected pace');
    expect(enSvg).toContain('Oct 1');
  });

  it('should cut a long Chinese title with an ellipsis and still render it', async () => {
    const title = '提升华东区域客户满意度：把净推荐值从三十提高到四十五，并在所有门店推行新的客户成功流程与季度回访制度，确保续约率稳定增长';
    const svg = keyResultChartSvg(keyResult(checkIns(5), title), zh);
    expect(svg).toMatch(/<text[^>]*>提升华东区域客户满意度[^<]*…<\/text>/);
    expect(svg).not.toContain('续约率稳定增长');
    const short = await expectSoundChart(await renderKeyResultChart(keyResult(checkIns(5), '季度目标'), zh));
    const long = await expectSoundChart(await renderKeyResultChart(keyResult(checkIns(5), title), zh));
    expect(differingPixels(short.rgba, long.rgba)).toBeGreaterThan(1_000);
  });

  it('should draw the same data differently in English and Chinese', async () => {
    const data = keyResult(checkIns(6));
    const a = await expectSoundChart(await renderKeyResultChart(data, en));
    const b = await expectSoundChart(await renderKeyResultChart(data, zh));
    expect(differingPixels(a.rgba, b.rgba)).toBeGreaterThan(1_000);
  });

  it('should survive bad dates and values by leaving them out', async () => {
    const points = [{ at: 'not a date', value: 3 }, { at: '2026-11-01', value: Number.NaN }, { at: '2026-11-02', value: 35 }];
    const data = { ...keyResult(points), today: 'garbage', target: Number.POSITIVE_INFINITY };
    await expectSoundChart(await renderKeyResultChart(data, en));
    expect(keyResultChartSvg(data, en)).not.toMatch(/NaN|Infinity/);
  });
});
