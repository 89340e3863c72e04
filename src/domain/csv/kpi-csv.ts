import { z } from 'zod';
import type { KpiDirection, KpiFrequency, ThresholdKind } from '../kpi';
import type { CsvColumn } from './csv-columns';
import { day, formatNumber, guardFormula, num, oneOf, text, YES_NO } from './csv-values';

// kpis.csv holds one row per KPI definition; kpi-readings.csv one row per KPI and day. Two files,
// because a definition and a reading share no column but the key, and readings are the bulk.

export const KPI_COLUMNS = [
  { key: 'key', header: 'key', aliases: ['kpi', '代码', '指标代码'], required: true },
  { key: 'name', header: 'name', aliases: ['名称', '指标名称'] },
  { key: 'unit', header: 'unit', aliases: ['单位'] },
  { key: 'owner', header: 'owner', aliases: ['负责人'] },
  { key: 'team', header: 'team', aliases: ['团队', '部门'] },
  { key: 'direction', header: 'direction', aliases: ['方向'] },
  { key: 'target', header: 'target', aliases: ['目标', '目标值'] },
  { key: 'threshold', header: 'threshold', aliases: ['threshold kind', '阈值类型'] },
  { key: 'greenMin', header: 'green_min', aliases: ['绿色下限'] },
  { key: 'greenMax', header: 'green_max', aliases: ['绿色上限'] },
  { key: 'yellowMin', header: 'yellow_min', aliases: ['黄色下限'] },
  { key: 'yellowMax', header: 'yellow_max', aliases: ['黄色上限'] },
  { key: 'frequency', header: 'frequency', aliases: ['频率'] },
  { key: 'active', header: 'active', aliases: ['启用'] },
] as const satisfies readonly CsvColumn[];
export type KpiColumn = (typeof KPI_COLUMNS)[number]['key'];

export const KPI_READING_COLUMNS = [
  { key: 'key', header: 'kpi', aliases: ['key', '指标', '指标代码'], required: true },
  { key: 'date', header: 'date', aliases: ['observed on', '日期'], required: true },
  { key: 'value', header: 'value', aliases: ['数值', '值'], required: true },
] as const satisfies readonly CsvColumn[];
export type KpiReadingColumn = (typeof KPI_READING_COLUMNS)[number]['key'];

const DIRECTIONS: Record<KpiDirection, readonly string[]> = { up: ['higher is better', '越高越好', '上升'], down: ['lower is better', '越低越好', '下降'] };
const THRESHOLDS: Record<ThresholdKind, readonly string[]> = { at_least: ['min', '不低于', '至少'], at_most: ['max', '不高于', '至多'], between: ['range', '区间', '之间'] };
const FREQUENCIES: Record<KpiFrequency, readonly string[]> = { daily: ['每日', '每天'], weekly: ['每周'], monthly: ['每月'], quarterly: ['每季度'] };

/** Same rule as the schema's CHECK on kpi.key. */
const KEY = /^[a-z][a-z0-9_-]{0,39}$/;
const key = text(40, true).transform((v, ctx) => {
  const k = (v ?? '').toLowerCase();
  if (v !== null && !KEY.test(k)) ctx.addIssue({ code: 'custom', message: `"${v}" is not a KPI key (a letter, then letters, digits, - or _)` });
  return k;
});

export interface KpiRecord {
  readonly key: string;
  readonly name: string;
  readonly unit: string | null;
  readonly owner: string | null;
  readonly team: string | null;
  readonly direction: KpiDirection;
  readonly target: number | null;
  readonly threshold: ThresholdKind;
  readonly greenMin: number | null;
  readonly greenMax: number | null;
  readonly yellowMin: number | null;
  readonly yellowMax: number | null;
  readonly frequency: KpiFrequency;
  readonly active: boolean;
}

/** A band bound that the threshold kind does not use, or bands in the wrong order; null when fine. */
function badBands(r: KpiRecord): { path: KpiColumn; message: string } | null {
  const { threshold: t, greenMin: gMin, greenMax: gMax, yellowMin: yMin, yellowMax: yMax } = r;
  if (t === 'at_least' && (gMax !== null || yMax !== null)) return { path: gMax !== null ? 'greenMax' : 'yellowMax', message: 'not used by at_least thresholds' };
  if (t === 'at_most' && (gMin !== null || yMin !== null)) return { path: gMin !== null ? 'greenMin' : 'yellowMin', message: 'not used by at_most thresholds' };
  if (gMin !== null && gMax !== null && gMin > gMax) return { path: 'greenMax', message: 'below green_min' };
  if (yMin !== null && gMin !== null && yMin > gMin) return { path: 'yellowMin', message: 'yellow must start below green' };
  if (yMax !== null && gMax !== null && yMax < gMax) return { path: 'yellowMax', message: 'yellow must end above green' };
  return null;
}

export const kpiRowSchema = z
  .object({
    key,
    name: text(200),
    unit: text(20),
    owner: text(200),
    team: text(80).transform((v) => v?.replace(/^#/, '') ?? null),
    direction: oneOf(DIRECTIONS),
    target: num(),
    threshold: oneOf(THRESHOLDS),
    greenMin: num(),
    greenMax: num(),
    yellowMin: num(),
    yellowMax: num(),
    frequency: oneOf(FREQUENCIES),
    active: oneOf(YES_NO),
  })
  .transform((c, ctx): KpiRecord => {
    const direction = c.direction ?? 'up';
    const r: KpiRecord = {
      ...c, name: c.name ?? c.key, direction, threshold: c.threshold ?? (direction === 'up' ? 'at_least' : 'at_most'),
      frequency: c.frequency ?? 'weekly', active: c.active !== 'no',
    };
    const bad = badBands(r);
    if (bad) ctx.addIssue({ code: 'custom', path: [bad.path], message: bad.message });
    return r;
  });

export interface KpiReadingRecord {
  readonly key: string;
  readonly date: string;
  readonly value: number;
}

export const kpiReadingRowSchema = z.object({ key, date: day(true), value: num(true) }).transform((c): KpiReadingRecord => ({ key: c.key, date: c.date ?? '', value: c.value ?? 0 }));

export function kpiCells(r: KpiRecord): Record<KpiColumn, string> {
  return {
    key: r.key, name: guardFormula(r.name), unit: guardFormula(r.unit ?? ''), owner: guardFormula(r.owner ?? ''), team: r.team ?? '', direction: r.direction,
    target: formatNumber(r.target), threshold: r.threshold, greenMin: formatNumber(r.greenMin), greenMax: formatNumber(r.greenMax),
    yellowMin: formatNumber(r.yellowMin), yellowMax: formatNumber(r.yellowMax), frequency: r.frequency, active: r.active ? 'yes' : 'no',
  };
}

export const kpiReadingCells = (r: KpiReadingRecord): Record<KpiReadingColumn, string> => ({ key: r.key, date: r.date, value: formatNumber(r.value) });
