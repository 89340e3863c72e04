import type { UpdateValue } from '../../domain/command/command';
import { hasExplicitSign, parseQuantity } from '../../domain/command/quantity';
import { codePointLength, fold, shorten, trimPunct } from '../../domain/command/text';
import { CONFIDENCES, type Confidence } from '../../domain/key-result';
import type { Locale } from '../../domain/member';
import { createTranslator } from '../../i18n/translate';
import { CHECK_IN_BLOCK, CHECK_IN_TEXT_MAX, CONFIDENCE_ACTION_PREFIX } from './check-in-modal.blocks';
import { hasErrors, textOf, type FormErrors, type FormResult, type ViewStateValues } from './read-form';

export type { ViewStateValues } from './read-form';

export interface CheckInEntry {
  readonly keyResultId: number;
  readonly value: UpdateValue;
  readonly confidence?: Confidence;
  readonly note?: string;
  readonly blocker?: string;
}

const FIELD_BLOCK = /^([vcnb]):([1-9]\d{0,14})$/;
const DONE = new Set(['done', 'complete', 'completed', 'finished', '完成', '已完成', '达成', '已达成', '✅']);
const NOT_DONE = new Set(['notdone', 'undone', 'incomplete', 'notyet', '未完成', '没完成']);

const isConfidence = (v: string): v is Confidence => (CONFIDENCES as readonly string[]).includes(v);

/** `45`, `45%`, `1.2k` set the value; `+5`, `-3` move it; `done` / `完成`; '' changes nothing. null: not understood. */
export function readUpdateValue(text: string): UpdateValue | null {
  const trimmed = text.trim();
  if (trimmed === '') return { mode: 'none' };
  const word = trimPunct(fold(trimmed)).replace(/[\s_\-‐‑–—]/g, '');
  if (DONE.has(word)) return { mode: 'done' };
  if (NOT_DONE.has(word)) return { mode: 'not_done' };
  const quantity = parseQuantity(trimmed);
  if (!quantity) return null;
  return { mode: hasExplicitSign(trimmed) ? 'delta' : 'absolute', quantity };
}

/** The key result ids that have fields in the submission, in the order the modal showed them. */
function keyResultIds(values: ViewStateValues): number[] {
  const ids: number[] = [];
  for (const blockId of Object.keys(values)) {
    const m = FIELD_BLOCK.exec(blockId);
    if (!m) continue;
    const id = Number(m[2]);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The chosen confidence and whether the user changed it. The select starts on the current confidence
 * and its action_id carries that confidence, so a select left alone does not count as a check-in.
 */
function readConfidence(values: ViewStateValues, blockId: string): { confidence: Confidence | null; changed: boolean; bad: boolean } {
  const block = values[blockId];
  if (!block) return { confidence: null, changed: false, bad: false };
  for (const [actionId, state] of Object.entries(block)) {
    const chosen = state.selected_option?.value ?? null;
    if (chosen === null) return { confidence: null, changed: false, bad: false };
    if (!isConfidence(chosen)) return { confidence: null, changed: true, bad: true };
    const initial = actionId.startsWith(CONFIDENCE_ACTION_PREFIX) ? actionId.slice(CONFIDENCE_ACTION_PREFIX.length) : '';
    return { confidence: chosen, changed: chosen !== initial, bad: false };
  }
  return { confidence: null, changed: false, bad: false };
}

/**
 * Reads a submitted check-in modal into one entry per key result that was filled in. A key result
 * with only a confidence, note or blocker is an entry with value mode `none`; one left untouched is
 * skipped. Errors (keyed by block_id): a value that is not understood, a note or blocker over
 * 2,000 characters, and — when nothing at all was filled in — one on the first value field.
 */
export function readCheckInForm(values: ViewStateValues, locale: Locale): FormResult<CheckInEntry[]> {
  const t = createTranslator(locale);
  const errors: FormErrors = {};
  const entries: CheckInEntry[] = [];
  const ids = keyResultIds(values);

  const readText = (blockId: string): string | undefined => {
    const text = textOf(values, blockId);
    if (text === '') return undefined;
    if (codePointLength(text) > CHECK_IN_TEXT_MAX) errors[blockId] = t('slackViews.common.tooLong', { max: CHECK_IN_TEXT_MAX });
    return text;
  };

  for (const id of ids) {
    const valueBlock = CHECK_IN_BLOCK.value(id);
    const raw = textOf(values, valueBlock);
    const value = readUpdateValue(raw);
    if (value === null) errors[valueBlock] = t('slackViews.checkIn.badValue', { value: shorten(raw) });
    const confidenceBlock = CHECK_IN_BLOCK.confidence(id);
    const confidence = readConfidence(values, confidenceBlock);
    if (confidence.bad) errors[confidenceBlock] = t('slackViews.checkIn.badConfidence');
    const note = readText(CHECK_IN_BLOCK.note(id));
    const blocker = readText(CHECK_IN_BLOCK.blocker(id));

    const touched = (value !== null && value.mode !== 'none') || confidence.changed || note !== undefined || blocker !== undefined;
    if (!touched || value === null) continue;
    const entry: { -readonly [K in keyof CheckInEntry]: CheckInEntry[K] } = { keyResultId: id, value };
    if (confidence.confidence !== null) entry.confidence = confidence.confidence;
    if (note !== undefined) entry.note = note;
    if (blocker !== undefined) entry.blocker = blocker;
    entries.push(entry);
  }

  if (hasErrors(errors)) return { ok: false, errors };
  if (entries.length === 0) {
    // With no fields at all (not a modal this code built) the key names no block; Slack shows nothing.
    return { ok: false, errors: { [CHECK_IN_BLOCK.value(ids[0] ?? 0)]: t('slackViews.checkIn.nothing') } };
  }
  return { ok: true, value: entries };
}
