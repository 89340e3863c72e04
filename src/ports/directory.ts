// The organisation chart as a platform's directory holds it (WeCom's departments and people).
// Platform-neutral on purpose: the WeCom adapter fills it from the contact API, tests write it by
// hand, and `syncDirectory` turns it into teams, members and managers.

/** One department. Refs are the platform's ids as strings (WeCom department ids are numbers). */
export interface DirectoryDepartment {
  readonly ref: string;
  readonly name: string;
  /** Null for the root department (or when the platform gives no parent). */
  readonly parentRef: string | null;
  /** The department's leaders (people refs), first one first: WeCom's `department_leader`. */
  readonly leaderRefs: string[];
}

/** One person. `ref` is the platform user id, the same id chat events carry. */
export interface DirectoryPerson {
  readonly ref: string;
  readonly name: string;
  readonly departmentRefs: string[];
  readonly mainDepartmentRef: string | null;
  /** False when the platform says they are disabled or have left. */
  readonly active: boolean;
  /** Whom they report to directly, first one first: WeCom's `direct_leader`. */
  readonly directLeaderRefs: string[];
}

/** Everything the directory says at one moment; a sync mirrors it whole. */
export interface DirectorySnapshot {
  departments: DirectoryDepartment[];
  people: DirectoryPerson[];
}

/** Reads the whole directory of one workspace. */
export interface DirectoryReader {
  snapshot(): Promise<DirectorySnapshot>;
}
