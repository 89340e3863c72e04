import { progressPercent } from '../../domain/progress';

export const BAR_CELLS = 10;
const FULL = '▓';
const EMPTY = '░';

/**
 * `▓▓▓▓▓░░░░░ 52%`: ten cells and the percentage, both clamped to 0–100 % (progress is stored
 * unclamped; design.md §2). The bar is full only at 100 %, so "almost done" never looks done.
 */
export function progressBar(progress: number): string {
  const percent = progressPercent(progress);
  const filled = percent >= 100 ? BAR_CELLS : Math.min(BAR_CELLS - 1, Math.round(percent / 10));
  return `${FULL.repeat(filled)}${EMPTY.repeat(BAR_CELLS - filled)} ${percent}%`;
}

/** The clamped whole percentage as text, `52%`, for sentences ("O-7 is now at 52%"). */
export const progressLabel = (progress: number): string => `${progressPercent(progress)}%`;
