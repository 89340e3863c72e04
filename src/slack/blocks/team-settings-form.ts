import { parseQuantity } from '../../domain/command/quantity';
import type { Locale } from '../../domain/member';
import { createTranslator } from '../../i18n/translate';
import { conversationOf, hasErrors, selectedOf, textOf, type FormErrors, type FormResult, type ViewStateValues } from './read-form';
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
}

/** `20`, `20%`, `２０`: a whole number of points 1–100, or null. */
export function parseThreshold(text: string): number | null {
  const q = parseQuantity(text);
  if (!q || (q.unit !== undefined && q.unit !== '%')) return null;
  return Number.isInteger(q.value) && q.value >= 1 && q.value <= 100 ? q.value : null;
}

/** Reads a submitted team settings modal; errors keyed by block_id for a missing day or time and a bad threshold. */
export function readTeamSettingsForm(values: ViewStateValues, locale: Locale): FormResult<TeamSettingsForm> {
  const t = createTranslator(locale);
  const B = TEAM_SETTINGS_BLOCK;
  const errors: FormErrors = {};

  const weekday = selectedOf(values, B.weekday);
  if (weekday === null || !/^[1-7]$/.test(weekday)) errors[B.weekday] = t('slackViews.teamSettings.badWeekday');
  const time = selectedOf(values, B.time);
  if (time === null || !CHECKIN_TIME.test(time)) errors[B.time] = t('slackViews.teamSettings.badTime');
  const threshold = parseThreshold(textOf(values, B.threshold));
  if (threshold === null) errors[B.threshold] = t('slackViews.teamSettings.badThreshold');

  if (hasErrors(errors) || weekday === null || time === null || threshold === null) return { ok: false, errors };
  return {
    ok: true,
    value: { checkinWeekday: Number(weekday), checkinTime: time, channelRef: conversationOf(values, B.channel), lagThreshold: threshold },
  };
}
