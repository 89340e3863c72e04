import type { Confidence, KeyResultKind, PaceCurve } from '../key-result';
import { LEVEL_RANK, type ObjectiveLevel, type ObjectiveStatus } from '../objective';
import { formatKeyResultRef, formatObjectiveRef } from '../references';
import type { CsvIssue } from './csv-issue';
import type { Lined } from './csv-formats';
import { closesLoop, Facts, memberIndex, type Person, type Plan, type RowReport } from './csv-plan';
import type { KeyResultRecord, ObjectiveRecord, OkrRecord } from './okr-csv';

export interface StoredObjective {
  readonly id: number; readonly ref: number; readonly cycleId: number; readonly title: string; readonly level: ObjectiveLevel;
  readonly ownerId: number; readonly teamId: number | null; readonly parentId: number | null; readonly weight: number; readonly status: ObjectiveStatus;
}
export interface StoredKeyResult {
  readonly id: number; readonly ref: number; readonly objectiveId: number; readonly ownerId: number; readonly title: string; readonly kind: KeyResultKind;
  readonly start: number; readonly target: number; readonly current: number | null; readonly unit: string | null; readonly confidence: Confidence | null;
  readonly weight: number; readonly status: ObjectiveStatus; readonly pace: PaceCurve; readonly kpiId: number | null;
}

/** The goals of a workspace as stored, with what their cells name: cycles, people, teams, KPIs. */
export interface OkrSnapshot {
  readonly cycles: readonly { id: number; name: string; startsOn: string; endsOn: string }[];
  readonly objectives: readonly StoredObjective[];
  readonly keyResults: readonly StoredKeyResult[];
  readonly people: readonly Person[];
  readonly teams: readonly { id: number; handle: string }[];
  readonly kpis: readonly { id: number; key: string }[];
}

/** An objective as it should be; `cycle` by name (a new cycle is in `newCycles`), `parentRef` by ref. */
export interface ObjectiveValues {
  readonly cycle: string; readonly title: string; readonly level: ObjectiveLevel; readonly ownerId: number; readonly teamId: number | null;
  readonly parentRef: number | null; readonly weight: number; readonly status: ObjectiveStatus;
}
export interface KeyResultValues {
  readonly objectiveRef: number; readonly ownerId: number; readonly title: string; readonly kind: KeyResultKind; readonly start: number; readonly target: number;
  readonly unit: string | null; readonly weight: number; readonly status: ObjectiveStatus; readonly pace: PaceCurve; readonly kpiId: number | null;
}

export interface OkrChanges {
  readonly newCycles: { name: string; startsOn: string; endsOn: string }[];
  /** Objectives to create (`stored` undefined) or change, parents first. */
  readonly objectives: { ref: number; stored?: StoredObjective; values: ObjectiveValues }[];
  readonly keyResults: { ref: number; stored?: StoredKeyResult; values: KeyResultValues }[];
  /** Values and confidences that differ from the stored ones become check-ins (source: import). */
  readonly checkIns: { ref: number; value: number | null; confidence: Confidence | null }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Works out what importing okrs.csv changes. Rows match stored goals by ref; a ref the workspace
 * does not have creates the goal with that same number, so an exported file imported into an empty
 * workspace exports identically and a second import changes nothing. Empty cells keep stored values.
 */
export function planOkrImport(snapshot: OkrSnapshot, records: readonly Lined<OkrRecord>[], maxKeyResults: number): Plan<OkrChanges> {
  const issues: CsvIssue[] = [];
  const people = memberIndex(snapshot.people);
  const teams = new Map(snapshot.teams.map((t) => [t.handle.toLowerCase(), t.id]));
  const kpis = new Map(snapshot.kpis.map((k) => [k.key, k.id]));
  const cycles = new Map(snapshot.cycles.map((c) => [c.name.toLowerCase(), c]));
  const storedO = new Map(snapshot.objectives.map((o) => [o.ref, o]));
  const storedK = new Map(snapshot.keyResults.map((k) => [k.ref, k]));
  const oById = new Map(snapshot.objectives.map((o) => [o.id, o]));
  const issue = (line: number, column: string, message: string) => issues.push({ line, column, message });
  const person = (label: string, line: number, column = 'owner'): number => {
    const found = people.resolve(label);
    if (!found.ok) issue(line, column, found.error);
    return found.ok ? found.value : 0;
  };

  // A ref given twice is reported once, and only its first row is planned further.
  const seen = new Map<string, number>();
  const firsts = records.filter((r) => {
    const k = `${r.type}:${r.ref}`;
    if (!seen.has(k)) return seen.set(k, r.line);
    issue(r.line, 'ref', `${r.type === 'objective' ? formatObjectiveRef(r.ref) : formatKeyResultRef(r.ref)} is also on line ${seen.get(k)}`);
    return false;
  });
  const objectives = firsts.filter((r): r is Lined<ObjectiveRecord> => r.type === 'objective');
  const keyResults = firsts.filter((r): r is Lined<KeyResultRecord> => r.type === 'key_result');

  const newCycles = new Facts<string, { name: string; startsOn: string; endsOn: string }>(issues);
  const finalO = new Map<number, ObjectiveValues & { line: number }>();
  for (const r of objectives) {
    const stored = storedO.get(r.ref);
    const cycle = cycles.get(r.cycle.toLowerCase());
    if (cycle && ((r.cycleStart && r.cycleStart !== cycle.startsOn) || (r.cycleEnd && r.cycleEnd !== cycle.endsOn))) {
      issue(r.line, 'cycle_start', `cycle ${cycle.name} runs from ${cycle.startsOn} to ${cycle.endsOn}`);
    } else if (!cycle && (!r.cycleStart || !r.cycleEnd)) {
      issue(r.line, 'cycle_start', `cycle ${r.cycle} is new: give its cycle_start and cycle_end`);
    } else if (!cycle) {
      newCycles.state(r.cycle.toLowerCase(), { name: r.cycle, startsOn: r.cycleStart!, endsOn: r.cycleEnd! }, r.line, 'cycle_start', same);
    }
    const teamId = r.team === null ? (stored?.teamId ?? null) : (teams.get(r.team.toLowerCase()) ?? null);
    if (r.team !== null && teamId === null) issue(r.line, 'team', `no team #${r.team}`);
    const level = r.level ?? stored?.level ?? (teamId !== null ? 'team' : 'personal');
    if (level === 'team' && teamId === null && r.team === null) issue(r.line, 'team', 'a team objective needs a team');
    const storedParentRef = stored?.parentId != null ? oById.get(stored.parentId)?.ref ?? null : null;
    finalO.set(r.ref, {
      line: r.line, cycle: cycle?.name ?? r.cycle, title: r.title, level, ownerId: person(r.owner, r.line), teamId,
      parentRef: r.parent ?? storedParentRef, weight: r.weight ?? stored?.weight ?? 1, status: r.status ?? stored?.status ?? 'active',
    });
  }

  // Alignment as it would be after the import: parents must exist, sit at the same or a higher level, and not loop.
  const levelOf = (ref: number) => finalO.get(ref)?.level ?? storedO.get(ref)?.level;
  const parentOf = (ref: number): number | null => finalO.get(ref)?.parentRef ?? (storedO.get(ref)?.parentId != null ? (oById.get(storedO.get(ref)!.parentId!)?.ref ?? null) : null);
  for (const [ref, o] of finalO) {
    if (o.parentRef === null) continue;
    const parentLevel = levelOf(o.parentRef);
    if (parentLevel === undefined) issue(o.line, 'parent', `no objective ${formatObjectiveRef(o.parentRef)} in the file or the workspace`);
    else if (LEVEL_RANK[o.level] < LEVEL_RANK[parentLevel]) issue(o.line, 'parent', `a ${o.level} objective cannot align under a ${parentLevel} one`);
    else if (closesLoop(ref, parentOf)) issue(o.line, 'parent', 'this alignment would loop back to the objective');
  }

  const finalK = new Map<number, KeyResultValues & { line: number }>();
  const checkIns: OkrChanges['checkIns'] = [];
  for (const r of keyResults) {
    const stored = storedK.get(r.ref);
    if (!finalO.has(r.objective) && !storedO.has(r.objective)) issue(r.line, 'parent', `no objective ${formatObjectiveRef(r.objective)} in the file or the workspace`);
    const kpiId = r.kpi === null ? (stored?.kpiId ?? null) : (kpis.get(r.kpi) ?? null);
    if (r.kpi !== null && kpiId === null) issue(r.line, 'kpi', `no KPI ${r.kpi}; import kpis.csv first`);
    finalK.set(r.ref, {
      line: r.line, objectiveRef: r.objective, ownerId: person(r.owner, r.line), title: r.title, kind: r.kind, start: r.start, target: r.target,
      unit: r.unit ?? stored?.unit ?? null, weight: r.weight ?? stored?.weight ?? 1, status: r.status ?? stored?.status ?? 'active',
      pace: r.pace ?? stored?.pace ?? (r.kind === 'milestone' ? 'end_loaded' : 'linear'), kpiId,
    });
    const value = r.current ?? stored?.current ?? null;
    if ((r.current !== null && r.current !== stored?.current) || (r.confidence !== null && r.confidence !== stored?.confidence)) {
      checkIns.push({ ref: r.ref, value, confidence: r.confidence });
    }
  }
  countKeyResults(snapshot, finalK, storedO, maxKeyResults, issue);

  const oChanges = [...finalO].filter(([ref, v]) => changedObjective(storedO.get(ref), v, snapshot, oById)).map(([ref, v]) => ({ ref, ...(storedO.has(ref) ? { stored: storedO.get(ref)! } : {}), values: strip(v) }));
  const kChanges = [...finalK].filter(([ref, v]) => changedKeyResult(storedK.get(ref), v, oById)).map(([ref, v]) => ({ ref, ...(storedK.has(ref) ? { stored: storedK.get(ref)! } : {}), values: strip(v) }));
  const changed = new Set([...oChanges.map((c) => `objective:${c.ref}`), ...kChanges.map((c) => `key_result:${c.ref}`), ...checkIns.map((c) => `key_result:${c.ref}`)]);
  const rows: RowReport[] = records.map((r) => ({
    line: r.line,
    what: r.type === 'objective' ? formatObjectiveRef(r.ref) : formatKeyResultRef(r.ref),
    action: !(r.type === 'objective' ? storedO.has(r.ref) : storedK.has(r.ref)) ? 'create' : changed.has(`${r.type}:${r.ref}`) ? 'update' : 'unchanged',
  }));
  return { rows, issues, changes: { newCycles: newCycles.entries().map(([, c]) => c), objectives: parentsFirst(oChanges), keyResults: kChanges, checkIns } };
}

const strip = <T extends { line: number }>(v: T): Omit<T, 'line'> => {
  const { line: _line, ...rest } = v;
  return rest;
};

function countKeyResults(
  snapshot: OkrSnapshot, finalK: ReadonlyMap<number, KeyResultValues & { line: number }>, storedO: ReadonlyMap<number, StoredObjective>,
  max: number, issue: (line: number, column: string, message: string) => void,
): void {
  const objectiveRefById = new Map([...storedO.values()].map((o) => [o.id, o.ref]));
  const count = new Map<number, number>();
  for (const k of snapshot.keyResults) {
    if (finalK.has(k.ref) || k.status === 'cancelled') continue;
    const ref = objectiveRefById.get(k.objectiveId)!;
    count.set(ref, (count.get(ref) ?? 0) + 1);
  }
  for (const k of finalK.values()) {
    if (k.status === 'cancelled') continue;
    const n = (count.get(k.objectiveRef) ?? 0) + 1;
    count.set(k.objectiveRef, n);
    if (n === max + 1) issue(k.line, 'parent', `${formatObjectiveRef(k.objectiveRef)} would have more than ${max} key results`);
  }
}

function changedObjective(stored: StoredObjective | undefined, v: ObjectiveValues, snapshot: OkrSnapshot, oById: ReadonlyMap<number, StoredObjective>): boolean {
  if (!stored) return true;
  const cycle = snapshot.cycles.find((c) => c.id === stored.cycleId)?.name; // cycles are few
  const parentRef = stored.parentId === null ? null : (oById.get(stored.parentId)?.ref ?? null);
  return !same([cycle, stored.title, stored.level, stored.ownerId, stored.teamId, parentRef, stored.weight, stored.status], [v.cycle, v.title, v.level, v.ownerId, v.teamId, v.parentRef, v.weight, v.status]);
}

function changedKeyResult(stored: StoredKeyResult | undefined, v: KeyResultValues, oById: ReadonlyMap<number, StoredObjective>): boolean {
  if (!stored) return true;
  const objectiveRef = oById.get(stored.objectiveId)?.ref;
  return !same(
    [objectiveRef, stored.ownerId, stored.title, stored.kind, stored.start, stored.target, stored.unit, stored.weight, stored.status, stored.pace, stored.kpiId],
    [v.objectiveRef, v.ownerId, v.title, v.kind, v.start, v.target, v.unit, v.weight, v.status, v.pace, v.kpiId],
  );
}

/** Objectives ordered so that a parent created by the file comes before its children. */
function parentsFirst<T extends { ref: number; values: ObjectiveValues }>(list: readonly T[]): T[] {
  const byRef = new Map(list.map((c) => [c.ref, c]));
  const out: T[] = [];
  const placed = new Set<number>();
  const place = (c: T, depth: number) => {
    if (placed.has(c.ref) || depth > list.length) return;
    const parent = c.values.parentRef === null ? undefined : byRef.get(c.values.parentRef);
    if (parent) place(parent, depth + 1);
    placed.add(c.ref);
    out.push(c);
  };
  for (const c of list) place(c, 0);
  return out;
}
