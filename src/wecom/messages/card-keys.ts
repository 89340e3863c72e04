import type { Confidence } from '../../domain/key-result';

// The ids a check-in card carries and gets back in template_card_event: button keys (EventKey),
// the drop-down's question key and option ids (SelectedItems), and the card's task_id (TaskId).
// What comes back is untrusted input: anyone can post a callback body once they have the token,
// so decoding accepts exactly what encoding produces and nothing else.

/** What a check-in card's button does: record a confidence for the chosen key result, or show the details. */
export type CardChoice = Confidence | 'details';

export const CARD_CHOICES: readonly CardChoice[] = ['on_track', 'at_risk', 'off_track', 'details'];

export interface CardKey {
  readonly promptId: number;
  readonly choice: CardChoice;
}

/** `question_key` of the drop-down that picks the key result the buttons apply to. */
export const KEY_RESULT_QUESTION = 'kr';

/** Longest id we encode or accept: 15 digits keeps every id a safe integer. */
const ID = '([1-9]\\d{0,14}|0)';
const CARD_KEY = new RegExp(`^checkin:${ID}:(on_track|at_risk|off_track|details)$`);
const OPTION_ID = new RegExp(`^kr-${ID}$`);
/** Nothing we encode is longer; longer input is refused before any regex runs. */
const MAX_KEY_LENGTH = 64;

function assertId(name: string, id: number): void {
  if (!Number.isSafeInteger(id) || id < 0 || id > 999_999_999_999_999) throw new RangeError(`${name} must be a non-negative integer id: ${id}`);
}

const isChoice = (s: string): s is CardChoice => (CARD_CHOICES as readonly string[]).includes(s);

/** `checkin:41:at_risk`: unique per card (one per choice), far below WeCom's 1,024 bytes. */
export function encodeCardKey(key: CardKey): string {
  assertId('promptId', key.promptId);
  return `checkin:${key.promptId}:${key.choice}`;
}

/** The button a `template_card_event` `EventKey` names, or null for anything we did not send. */
export function decodeCardKey(key: unknown): CardKey | null {
  if (typeof key !== 'string' || key.length > MAX_KEY_LENGTH) return null;
  const m = CARD_KEY.exec(key);
  if (!m || !isChoice(m[2]!)) return null;
  const promptId = Number(m[1]);
  return Number.isSafeInteger(promptId) ? { promptId, choice: m[2] } : null;
}

/** `kr-12`: the drop-down option for key result 12. */
export function keyResultOptionId(keyResultId: number): string {
  assertId('keyResultId', keyResultId);
  return `kr-${keyResultId}`;
}

/** The key result a selected option id names, or null for anything we did not send. */
export function decodeKeyResultOptionId(id: unknown): number | null {
  if (typeof id !== 'string' || id.length > MAX_KEY_LENGTH) return null;
  const m = OPTION_ID.exec(id);
  if (!m) return null;
  const keyResultId = Number(m[1]);
  return Number.isSafeInteger(keyResultId) ? keyResultId : null;
}

/**
 * The card's `task_id`: `checkin-41`, or `checkin-41-2` for a second card for the same prompt
 * (WeCom refuses a task_id it has seen, so a resend needs a fresh one). Only `[0-9a-z-]`, well
 * under 128 bytes.
 */
export function taskIdFor(promptId: number, attempt?: number): string {
  assertId('promptId', promptId);
  if (attempt === undefined || attempt === 0) return `checkin-${promptId}`;
  assertId('attempt', attempt);
  return `checkin-${promptId}-${attempt}`;
}
