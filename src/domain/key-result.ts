/** The five kinds of key result (design.md §2). */
export const KEY_RESULT_KINDS = ['increase', 'decrease', 'stay_above', 'stay_below', 'milestone'] as const;
export type KeyResultKind = (typeof KEY_RESULT_KINDS)[number];

export const CONFIDENCES = ['on_track', 'at_risk', 'off_track'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Shape of the expected progress over a cycle; `linear` unless the owner chose otherwise. */
export const PACE_CURVES = ['linear', 'front_loaded', 'back_loaded', 'end_loaded'] as const;
export type PaceCurve = (typeof PACE_CURVES)[number];

/** What the progress maths needs to know about a key result. */
export interface KeyResultMeasure {
  readonly kind: KeyResultKind;
  readonly start: number;
  readonly target: number;
  /** null until the first check-in: progress counts as the start. */
  readonly current: number | null;
}
