import { existsSync } from 'node:fs';
import { renderKpiChart, type KpiChartData } from '../../../src/charts';
import { CHART_FONT_FAMILY, chartFontPath } from '../../../src/charts/chart-font';
import { svgToPng } from '../../../src/charts/rasterize';
import { rect, svgDocument, text } from '../../../src/charts/svg';
import { differingPixels, inkShare, pixelsOf } from './png-inspect';

/**
 * A font without Chinese draws every Han character as the same empty box ("tofu"), so two
 * different words of equal length come out pixel for pixel the same. With a CJK font they differ.
 */
const label = (words: string) =>
  svgToPng(svgDocument({ width: 200, height: 60, pixelRatio: 1, fontFamily: CHART_FONT_FAMILY }, [
    rect(0, 0, 200, 60, { fill: '#ffffff' }),
    text(words, { x: 10, y: 40, 'font-size': 28, fill: '#000000' }),
  ]));

const kpiNamed = (name: string): KpiChartData => ({
  name,
  unit: null,
  readings: [{ on: '2026-11-01', value: 3 }, { on: '2026-11-08', value: 5 }],
  target: null,
  bands: { kind: 'at_least', greenMin: 4, greenMax: null, yellowMin: 2, yellowMax: null },
});

describe('Chinese text in charts', () => {
  it('should ship the chart font with the npm packages', () => {
    expect(chartFontPath()).toMatch(/\.otf$/);
    expect(existsSync(chartFontPath())).toBe(true);
  });

  it('should draw real glyphs for Han characters, not identical boxes', async () => {
    const blank = await pixelsOf(await label(''));
    const china = await pixelsOf(await label('中国'));
    const people = await pixelsOf(await label('人民'));
    expect(inkShare(blank.rgba)).toBe(0);
    expect(inkShare(china.rgba)).toBeGreaterThan(0.03);
    expect(differingPixels(china.rgba, people.rgba)).toBeGreaterThan(300);
  });

  it('should draw a Chinese chart title with real glyphs too', async () => {
    const [a, b, none] = await Promise.all(['月活跃用户', '客户满意度', ''].map(async (name) => pixelsOf(await renderKpiChart(kpiNamed(name), { locale: 'zh-CN', timeZone: 'Asia/Shanghai' }))));
    expect(differingPixels(a!.rgba, b!.rgba)).toBeGreaterThan(2_000);
    expect(differingPixels(a!.rgba, none!.rgba)).toBeGreaterThan(2_000);
  });
});
