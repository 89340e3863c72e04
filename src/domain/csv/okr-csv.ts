import { z } from 'zod';
import { parseConfidence } from '../command/confidence';
import { parseKeyResultSpec } from '../command/key-result-spec';
import type { Confidence, KeyResultKind, PaceCurve } from '../key-result';
import type { ObjectiveLevel, ObjectiveStatus } from '../objective';
import { formatKeyResultRef, formatObjectiveRef } from '../references';
import type { CsvColumn } from './csv-columns';
import { day, formatNumber, guardFormula, num, oneOf, refOf, text } from './csv-values';

// okrs.csv: one row per objective or key result. `parent` is, for an objective, the objective it
// aligns to and, for a key result, the objective it belongs to — by the ref used in the file.

export const OKR_COLUMNS = [
  { key: 'type', header: 'type', aliases: ['类型'], required: true },
  { key: 'ref', header: 'ref', aliases: ['reference', '编号', '引用'], required: true },
  { key: 'cycle', header: 'cycle', aliases: ['周期'] },
  { key: 'cycleStart', header: 'cycle_start', aliases: ['周期开始', '开始日期'] },
  { key: 'cycleEnd', header: 'cycle_end', aliases: ['周期结束', '结束日期'] },
  { key: 'title', header: 'title', aliases: ['标题', '名称'], required: true },
  { key: 'level', header: 'level', aliases: ['层级', '级别'] },
  { key: 'owner', header: 'owner', aliases: ['负责人'] },
  { key: 'team', header: 'team', aliases: ['团队', '部门'] },
  { key: 'parent', header: 'parent', aliases: ['parent objective', 'objective', '上级目标', '所属目标', '对齐'] },
  { key: 'weight', header: 'weight', aliases: ['权重'] },
  { key: 'status', header: 'status', aliases: ['状态'] },
  { key: 'kind', header: 'kind', aliases: ['kr kind', '度量方式', '衡量方式'] },
  { key: 'start', header: 'start', aliases: ['起始值', '初始值'] },
  { key: 'target', header: 'target', aliases: ['目标值'] },
  { key: 'current', header: 'current', aliases: ['当前值'] },
  { key: 'unit', header: 'unit', aliases: ['单位'] },
  { key: 'confidence', header: 'confidence', aliases: ['信心'] },
  { key: 'pace', header: 'pace', aliases: ['节奏'] },
  { key: 'kpi', header: 'kpi', aliases: ['关联kpi', '关联指标'] },
] as const satisfies readonly CsvColumn[];

export type OkrColumn = (typeof OKR_COLUMNS)[number]['key'];

const TYPES = { objective: ['o', 'obj', '目标'], key_result: ['kr', 'key result', '关键结果'] } as const;
const LEVELS: Record<ObjectiveLevel, readonly string[]> = { company: ['公司'], team: ['团队', '部门'], personal: ['个人', 'person'] };
const STATUSES: Record<ObjectiveStatus, readonly string[]> = { active: ['open', '进行中'], closed: ['已关闭', '关闭'], cancelled: ['canceled', '已取消', '取消'] };
const KINDS: Record<KeyResultKind, readonly string[]> = {
  increase: ['提升', '增加'],
  decrease: ['降低', '减少'],
  stay_above: ['above', 'at least', '不低于'],
  stay_below: ['below', 'at most', '不高于'],
  milestone: ['里程碑'],
};
const PACES: Record<PaceCurve, readonly string[]> = { linear: ['线性'], front_loaded: ['前快后慢'], back_loaded: ['前慢后快'], end_loaded: ['期末'] };

const confidence = z.string().transform((raw, ctx): Confidence | null => {
  if (raw.trim() === '') return null;
  const c = parseConfidence(raw);
  if (!c) ctx.addIssue({ code: 'custom', message: `"${raw.trim()}" is not one of on_track, at_risk, off_track` });
  return c;
});
const weight = num().refine((w) => w === null || (w > 0 && w <= 100), 'weight must be above 0 and at most 100');

export interface ObjectiveRecord {
  readonly type: 'objective';
  readonly ref: number;
  readonly cycle: string;
  readonly cycleStart: string | null;
  readonly cycleEnd: string | null;
  readonly title: string;
  readonly level: ObjectiveLevel | null;
  readonly owner: string;
  readonly team: string | null;
  readonly parent: number | null;
  readonly weight: number | null;
  readonly status: ObjectiveStatus | null;
}

export interface KeyResultRecord {
  readonly type: 'key_result';
  readonly ref: number;
  readonly objective: number;
  readonly title: string;
  readonly owner: string;
  readonly kind: KeyResultKind;
  readonly start: number;
  readonly target: number;
  readonly current: number | null;
  readonly unit: string | null;
  readonly confidence: Confidence | null;
  readonly weight: number | null;
  readonly status: ObjectiveStatus | null;
  readonly pace: PaceCurve | null;
  readonly kpi: string | null;
}

export type OkrRecord = ObjectiveRecord | KeyResultRecord;

const cells = z.object({
  type: oneOf(TYPES, true),
  ref: z.string(),
  cycle: text(60),
  cycleStart: day(),
  cycleEnd: day(),
  title: text(200, true),
  level: oneOf(LEVELS),
  owner: text(200),
  team: text(80).transform((v) => v?.replace(/^#/, '') ?? null),
  parent: refOf('O'),
  weight,
  status: oneOf(STATUSES),
  kind: oneOf(KINDS),
  start: num(),
  target: num(),
  current: num(),
  unit: text(20),
  confidence,
  pace: oneOf(PACES),
  kpi: text(40).transform((v) => v?.toLowerCase() ?? null),
});
type Cells = z.output<typeof cells>;

const ONLY_OBJECTIVE = ['cycle', 'cycleStart', 'cycleEnd', 'level', 'team'] as const;
const ONLY_KEY_RESULT = ['kind', 'start', 'target', 'current', 'unit', 'confidence', 'pace', 'kpi'] as const;

/** The measure of a key result: as given, or read from its title ("Raise NPS from 30 to 45") when not. */
function measure(c: Cells, ctx: z.RefinementCtx): Pick<KeyResultRecord, 'kind' | 'start' | 'target' | 'unit'> {
  if (c.kind === null && c.start === null && c.target === null) {
    const spec = parseKeyResultSpec(c.title ?? '')!;
    return { kind: spec.kind, start: spec.start, target: spec.target, unit: c.unit ?? spec.unit ?? null };
  }
  if (c.kind === 'milestone') {
    if ((c.start ?? 0) !== 0 || (c.target ?? 1) !== 1) ctx.addIssue({ code: 'custom', path: ['target'], message: 'a milestone goes from 0 to 1' });
    if (c.current !== null && c.current !== 0 && c.current !== 1) ctx.addIssue({ code: 'custom', path: ['current'], message: 'a milestone is 0 (not done) or 1 (done)' });
    return { kind: 'milestone', start: 0, target: 1, unit: c.unit };
  }
  if (c.target === null) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: 'required for this kind' });
    return { kind: c.kind ?? 'increase', start: 0, target: 0, unit: c.unit };
  }
  const kind = c.kind ?? ((c.start ?? 0) > c.target ? 'decrease' : 'increase');
  if (kind === 'decrease' && c.start === null) ctx.addIssue({ code: 'custom', path: ['start'], message: 'required for a decrease' });
  const start = c.start ?? (kind === 'increase' ? 0 : c.target);
  return { kind, start, target: c.target, unit: c.unit };
}

export const okrRowSchema = cells.transform((c, ctx): OkrRecord => {
  const isObjective = c.type === 'objective';
  const ref = refOf(isObjective ? 'O' : 'KR', true).safeParse(c.ref);
  if (!ref.success) ctx.addIssue({ code: 'custom', path: ['ref'], message: ref.error.issues[0]?.message ?? 'bad reference' });
  for (const key of isObjective ? ONLY_KEY_RESULT : ONLY_OBJECTIVE) {
    if (c[key] !== null) ctx.addIssue({ code: 'custom', path: [key], message: isObjective ? 'only for key results' : 'only for objectives' });
  }
  if (c.owner === null) ctx.addIssue({ code: 'custom', path: ['owner'], message: 'required' });
  const common = { ref: ref.data ?? 0, title: c.title ?? '', owner: c.owner ?? '', weight: c.weight, status: c.status };
  if (isObjective) {
    if (c.cycle === null) ctx.addIssue({ code: 'custom', path: ['cycle'], message: 'required for an objective' });
    if (c.cycleStart && c.cycleEnd && c.cycleEnd <= c.cycleStart) ctx.addIssue({ code: 'custom', path: ['cycleEnd'], message: 'must be after the cycle start' });
    return { type: 'objective', ...common, cycle: c.cycle ?? '', cycleStart: c.cycleStart, cycleEnd: c.cycleEnd, level: c.level, team: c.team, parent: c.parent };
  }
  if (c.parent === null) ctx.addIssue({ code: 'custom', path: ['parent'], message: 'a key result needs its objective (O-7)' });
  const m = measure(c, ctx);
  return { type: 'key_result', ...common, objective: c.parent ?? 0, ...m, current: c.current, confidence: c.confidence, pace: c.pace, kpi: c.kpi };
});

/** The cells of one exported row. */
export function okrCells(r: OkrRecord): Record<OkrColumn, string> {
  const blank = Object.fromEntries(OKR_COLUMNS.map((c) => [c.key, ''])) as Record<OkrColumn, string>;
  const common = { ...blank, title: guardFormula(r.title), owner: guardFormula(r.owner), weight: formatNumber(r.weight), status: r.status ?? '' };
  if (r.type === 'objective') {
    return {
      ...common, type: 'objective', ref: formatObjectiveRef(r.ref), cycle: guardFormula(r.cycle), cycleStart: r.cycleStart ?? '', cycleEnd: r.cycleEnd ?? '',
      level: r.level ?? '', team: r.team ?? '', parent: r.parent === null ? '' : formatObjectiveRef(r.parent),
    };
  }
  return {
    ...common, type: 'key_result', ref: formatKeyResultRef(r.ref), parent: formatObjectiveRef(r.objective), kind: r.kind,
    start: formatNumber(r.start), target: formatNumber(r.target), current: formatNumber(r.current), unit: guardFormula(r.unit ?? ''),
    confidence: r.confidence ?? '', pace: r.pace ?? '', kpi: r.kpi ?? '',
  };
}
