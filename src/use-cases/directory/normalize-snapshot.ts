import type { DirectorySnapshot } from '../../ports/directory';
import { linksClosingCycles } from './break-cycles';

// A directory is someone else's data: ids repeat, parents point nowhere or in circles, names are
// blank or too long. The sync only ever sees the cleaned form below, which the schema accepts.

export interface CleanDepartment {
  readonly ref: string;
  /** 1–200 characters (team.name's limit). */
  readonly name: string;
  /** A department of this snapshot, never itself, never a loop; null at the top. */
  readonly parentRef: string | null;
  /** The directory called it a root (no parent given), as opposed to an orphan of a missing parent. */
  readonly declaredRoot: boolean;
  readonly leaderRefs: readonly string[];
}

export interface CleanPerson {
  readonly ref: string;
  /** 1–200 characters (member.display_name's limit). */
  readonly name: string;
  /** Departments of this snapshot, each once; the main department is among them. */
  readonly departmentRefs: readonly string[];
  readonly mainDepartmentRef: string | null;
  readonly active: boolean;
  /** Never themselves. */
  readonly directLeaderRefs: readonly string[];
}

/** Departments and people by ref, in snapshot order; the first of a repeated ref wins. */
export interface CleanDirectory {
  readonly departments: ReadonlyMap<string, CleanDepartment>;
  readonly people: ReadonlyMap<string, CleanPerson>;
}

const MAX_NAME = 200;

/** Trimmed and cut to the schema's length in characters (not UTF-16 units); the ref when blank. */
function cleanName(name: string, ref: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? ref.slice(0, MAX_NAME) : chars.slice(0, MAX_NAME).join('').trim();
}

function cleanRefs(refs: readonly string[], keep: (ref: string) => boolean): string[] {
  return [...new Set(refs.map((r) => r.trim()))].filter((r) => r !== '' && keep(r));
}

/** The snapshot with every reference resolvable and every department chain ending at a root. */
export function normalizeSnapshot(snapshot: DirectorySnapshot): CleanDirectory {
  const given = new Map<string, DirectorySnapshot['departments'][number]>();
  for (const d of snapshot.departments) {
    const ref = d.ref.trim();
    if (ref !== '' && ref.length <= MAX_NAME && !given.has(ref)) given.set(ref, d);
  }
  const parentOf = (ref: string): string | null => {
    const parent = given.get(ref)?.parentRef?.trim() ?? '';
    return parent !== '' && parent !== ref && given.has(parent) ? parent : null;
  };
  const cut = linksClosingCycles(given.keys(), parentOf, () => true);

  const departments = new Map<string, CleanDepartment>();
  for (const [ref, d] of given) {
    departments.set(ref, {
      ref,
      name: cleanName(d.name, ref),
      parentRef: cut.has(ref) ? null : parentOf(ref),
      declaredRoot: (d.parentRef?.trim() ?? '') === '',
      leaderRefs: cleanRefs(d.leaderRefs, () => true),
    });
  }

  const people = new Map<string, CleanPerson>();
  for (const p of snapshot.people) {
    const ref = p.ref.trim();
    if (ref === '' || people.has(ref)) continue;
    const inDepartment = cleanRefs(p.departmentRefs, (r) => departments.has(r));
    const main = p.mainDepartmentRef?.trim() ?? '';
    const mainRef = departments.has(main) ? main : (inDepartment[0] ?? null);
    people.set(ref, {
      ref,
      name: cleanName(p.name, ref),
      departmentRefs: mainRef !== null && !inDepartment.includes(mainRef) ? [...inDepartment, mainRef] : inDepartment,
      mainDepartmentRef: mainRef,
      active: p.active,
      directLeaderRefs: cleanRefs(p.directLeaderRefs, (r) => r !== ref),
    });
  }
  return { departments, people };
}
