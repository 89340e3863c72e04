import { parseHours, parseWorkdays } from '../../domain/command/durations';
import { parseQuantity } from '../../domain/command/quantity';
import type { Locale } from '../../domain/member';
import { TEAM_LADDER_RANGE, type TeamSettingField } from '../../domain/team';
import { createTranslator } from '../../i18n/translate';
import { conversationOf, fieldOf, hasErrors, selectedOf, textOf, type FormErrors, type FormResult, type ViewStateValues } from './read-form';
import { CHECKIN_TIME, TEAM_SETTINGS_BLOCK } from './team-settings-modal.blocks';

export type { ViewStateValues } from './read-form';

export interface TeamSettingsForm {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly checkinWeekday: number;
  /** `HH:MM`. */
  readonly checkinTime: string;
  /** The Slack conversation id for digests and alerts, or null for none. */
  readonly channelRef: string | null;
  /** Points behind the expected pace, 1–100. */
  readonly lagThreshold: number;
  /**
   * The escalation ladder: hours to the reminder (1–72), workdays to the manager (0–20, 0 = never),
   * hours to the digest (0–144). Absent only when the submitted modal predates these fields.
   */
  readonly remindAfterHours?: number;
  readonly escalateAfterWorkdays?: number;
  readonly digestAfterHours?: number;
}

/**
 * The form's block for each setting the use-case can refuse (`invalid_setting`), so its error lands
 * under the right field; settings the form does not show fall back to the threshold.
 */
export const TEAM_SETTINGS_ERROR_BLOCK: Readonly<Record<TeamSettingField, string>> = {
  weekday: TEAM_SETTINGS_BLOCK.weekday,
  time: TEAM_SETTINGS_BLOCK.time,
  threshold: TEAM_SETTINGS_BLOCK.threshold,
  stale: TEAM_SETTINGS_BLOCK.threshold,
  channel: TEAM_SETTINGS_BLOCK.channel,
  remind: TEAM_SETTINGS_BLOCK.remind,
  escalate: TEAM_SETTINGS_BLOCK.escalate,
  digest: TEAM_SETTINGS_BLOCK.digest,
};

/** `20`, `20%`, `２０`: a whole number of points 1–100, or null. */
export function parseThreshold(text: string): number | null {
  const q = parseQuantity(text);
  if (!q || (q.unit !== undefined && q.unit !== '%')) return null;
  return Number.isInteger(q.value) && q.value >= 1 && q.value <= 100 ? q.value : null;
}

const whole = (n: number | null, range: { readonly min: number; readonly max: number }): number | null =>
  n !== null && Number.isInteger(n) && n >= range.min && n <= range.max ? n : null;

/**
 * One rung of the escalation ladder: undefined when the modal had no such field, null when the
 * text is not a whole number in range, else the number.
 */
function ladderValue(values: ViewStateValues, blockId: string, read: (text: string) => number | null, range: { readonly min: number; readonly max: number }): number | null | undefined {
  if (fieldOf(values, blockId) === undefined) return undefined;
  const text = textOf(values, blockId);
  return text === '' ? null : whole(read(text), range);
}

/** Reads a submitted team settings modal; errors keyed by block_id for a missing day or time and a bad number. */
export function readTeamSettingsForm(values: ViewStateValues, locale: Locale): FormResult<TeamSettingsForm> {
  const t = createTranslator(locale);
  const B = TEAM_SETTINGS_BLOCK;
  const R = TEAM_LADDER_RANGE;
  const errors: FormErrors = {};

  const weekday = selectedOf(values, B.weekday);
  if (weekday === null || !/^[1-7]$/.test(weekday)) errors[B.weekday] = t('slackViews.teamSettings.badWeekday');
  const time = selectedOf(values, B.time);
  if (time === null || !CHECKIN_TIME.test(time)) errors[B.time] = t('slackViews.teamSettings.badTime');
  const threshold = parseThreshold(textOf(values, B.threshold));
  if (threshold === null) errors[B.threshold] = t('slackViews.teamSettings.badThreshold');
  const remind = ladderValue(values, B.remind, parseHours, R.remind);
  if (remind === null) errors[B.remind] = t('slackViews.teamSettings.badRemind');
  const escalate = ladderValue(values, B.escalate, parseWorkdays, R.escalate);
  if (escalate === null) errors[B.escalate] = t('slackViews.teamSettings.badEscalate');
  const digest = ladderValue(values, B.digest, parseHours, R.digest);
  if (digest === null) errors[B.digest] = t('slackViews.teamSettings.badDigest');

  if (hasErrors(errors) || weekday === null || time === null || threshold === null || remind === null || escalate === null || digest === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      checkinWeekday: Number(weekday),
      checkinTime: time,
      channelRef: conversationOf(values, B.channel),
      lagThreshold: threshold,
      ...(remind === undefined ? {} : { remindAfterHours: remind }),
      ...(escalate === undefined ? {} : { escalateAfterWorkdays: escalate }),
      ...(digest === undefined ? {} : { digestAfterHours: digest }),
    },
  };
}
