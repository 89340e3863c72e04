import type { z } from 'zod';
import { formatKeyResultRef } from '../domain/references';
import type { KpiDetailRow } from '../db/kpi.repository';
import { toKpiView } from '../use-cases/kpis';
import type { KeyResultView, ObjectiveView } from '../use-cases/views';
import type { KeyResult, Kpi, Objective } from './schemas';

// Rows and views as the API's JSON: camelCase, ISO dates, names instead of internal ids. Typed
// against the response schemas, so a field the document promises can't go missing.

/** The API's KPI, from the same read model every chat adapter renders (bands included). */
export function presentKpi(k: KpiDetailRow): z.infer<typeof Kpi> {
  const v = toKpiView(k);
  return {
    key: v.key,
    name: v.name,
    unit: v.unit,
    direction: v.direction,
    frequency: v.frequency,
    target: v.target,
    latest: v.latest === null ? null : { value: v.latest.value, observedOn: v.latest.on },
    band: v.band,
    team: v.teamName,
    owner: v.ownerName,
  };
}

export const presentLinkedRefs = (refs: readonly number[]): string[] => refs.map(formatKeyResultRef);

export function presentKeyResult(kr: KeyResultView): z.infer<typeof KeyResult> {
  return {
    ref: kr.ref,
    objectiveRef: kr.objectiveRef,
    title: kr.title,
    kind: kr.kind,
    start: kr.start,
    target: kr.target,
    current: kr.current,
    unit: kr.unit,
    progress: kr.progress,
    weight: kr.weight,
    confidence: kr.confidence,
    owner: kr.ownerName,
    status: kr.status,
    lastCheckInAt: kr.lastCheckInAt === null ? null : kr.lastCheckInAt.toISOString(),
    kpiKey: kr.kpiKey,
    lagging: kr.lag?.lagging ?? false,
  };
}

export function presentObjective(o: ObjectiveView): z.infer<typeof Objective> {
  return {
    ref: o.ref,
    title: o.title,
    level: o.level,
    status: o.status,
    owner: o.ownerName,
    team: o.teamName,
    cycle: o.cycleName,
    parentRef: o.parentRef,
    weight: o.weight,
    progress: o.progress,
    keyResults: o.keyResults.map(presentKeyResult),
  };
}

export const presentCycle = (c: { name: string; starts_on: string; ends_on: string } | null) =>
  c === null ? null : { name: c.name, startsOn: c.starts_on, endsOn: c.ends_on };
