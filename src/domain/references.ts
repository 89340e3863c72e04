/** How people see and type short references: O-7, KR-12, B-3. */
export const formatObjectiveRef = (n: number) => `O-${n}`;
export const formatKeyResultRef = (n: number) => `KR-${n}`;
export const formatBlockerRef = (n: number) => `B-${n}`;

/**
 * Existing reference numbers that look like the one typed (one digit off, swapped or missing),
 * closest first, for "KR-12 not found — did you mean KR-21, KR-2?".
 */
export function closestRefs(typed: number, existing: readonly number[], max = 3): number[] {
  const t = String(typed);
  return existing
    .map((n) => ({ n, d: editDistance(t, String(n)) }))
    .filter((x) => x.n !== typed && x.d <= 1 + Math.floor(t.length / 3))
    .sort((a, b) => a.d - b.d || Math.abs(a.n - typed) - Math.abs(b.n - typed))
    .slice(0, max)
    .map((x) => x.n);
}

/** Damerau-style edit distance for short digit strings (swaps count as one edit). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
