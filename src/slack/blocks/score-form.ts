import { parseQuantity } from '../../domain/command/quantity';
import { codePointLength, shorten } from '../../domain/command/text';
import type { Locale } from '../../domain/member';
import { createTranslator } from '../../i18n/translate';
import { hasErrors, textOf, type FormErrors, type FormResult, type ViewStateValues } from './read-form';
import { SCORE_NOTE_BLOCK, SCORE_NOTE_MAX } from './score-modal.blocks';

export type { ViewStateValues } from './read-form';

export interface ScoreEntry {
  /** As the modal named it: `KR-12` or `O-7`. */
  readonly ref: string;
  /** 0.0–1.0. */
  readonly score: number;
}

export interface ScoreForm {
  /** The scores filled in, in the order of the modal; empty inputs are left out. */
  readonly value: ScoreEntry[];
  readonly note?: string;
}

const SCORE_BLOCK = /^s:(.{1,64})$/s;

/** `0.7`, `1`, `0`, `70%`, `０.７`: a score 0..1 or a percentage 0–100 %; null for anything else. */
export function parseScoreText(text: string): number | null {
  const q = parseQuantity(text);
  if (!q) return null;
  const score = q.unit === '%' ? q.value / 100 : q.unit === undefined ? q.value : NaN;
  return score >= 0 && score <= 1 ? score : null;
}

/**
 * Reads a submitted score modal. Errors (keyed by block_id): a score that is not 0.0–1.0 or 0–100 %,
 * a note over 2,000 characters, and — when every score was emptied — one on the first score field.
 */
export function readScoreForm(values: ViewStateValues, locale: Locale): FormResult<ScoreForm> {
  const t = createTranslator(locale);
  const errors: FormErrors = {};
  const scores: ScoreEntry[] = [];
  let first: string | undefined;

  for (const blockId of Object.keys(values)) {
    const m = SCORE_BLOCK.exec(blockId);
    if (!m) continue;
    first ??= blockId;
    const text = textOf(values, blockId);
    if (text === '') continue;
    const score = parseScoreText(text);
    if (score === null) errors[blockId] = t('slackViews.score.badScore', { value: shorten(text) });
    else scores.push({ ref: m[1]!, score });
  }

  const note = textOf(values, SCORE_NOTE_BLOCK);
  if (codePointLength(note) > SCORE_NOTE_MAX) errors[SCORE_NOTE_BLOCK] = t('slackViews.common.tooLong', { max: SCORE_NOTE_MAX });

  if (hasErrors(errors)) return { ok: false, errors };
  if (scores.length === 0) return { ok: false, errors: { [first ?? SCORE_NOTE_BLOCK]: t('slackViews.score.nothing') } };
  return { ok: true, value: note === '' ? { value: scores } : { value: scores, note } };
}
