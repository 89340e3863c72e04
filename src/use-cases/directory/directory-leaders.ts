import type { CleanDepartment, CleanDirectory, CleanPerson } from './normalize-snapshot';

// Whom the directory names as a team's manager and as a person's manager. Only people who are
// active in the same snapshot count ("known"): a leader who left, or an id the snapshot does not
// list, is skipped as if absent.

const isKnown = (dir: CleanDirectory, ref: string): boolean => dir.people.get(ref)?.active === true;

/** The department's first known leader, or null. */
export function departmentLeader(dir: CleanDirectory, department: CleanDepartment): string | null {
  return department.leaderRefs.find((ref) => isKnown(dir, ref)) ?? null;
}

/**
 * The person's first known direct leader; else the leader of their main department — or, when they
 * lead it themselves (or it has no known leader), of the nearest department above that has one
 * they do not lead. Null when the chain ends without one.
 */
export function personManager(dir: CleanDirectory, person: CleanPerson): string | null {
  const direct = person.directLeaderRefs.find((ref) => isKnown(dir, ref));
  if (direct !== undefined) return direct;
  let ref = person.mainDepartmentRef;
  // Parent chains are loop-free after normalisation; the bound only guards against a bug there.
  for (let hops = 0; ref !== null && hops <= dir.departments.size; hops += 1) {
    const department = dir.departments.get(ref);
    if (!department) return null;
    if (!department.leaderRefs.includes(person.ref)) {
      const leader = departmentLeader(dir, department);
      if (leader !== null) return leader;
    }
    ref = department.parentRef;
  }
  return null;
}

/**
 * The root department: the first one the directory gave no parent (WeCom's company root), else the
 * first one at the top after dropping missing parents and loops.
 */
export function rootDepartment(dir: CleanDirectory): CleanDepartment | null {
  const all = [...dir.departments.values()];
  return all.find((d) => d.declaredRoot) ?? all.find((d) => d.parentRef === null) ?? null;
}
