import type { KeyResultMeasure } from './key-result';
import { clampProgress, keyResultProgress } from './progress';
import { weightedProgress } from './roll-up';

/** Rounds to the nearest tenth, the granularity of OKR scores (0.0–1.0). */
function toTenth(x: number): number {
  return Math.round(clampProgress(x) * 10) / 10;
}

/** Suggested end-of-cycle KR score: clamped progress to the nearest 0.1 (milestone/threshold: 1 or 0). */
export function suggestKeyResultScore(m: KeyResultMeasure): number {
  return toTenth(keyResultProgress(m));
}

/** Suggested objective score: weighted mean of its children's scores, to the nearest 0.1. */
export function suggestObjectiveScore(children: readonly { weight: number; score: number }[]): number {
  return toTenth(weightedProgress(children.map((c) => ({ weight: c.weight, progress: c.score }))));
}

/** How a score reads in the review: 0.7+ delivered, 0.4+ progress, below that missed. */
export function scoreVerdict(score: number): 'delivered' | 'progress' | 'missed' {
  if (score >= 0.7) return 'delivered';
  if (score >= 0.4) return 'progress';
  return 'missed';
}
