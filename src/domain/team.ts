// Rules for the organisation's teams that do not need the database: what a handle may look like and
// which check-in settings make sense. Both the chat grammar and the Slack modal end up here.

/** `eng`, `growth-marketing`, `研发部`, `team_2`: letters (any script), digits, `-` and `_`, at most 80. */
const TEAM_HANDLE = /^[\p{L}\p{M}\p{N}_-]{1,80}$/u;
const MAX_TEAM_NAME = 200;
/** A channel id (`C0123ABCD`) or a typed channel name; long enough for both, short enough to show. */
const MAX_CHANNEL_REF = 200;

/** `HH:MM`, 24-hour, 00:00–23:59, as stored in `team.checkin_time`. */
export const TEAM_CHECKIN_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isValidTeamHandle = (handle: string): boolean => TEAM_HANDLE.test(handle);

export function isValidTeamName(name: string): boolean {
  const length = [...name.trim()].length;
  return length >= 1 && length <= MAX_TEAM_NAME;
}

/** The settings a team admin can change; absent fields stay as they are. `channelRef: null` clears the channel. */
export interface TeamSettingsChanges {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly checkinWeekday?: number;
  readonly checkinTime?: string;
  /** Points behind the expected pace before a key result counts as lagging, 1–100. */
  readonly lagThreshold?: number;
  /** Days without a check-in before a key result counts as lagging, 1–365. */
  readonly staleDays?: number;
  readonly channelRef?: string | null;
  /** Hours after the check-in prompt before one reminder in its thread, 1–72. */
  readonly remindAfterHours?: number;
  /** Workdays without a check-in before the member's manager hears, 0–20; 0 = never. */
  readonly escalateAfterWorkdays?: number;
  /** Hours after the check-in time before the team digest, 0–144. */
  readonly digestAfterHours?: number;
}

export type TeamSettingField = 'weekday' | 'time' | 'threshold' | 'stale' | 'channel' | 'remind' | 'escalate' | 'digest';

/** The escalation ladder's ranges, as the schema checks them (migrations/2026_11_23_1500_create_scheduler_tables.ts). */
export const TEAM_LADDER_RANGE = {
  remind: { min: 1, max: 72 },
  escalate: { min: 0, max: 20 },
  digest: { min: 0, max: 144 },
} as const;

const wholeIn = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/** The first setting out of range, or null when every given setting is fine. */
export function invalidTeamSetting(s: TeamSettingsChanges): TeamSettingField | null {
  if (s.checkinWeekday !== undefined && !wholeIn(s.checkinWeekday, 1, 7)) return 'weekday';
  if (s.checkinTime !== undefined && !TEAM_CHECKIN_TIME.test(s.checkinTime)) return 'time';
  if (s.lagThreshold !== undefined && !wholeIn(s.lagThreshold, 1, 100)) return 'threshold';
  if (s.staleDays !== undefined && !wholeIn(s.staleDays, 1, 365)) return 'stale';
  const R = TEAM_LADDER_RANGE;
  if (s.remindAfterHours !== undefined && !wholeIn(s.remindAfterHours, R.remind.min, R.remind.max)) return 'remind';
  if (s.escalateAfterWorkdays !== undefined && !wholeIn(s.escalateAfterWorkdays, R.escalate.min, R.escalate.max)) return 'escalate';
  if (s.digestAfterHours !== undefined && !wholeIn(s.digestAfterHours, R.digest.min, R.digest.max)) return 'digest';
  if (s.channelRef !== undefined && s.channelRef !== null) {
    const ref = s.channelRef.trim();
    if (ref === '' || [...ref].length > MAX_CHANNEL_REF || /[\s<>]/.test(ref)) return 'channel';
  }
  return null;
}
