/** Server-side PNG charts for chat: plain data in, a PNG `Buffer` out. */
export { renderKeyResultChart } from './key-result-chart';
export { renderKpiChart } from './kpi-chart';
export type { ChartContext, KeyResultChartData, KpiChartBands, KpiChartData } from './chart-types';
