import type { Confidence } from '../key-result';
import { fold, trimPunct } from './text';

const WORDS: Readonly<Record<Confidence, readonly string[]>> = {
  on_track: ['ontrack', 'green', 'good', '正常', '按计划', '绿', '绿色', '🟢'],
  at_risk: ['atrisk', 'risk', 'risky', 'yellow', 'amber', '有风险', '风险', '黄', '黄色', '🟡'],
  off_track: ['offtrack', 'red', 'behind', '延期', '落后', '红', '红色', '🔴'],
};

const LOOKUP: ReadonlyMap<string, Confidence> = new Map(
  (Object.keys(WORDS) as Confidence[]).flatMap((c) => WORDS[c].map((w) => [w, c] as const)),
);

/** Separators vary (`on track`, `on-track`, `on_track`, `ontrack`), so they are dropped before lookup. */
const squash = (s: string): string => trimPunct(fold(s)).replace(/[\s_\-‐‑–—]/g, '');

/** A confidence word in English or Chinese (`at-risk`, `yellow`, `有风险`), or null. */
export function parseConfidence(word: string): Confidence | null {
  return LOOKUP.get(squash(word)) ?? null;
}

/** Every Chinese confidence word, longest first, for splitting `45有风险` typed without a space. */
export const GLUED_CONFIDENCE_WORDS: readonly string[] = [...LOOKUP.keys()]
  .filter((w) => /\p{Script=Han}/u.test(w))
  .sort((a, b) => b.length - a.length);
