// The handle people type for a team made from a department (`#sales`, `#dept-12`). Chosen once,
// when the team is created: a rename in the directory renames the team, but a handle people have
// learnt stays.

const MAX_HANDLE = 80;
const ASCII = /^[\x20-\x7e]*$/;

/**
 * A slug of the name when it is plain ASCII ("Sales & Marketing" → `sales-marketing`), otherwise
 * `dept-<ref>` — a pinyin guess at "研发部" would mislead more than the id helps.
 */
export function departmentHandle(name: string, ref: string): string {
  if (ASCII.test(name)) {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, MAX_HANDLE - 8).replace(/^-+|-+$/g, '');
    if (slug !== '') return slug;
  }
  // Refs are ids, but nothing promises that: keep only what a handle may hold.
  const safeRef = ref.replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-');
  return `dept-${safeRef}`.slice(0, MAX_HANDLE - 8);
}

/**
 * `base`, or `base-2`, `base-3`… — the first not in `taken` (lower-cased handles, since people type
 * them in any case). Records the choice in `taken`.
 */
export function claimHandle(base: string, taken: Set<string>): string {
  let handle = base;
  for (let n = 2; taken.has(handle.toLowerCase()); n += 1) handle = `${base}-${n}`;
  taken.add(handle.toLowerCase());
  return handle;
}
