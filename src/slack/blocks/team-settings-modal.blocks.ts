import type { KnownBlock, PlainTextOption, View } from '@slack/types';
import { textKit, type RenderContext } from '../../render/text/context';
import type { CatalogKey } from '../../i18n/translate';
import { TEAM_LADDER_RANGE } from '../../domain/team';
import { bold, context, input, modal, mrkdwnText, option, placeholder } from './common-modal.blocks';
import { VIEW } from './ids';

/** The team settings modal's block ids. */
export const TEAM_SETTINGS_BLOCK = {
  weekday: 'weekday',
  time: 'time',
  channel: 'channel',
  threshold: 'threshold',
  remind: 'remind',
  escalate: 'escalate',
  digest: 'digest',
} as const;

/** ISO weekdays, 1 = Monday … 7 = Sunday, as stored in `team.checkin_weekday`. */
export const WEEKDAY_KEYS: readonly CatalogKey[] = [
  'slackViews.weekday.mon',
  'slackViews.weekday.tue',
  'slackViews.weekday.wed',
  'slackViews.weekday.thu',
  'slackViews.weekday.fri',
  'slackViews.weekday.sat',
  'slackViews.weekday.sun',
];

/** `HH:MM`, 24-hour, as stored in `team.checkin_time`. */
export const CHECKIN_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Every half hour from 06:00 to 20:00. */
export const CHECKIN_TIMES: readonly string[] = Array.from({ length: 29 }, (_, i) => {
  const minutes = 6 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 === 0 ? '00' : '30'}`;
});

const SLACK_CONVERSATION = /^[CGD][A-Z0-9]{4,30}$/;

export interface TeamSettings {
  readonly id: number;
  readonly name: string;
  readonly checkinWeekday: number;
  readonly checkinTime: string;
  readonly channelRef: string | null;
  readonly lagThreshold: number;
  readonly remindAfterHours: number;
  readonly escalateAfterWorkdays: number;
  readonly digestAfterHours: number;
}

/** A whole number in range as the text field's initial value, else nothing (the field starts empty). */
function wholeText(n: number, range: { readonly min: number; readonly max: number }): string {
  return Number.isInteger(n) && n >= range.min && n <= range.max ? String(n) : '';
}

/** A short text input for a number, prefilled when the current value is valid. */
function numberInput(blockId: string, label: string, hint: string, value: string) {
  return input(blockId, label, { type: 'plain_text_input', action_id: blockId, max_length: 12, ...(value === '' ? {} : { initial_value: value }) }, { hint });
}

/** The half-hour choices, plus the team's current time when it is off the grid (set elsewhere). */
function timeChoices(current: string): string[] {
  if (!CHECKIN_TIME.test(current) || CHECKIN_TIMES.includes(current)) return [...CHECKIN_TIMES];
  return [...CHECKIN_TIMES, current].sort();
}

/**
 * A team's check-in day and time, digest channel, lag threshold and escalation ladder (reminder,
 * manager, digest). `private_metadata` is the team id.
 */
export function teamSettingsModal(ctx: RenderContext, team: TeamSettings): View {
  const { t } = textKit(ctx);
  const B = TEAM_SETTINGS_BLOCK;
  const weekdays: PlainTextOption[] = WEEKDAY_KEYS.map((key, i) => option(t(key), String(i + 1)));
  const weekday = weekdays[team.checkinWeekday - 1];
  const times = timeChoices(team.checkinTime).map((time) => option(time, time));
  const time = times.find((o) => o.value === team.checkinTime);
  const threshold = Number.isInteger(team.lagThreshold) && team.lagThreshold >= 1 && team.lagThreshold <= 100 ? String(team.lagThreshold) : '';

  const blocks: KnownBlock[] = [
    context(mrkdwnText(t, 'slackViews.teamSettings.intro', { team: bold(team.name, 200) })),
    input(B.weekday, t('slackViews.teamSettings.weekdayLabel'), {
      type: 'static_select',
      action_id: B.weekday,
      options: weekdays,
      ...(weekday ? { initial_option: weekday } : {}),
    }),
    input(
      B.time,
      t('slackViews.teamSettings.timeLabel'),
      { type: 'static_select', action_id: B.time, options: times, ...(time ? { initial_option: time } : {}) },
      { hint: t('slackViews.teamSettings.timeHint') },
    ),
    input(
      B.channel,
      t('slackViews.teamSettings.channelLabel'),
      {
        type: 'conversations_select',
        action_id: B.channel,
        placeholder: placeholder(t('slackViews.teamSettings.channelPlaceholder')),
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(team.channelRef !== null && SLACK_CONVERSATION.test(team.channelRef) ? { initial_conversation: team.channelRef } : {}),
      },
      { optional: true },
    ),
    input(
      B.threshold,
      t('slackViews.teamSettings.thresholdLabel'),
      { type: 'plain_text_input', action_id: B.threshold, max_length: 4, ...(threshold === '' ? {} : { initial_value: threshold }) },
      { hint: t('slackViews.teamSettings.thresholdHint') },
    ),
    numberInput(B.remind, t('slackViews.teamSettings.remindLabel'), t('slackViews.teamSettings.remindHint'), wholeText(team.remindAfterHours, TEAM_LADDER_RANGE.remind)),
    numberInput(B.escalate, t('slackViews.teamSettings.escalateLabel'), t('slackViews.teamSettings.escalateHint'), wholeText(team.escalateAfterWorkdays, TEAM_LADDER_RANGE.escalate)),
    numberInput(B.digest, t('slackViews.teamSettings.digestLabel'), t('slackViews.teamSettings.digestHint'), wholeText(team.digestAfterHours, TEAM_LADDER_RANGE.digest)),
  ];
  return modal({
    callbackId: VIEW.teamSettings,
    title: t('slackViews.teamSettings.title'),
    submit: t('slackViews.common.save'),
    close: t('slackViews.common.cancel'),
    blocks,
    privateMetadata: String(team.id),
  });
}
