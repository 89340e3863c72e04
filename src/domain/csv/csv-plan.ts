import { fail, ok, type Result } from '../result';
import type { CsvIssue } from './csv-issue';

// Shared by the import planners: what a row will do, how people are named in a file, and the
// first-value-wins merge that turns repeated cells into one fact or a contradiction.

export type RowAction = 'create' | 'update' | 'unchanged';

/** What one data row of the file does (or would do, in a dry run). */
export interface RowReport {
  readonly line: number;
  readonly action: RowAction;
  /** What the row is about, as people write it: `O-7`, `KR-12`, `Alice #eng`, `nps 2026-11-02`. */
  readonly what: string;
}

/** A planner's verdict: per-row actions, every issue, and the changes to write when there are none. */
export interface Plan<C> {
  readonly rows: RowReport[];
  readonly issues: CsvIssue[];
  readonly changes: C;
}

const RANK: Record<RowAction, number> = { unchanged: 0, update: 1, create: 2 };
/** The strongest of several actions: a row that creates anything is a "create". */
export const strongest = (...actions: RowAction[]): RowAction => actions.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'unchanged');

export interface Person {
  readonly id: number;
  readonly externalId: string;
  readonly name: string;
}

/**
 * How people are written in a file: their display name, unless another person shares it (then
 * their external id), so exports read well and still resolve to exactly one person.
 */
export function personLabels(people: readonly Person[]): Map<number, string> {
  const count = new Map<string, number>();
  for (const p of people) count.set(p.name.toLowerCase(), (count.get(p.name.toLowerCase()) ?? 0) + 1);
  return new Map(people.map((p) => [p.id, count.get(p.name.toLowerCase()) === 1 ? p.name : p.externalId]));
}

/** Finds people by external id (exact) first, then by display name (any case) when only one has it. */
export class PersonIndex<K> {
  readonly #byExternal = new Map<string, K>();
  readonly #byName = new Map<string, K[]>();

  add(key: K, externalId: string | null, name: string | null): void {
    if (externalId !== null) this.#byExternal.set(externalId, key);
    if (name !== null) {
      const list = this.#byName.get(name.toLowerCase()) ?? [];
      if (!list.includes(key)) list.push(key);
      this.#byName.set(name.toLowerCase(), list);
    }
  }

  byExternalId(externalId: string): K | undefined {
    return this.#byExternal.get(externalId);
  }

  resolve(label: string): Result<K, string> {
    const byId = this.#byExternal.get(label);
    if (byId !== undefined) return ok(byId);
    const named = this.#byName.get(label.toLowerCase()) ?? [];
    if (named.length === 1) return ok(named[0]!);
    if (named.length > 1) return fail(`${named.length} people are called "${label}"; use their external id`);
    return fail(`no person "${label}"`);
  }
}

/** A person index over the members of a workspace, keyed by member id. */
export function memberIndex(people: readonly Person[]): PersonIndex<number> {
  const index = new PersonIndex<number>();
  for (const p of people) index.add(p.id, p.externalId, p.name);
  return index;
}

/**
 * Facts stated on several rows (a person's manager on each of their team rows): the first value
 * wins, an equal one is fine, a different one is an issue on its line naming the first.
 */
export class Facts<K, V> {
  readonly #seen = new Map<K, { value: V; line: number }>();

  constructor(private readonly issues: CsvIssue[]) {}

  state(key: K, value: V | null, line: number, column: string, same: (a: V, b: V) => boolean = Object.is): void {
    if (value === null) return;
    const first = this.#seen.get(key);
    if (!first) this.#seen.set(key, { value, line });
    else if (!same(first.value, value)) this.issues.push({ line, column, message: `contradicts line ${first.line}` });
  }

  get(key: K): V | undefined {
    return this.#seen.get(key)?.value;
  }

  lineOf(key: K): number | undefined {
    return this.#seen.get(key)?.line;
  }

  entries(): [K, V][] {
    return [...this.#seen].map(([k, v]) => [k, v.value]);
  }
}

/**
 * Whether following `parentOf` up from `start` comes back to it: the loop check that reporting
 * lines, team trees and alignment share. The walk is bounded, so a loop elsewhere cannot hang it.
 */
export function closesLoop<K>(start: K, parentOf: (k: K) => K | null | undefined): boolean {
  const seen = new Set<K>();
  for (let at = parentOf(start); at !== null && at !== undefined; at = parentOf(at)) {
    if (at === start) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}
