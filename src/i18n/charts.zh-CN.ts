import type { Widen } from './catalog';
import type { chartsEn } from './charts.en';

/** Simplified Chinese strings drawn into the charts; typed against English, so keys match. */
export const chartsZhCN: Widen<typeof chartsEn> = {
  legend: {
    actual: '实际进度',
    expected: '预期进度',
    target: '目标',
    today: '今天',
    readings: '读数',
    green: '健康',
    yellow: '关注',
    red: '异常',
  },
  marker: {
    start: '起点 {value}',
    target: '目标 {value}',
    today: '今天',
  },
  empty: {
    keyResult: '暂无签到',
    kpi: '暂无读数',
  },
};
