import fc from 'fast-check';
import {
  applyKeyResultProgress,
  buildRollupIndex,
  rollUp,
  weightedProgress,
  type RollupKeyResult,
  type RollupObjective,
} from '../../../src/domain/roll-up';

const obj = (id: number, parentId: number | null, weight = 1): RollupObjective => ({ id, parentId, weight });
const kr = (id: number, objectiveId: number, progress: number, weight = 1): RollupKeyResult => ({ id, objectiveId, weight, progress });

describe('weightedProgress', () => {
  it.each([
    [[], 0],
    [[{ weight: 1, progress: 0.5 }], 0.5],
    [[{ weight: 1, progress: 0 }, { weight: 3, progress: 1 }], 0.75],
    // Over-achievement is clamped: 300 % cannot hide the stalled sibling.
    [[{ weight: 1, progress: 3 }, { weight: 1, progress: 0 }], 0.5],
    [[{ weight: 1, progress: -2 }, { weight: 1, progress: 1 }], 0.5],
    [[{ weight: 0, progress: 1 }], 0],
    [[{ weight: 0, progress: 1 }, { weight: 2, progress: 0.25 }], 0.25],
    [[{ weight: -1, progress: 1 }, { weight: NaN, progress: 1 }], 0],
  ])('%j -> %p', (children, expected) => {
    expect(weightedProgress(children)).toBeCloseTo(expected, 12);
  });
});

describe('rollUp', () => {
  it('weights KRs and child objectives together', () => {
    const progress = rollUp(
      [obj(1, null), obj(2, 1, 2), obj(3, 1, 1), obj(4, null)],
      [kr(10, 1, 1), kr(20, 2, 0.5), kr(21, 2, 1.5), kr(30, 3, 0)],
    );
    // O2 = (0.5 + 1) / 2 = 0.75; O3 = 0; O1 = (1*1 + 2*0.75 + 1*0) / 4 = 0.625; O4 has no children.
    expect(progress.get(2)).toBeCloseTo(0.75, 12);
    expect(progress.get(3)).toBe(0);
    expect(progress.get(1)).toBeCloseTo(0.625, 12);
    expect(progress.get(4)).toBe(0);
  });

  it('treats a parent outside the set as a root and ignores orphan KRs', () => {
    const progress = rollUp([obj(1, 999)], [kr(1, 1, 0.4), kr(2, 777, 1)]);
    expect([...progress]).toEqual([[1, 0.4]]);
  });

  it('breaks alignment cycles: objectives on the cycle become roots', () => {
    // 1 -> 2 -> 3 -> 1 is a cycle; 4 hangs off 1; 5 is a self-loop.
    const objectives = [obj(1, 3), obj(2, 1), obj(3, 2), obj(4, 1), obj(5, 5)];
    const krs = [kr(40, 4, 0.8), kr(20, 2, 0.2), kr(50, 5, 0.6)];
    const progress = rollUp(objectives, krs);
    expect(progress.get(4)).toBeCloseTo(0.8, 12);
    expect(progress.get(1)).toBeCloseTo(0.8, 12); // only its non-cycle child counts
    expect(progress.get(2)).toBeCloseTo(0.2, 12);
    expect(progress.get(3)).toBe(0);
    expect(progress.get(5)).toBeCloseTo(0.6, 12);
    const index = buildRollupIndex(objectives, krs);
    const map = new Map(progress);
    expect(applyKeyResultProgress(index, map, 40, 0.1)).toEqual([4, 1]);
    expect(applyKeyResultProgress(index, map, 50, 1)).toEqual([5]);
    expect(map).toEqual(rollUp(objectives, [kr(40, 4, 0.1), kr(20, 2, 0.2), kr(50, 5, 1)]));
  });

  it('rolls a chain of 10,000 objectives up without overflowing the stack', () => {
    const n = 10_000;
    const objectives = Array.from({ length: n }, (_, i) => obj(i, i === 0 ? null : i - 1));
    const progress = rollUp(objectives, [kr(1, n - 1, 0.37)]);
    expect(progress.size).toBe(n);
    expect(progress.get(0)).toBeCloseTo(0.37, 12);
    const index = buildRollupIndex(objectives, [kr(1, n - 1, 0.37)]);
    const path = applyKeyResultProgress(index, progress, 1, 0.9);
    expect(path).toHaveLength(n);
    expect(path[0]).toBe(n - 1);
    expect(path[n - 1]).toBe(0);
    expect(progress.get(0)).toBeCloseTo(0.9, 12);
  });

  it('recomputes only the ancestor path', () => {
    const objectives = [obj(1, null), obj(2, 1), obj(3, 1), obj(4, 2)];
    const krs = [kr(1, 4, 0), kr(2, 3, 0)];
    const index = buildRollupIndex(objectives, krs);
    const progress = rollUp(objectives, krs);
    expect(applyKeyResultProgress(index, progress, 1, 1)).toEqual([4, 2, 1]);
    expect(applyKeyResultProgress(index, progress, 999, 1)).toEqual([]);
  });
});

/** Raw random material; `toGraph` turns it into objectives and KRs. */
const material = fc.record({
  objectives: fc.array(
    fc.record({
      parent: fc.oneof(fc.constant(null), fc.constant('dangling' as const), fc.nat()),
      weight: fc.double({ min: 0.01, max: 10, noNaN: true }),
    }),
    { minLength: 1, maxLength: 200 },
  ),
  keyResults: fc.array(
    fc.record({
      objective: fc.nat(),
      weight: fc.double({ min: 0.01, max: 10, noNaN: true }),
      progress: fc.double({ min: -1, max: 3, noNaN: true }),
    }),
    { maxLength: 300 },
  ),
  updates: fc.array(fc.tuple(fc.nat(), fc.double({ min: -1, max: 3, noNaN: true })), { maxLength: 30 }),
});

type Material = typeof material extends fc.Arbitrary<infer T> ? T : never;

/**
 * A random forest: each objective's parent is an earlier one (objective 0 may be a self-loop),
 * nothing, or a dangling id; with `anyParent` it may be any objective, so cycles are likely.
 */
function toGraph(raw: Material, anyParent: boolean) {
  const n = raw.objectives.length;
  const objs = raw.objectives.map((o, i) => {
    if (o.parent === null) return obj(i, null, o.weight);
    if (o.parent === 'dangling') return obj(i, 100_000, o.weight);
    return obj(i, o.parent % (anyParent || i === 0 ? n : i), o.weight);
  });
  const krs = raw.keyResults.map((k, i) => kr(i, k.objective % n, k.progress, k.weight));
  return { objs, krs };
}

describe('applyKeyResultProgress', () => {
  it.each([
    ['forests', false],
    ['graphs with cycles', true],
  ])('matches a full rollUp after every random update (%s)', (_, anyParent) => {
    fc.assert(
      fc.property(material, (raw) => {
        const { objs, krs } = toGraph(raw, anyParent);
        const index = buildRollupIndex(objs, krs);
        const progress = rollUp(objs, krs);
        for (const [pick, value] of raw.updates) {
          if (krs.length === 0) break;
          const id = pick % krs.length;
          krs[id] = { ...(krs[id] as RollupKeyResult), progress: value };
          applyKeyResultProgress(index, progress, id, value);
          const fresh = rollUp(objs, krs);
          expect(progress.size).toBe(fresh.size);
          for (const [oid, p] of fresh) expect(Math.abs((progress.get(oid) ?? NaN) - p)).toBeLessThanOrEqual(1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
