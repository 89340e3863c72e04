import type { CsvIssue } from './csv-issue';
import type { Lined } from './csv-formats';
import { memberIndex, type Person, type Plan, type RowReport } from './csv-plan';
import type { KpiReadingRecord, KpiRecord } from './kpi-csv';

/** A KPI definition with owner and team as ids: what kpis.csv sets. */
export interface KpiValues extends Omit<KpiRecord, 'key' | 'owner' | 'team'> {
  readonly ownerId: number | null;
  readonly teamId: number | null;
}

export interface KpiSnapshot {
  readonly kpis: readonly (KpiValues & { id: number; key: string })[];
  readonly people: readonly Person[];
  readonly teams: readonly { id: number; handle: string }[];
}

export interface KpiChanges {
  readonly kpis: { key: string; stored?: KpiValues & { id: number }; values: KpiValues }[];
}

const FIELDS = ['name', 'unit', 'ownerId', 'teamId', 'direction', 'target', 'threshold', 'greenMin', 'greenMax', 'yellowMin', 'yellowMax', 'frequency', 'active'] as const;

/**
 * Works out what importing kpis.csv changes. KPIs match by key; a row states the whole definition
 * (an empty band bound is "no bound", not "keep"), so the stored KPI becomes exactly the row.
 */
export function planKpiImport(snapshot: KpiSnapshot, records: readonly Lined<KpiRecord>[]): Plan<KpiChanges> {
  const issues: CsvIssue[] = [];
  const people = memberIndex(snapshot.people);
  const teams = new Map(snapshot.teams.map((t) => [t.handle.toLowerCase(), t.id]));
  const stored = new Map(snapshot.kpis.map((k) => [k.key, k]));
  const seen = new Map<string, number>();
  const rows: RowReport[] = [];
  const kpis: KpiChanges['kpis'] = [];
  for (const r of records) {
    if (seen.has(r.key)) issues.push({ line: r.line, column: 'key', message: `${r.key} is also on line ${seen.get(r.key)}` });
    seen.set(r.key, seen.get(r.key) ?? r.line);
    let ownerId: number | null = null;
    if (r.owner !== null) {
      const found = people.resolve(r.owner);
      if (found.ok) ownerId = found.value;
      else issues.push({ line: r.line, column: 'owner', message: found.error });
    }
    const teamId = r.team === null ? null : (teams.get(r.team.toLowerCase()) ?? null);
    if (r.team !== null && teamId === null) issues.push({ line: r.line, column: 'team', message: `no team #${r.team}` });
    const { key, owner: _owner, team: _team, ...rest } = r;
    const { line: _line, ...fields } = rest;
    const values: KpiValues = { ...fields, ownerId, teamId };
    const before = stored.get(key);
    const changed = !before || FIELDS.some((f) => before[f] !== values[f]);
    rows.push({ line: r.line, what: key, action: !before ? 'create' : changed ? 'update' : 'unchanged' });
    if (changed) kpis.push({ key, ...(before ? { stored: before } : {}), values });
  }
  return { rows, issues, changes: { kpis } };
}

export interface ReadingSnapshot {
  readonly kpis: readonly { id: number; key: string }[];
  /** The reading that counts for each KPI and day (the latest recorded for that day). */
  readonly readings: readonly { kpiId: number; date: string; value: number }[];
}

export interface ReadingChanges {
  readonly readings: { kpiId: number; key: string; date: string; value: number; previous: number | null }[];
}

/**
 * Works out what importing kpi-readings.csv changes: one reading per KPI and day. A day that has
 * a different value gets a new reading (readings are history, never edited); the same value is
 * unchanged. Unknown KPIs and a day given twice are refused.
 */
export function planReadingImport(snapshot: ReadingSnapshot, records: readonly Lined<KpiReadingRecord>[]): Plan<ReadingChanges> {
  const issues: CsvIssue[] = [];
  const kpis = new Map(snapshot.kpis.map((k) => [k.key, k.id]));
  const stored = new Map(snapshot.readings.map((r) => [`${r.kpiId} ${r.date}`, r.value]));
  const seen = new Map<string, number>();
  const rows: RowReport[] = [];
  const readings: ReadingChanges['readings'] = [];
  for (const r of records) {
    const kpiId = kpis.get(r.key);
    if (kpiId === undefined) issues.push({ line: r.line, column: 'kpi', message: `no KPI ${r.key}; import kpis.csv first` });
    const day = `${r.key} ${r.date}`;
    if (seen.has(day)) issues.push({ line: r.line, column: 'date', message: `${r.key} on ${r.date} is also on line ${seen.get(day)}` });
    else seen.set(day, r.line);
    const before = kpiId === undefined ? undefined : stored.get(`${kpiId} ${r.date}`);
    const action = before === undefined ? 'create' : before === r.value ? 'unchanged' : 'update';
    rows.push({ line: r.line, what: day, action });
    if (kpiId !== undefined && action !== 'unchanged') readings.push({ kpiId, key: r.key, date: r.date, value: r.value, previous: before ?? null });
  }
  return { rows, issues, changes: { readings } };
}
