import { personLabels } from './csv-plan';
import type { KpiReadingRecord, KpiRecord } from './kpi-csv';
import type { OkrRecord } from './okr-csv';
import type { OrgRecord } from './org-csv';
import type { OrgSnapshot } from './plan-org';
import type { OkrSnapshot } from './plan-okrs';
import type { KpiSnapshot, ReadingSnapshot } from './plan-kpis';

// What each export writes, from the same snapshots the importers plan against. Rows are ordered by
// what they say (handles, names, refs, keys), never by database ids, so two workspaces holding the
// same organisation and goals export the same bytes.

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** org.csv: teams in tree order (parents first, siblings by handle), their people by name; then people in no team. */
export function orgRecordsOf(s: OrgSnapshot): OrgRecord[] {
  const labels = personLabels(s.members);
  const members = new Map(s.members.map((m) => [m.id, m]));
  const teams = new Map(s.teams.map((t) => [t.id, t]));
  const inTeam = new Map<number, Set<number>>();
  for (const m of s.memberships) inTeam.set(m.teamId, (inTeam.get(m.teamId) ?? new Set()).add(m.memberId));
  // A team's manager is listed with it even if not a member, or the export would lose them.
  for (const t of s.teams) if (t.managerId !== null) inTeam.set(t.id, (inTeam.get(t.id) ?? new Set()).add(t.managerId));
  const personCells = (id: number) => {
    const m = members.get(id)!;
    return { person: m.name, externalId: m.externalId, manager: m.managerId === null ? null : (labels.get(m.managerId) ?? null), role: m.role };
  };
  const byPerson = (a: number, b: number) => byText(members.get(a)!.name.toLowerCase(), members.get(b)!.name.toLowerCase()) || byText(members.get(a)!.externalId, members.get(b)!.externalId);
  const records: OrgRecord[] = [];
  const visit = (parentId: number | null) => {
    for (const t of s.teams.filter((x) => x.parentId === parentId).sort((a, b) => byText(a.handle, b.handle))) {
      const team = { team: t.handle, teamName: t.name, parentTeam: t.parentId === null ? null : (teams.get(t.parentId)?.handle ?? null) };
      const people = [...(inTeam.get(t.id) ?? [])].sort(byPerson);
      if (people.length === 0) records.push({ person: null, externalId: null, manager: null, role: null, ...team, teamManager: false });
      for (const id of people) records.push({ ...personCells(id), ...team, teamManager: t.managerId === id });
      visit(t.id);
    }
  };
  visit(null);
  const placed = new Set([...inTeam.values()].flatMap((set) => [...set]));
  for (const id of s.members.map((m) => m.id).filter((id) => !placed.has(id)).sort(byPerson)) {
    records.push({ ...personCells(id), team: null, teamName: null, parentTeam: null, teamManager: false });
  }
  return records;
}

/** okrs.csv: objectives by ref, each followed by its key results by ref. */
export function okrRecordsOf(s: OkrSnapshot): OkrRecord[] {
  const labels = personLabels(s.people);
  const cycles = new Map(s.cycles.map((c) => [c.id, c]));
  const handles = new Map(s.teams.map((t) => [t.id, t.handle]));
  const kpiKeys = new Map(s.kpis.map((k) => [k.id, k.key]));
  const refs = new Map(s.objectives.map((o) => [o.id, o.ref]));
  const krsOf = new Map<number, typeof s.keyResults[number][]>();
  for (const k of s.keyResults) krsOf.set(k.objectiveId, [...(krsOf.get(k.objectiveId) ?? []), k]);
  const records: OkrRecord[] = [];
  for (const o of [...s.objectives].sort((a, b) => a.ref - b.ref)) {
    const cycle = cycles.get(o.cycleId)!;
    records.push({
      type: 'objective', ref: o.ref, cycle: cycle.name, cycleStart: cycle.startsOn, cycleEnd: cycle.endsOn, title: o.title, level: o.level,
      owner: labels.get(o.ownerId) ?? '', team: o.teamId === null ? null : (handles.get(o.teamId) ?? null),
      parent: o.parentId === null ? null : (refs.get(o.parentId) ?? null), weight: o.weight, status: o.status,
    });
    for (const k of (krsOf.get(o.id) ?? []).sort((a, b) => a.ref - b.ref)) {
      records.push({
        type: 'key_result', ref: k.ref, objective: o.ref, title: k.title, owner: labels.get(k.ownerId) ?? '', kind: k.kind, start: k.start, target: k.target,
        current: k.current, unit: k.unit, confidence: k.confidence, weight: k.weight, status: k.status, pace: k.pace, kpi: k.kpiId === null ? null : (kpiKeys.get(k.kpiId) ?? null),
      });
    }
  }
  return records;
}

/** kpis.csv: KPIs by key. */
export function kpiRecordsOf(s: KpiSnapshot): KpiRecord[] {
  const labels = personLabels(s.people);
  const handles = new Map(s.teams.map((t) => [t.id, t.handle]));
  return [...s.kpis]
    .sort((a, b) => byText(a.key, b.key))
    .map(({ id: _id, ownerId, teamId, ...k }) => ({ ...k, owner: ownerId === null ? null : (labels.get(ownerId) ?? null), team: teamId === null ? null : (handles.get(teamId) ?? null) }));
}

/** kpi-readings.csv: the reading that counts for each KPI and day, by key then day. */
export function readingRecordsOf(s: ReadingSnapshot): KpiReadingRecord[] {
  const keys = new Map(s.kpis.map((k) => [k.id, k.key]));
  return s.readings
    .map((r) => ({ key: keys.get(r.kpiId) ?? '', date: r.date, value: r.value }))
    .sort((a, b) => byText(a.key, b.key) || byText(a.date, b.date));
}
