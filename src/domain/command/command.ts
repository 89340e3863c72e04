import type { Confidence, PaceCurve } from '../key-result';
import type { ObjectiveLevel } from '../objective';
import type { KpiDirection, KpiFrequency } from '../kpi';
import type { Role } from '../member';
import type { HolidayCalendarName } from '../work-calendar';

/**
 * A typed chat command: what `/okr …` and `/kpi …` (or their Chinese forms) mean once parsed.
 * Every adapter (console, Slack, WeCom) produces one of these through `parseChatText`/`parseCommand`
 * and hands it to the use-cases; nothing downstream looks at the raw text again.
 */
export type Command = OkrCommand | KpiCommand;

/** `O-7`, `KR-12`, `B-3` (any case, dash optional), or a title to match fuzzily. */
export type Reference =
  | { readonly type: 'objective' | 'key_result' | 'blocker'; readonly number: number }
  | { readonly type: 'title'; readonly text: string };

/** `@alice`, `<@U123>`, `<@U123|alice>`: `id` when the platform gave one, else `name`. */
export interface MemberRef {
  readonly id?: string;
  readonly name?: string;
}

/** `#eng`, `<#C123|eng>`, or a quoted team name. */
export interface TeamRef {
  readonly id?: string;
  readonly name?: string;
}

export type ListScope =
  | { readonly type: 'me' }
  | { readonly type: 'member'; readonly member: MemberRef }
  | { readonly type: 'team'; readonly team: TeamRef }
  | { readonly type: 'company' };

/** A number as typed: `45`, `45%`, `1.2k`, `3万`, `¥30`. Multipliers are applied to `value`. */
export interface Quantity {
  readonly value: number;
  /** `%`, a currency sign (`¥`, `$`, `€`, `£`), or a free unit word (`ms`, `pts`, `users`). */
  readonly unit?: string;
}

export type UpdateValue =
  | { readonly mode: 'absolute'; readonly quantity: Quantity }
  | { readonly mode: 'delta'; readonly quantity: Quantity }
  | { readonly mode: 'done' }
  | { readonly mode: 'not_done' }
  /** Confidence or note only: `/okr update KR-12 at-risk waiting on legal`. */
  | { readonly mode: 'none' };

/** What `kr add` understood from "Raise NPS from 30 to 45". */
export interface KeyResultSpec {
  readonly title: string;
  readonly kind: 'increase' | 'decrease' | 'stay_above' | 'stay_below' | 'milestone';
  /** For milestones 0; for thresholds the threshold; otherwise the "from" value (0 when only "to" was given). */
  readonly start: number;
  /** For milestones 1; for thresholds the threshold. */
  readonly target: number;
  readonly unit?: string;
}

export interface ObjectiveChanges {
  readonly title?: string;
  readonly weight?: number;
  readonly level?: ObjectiveLevel;
}

export interface KeyResultChanges {
  readonly title?: string;
  readonly weight?: number;
  readonly start?: number;
  readonly target?: number;
  readonly unit?: string;
  readonly pace?: PaceCurve;
  readonly owner?: MemberRef;
}

/**
 * `team set` options as typed. Ranges are checked by the use-case (`invalid_setting`), which the
 * Slack modal goes through too; the grammar only turns words into values (`mon` -> 1, `9:30` -> `09:30`).
 */
export interface TeamSettingChanges {
  /** ISO weekday as typed: 1 = Monday … 7 = Sunday (out-of-range numbers pass through). */
  readonly checkinWeekday?: number;
  /** `HH:MM`, zero-padded (out-of-range values like `25:00` pass through). */
  readonly checkinTime?: string;
  readonly lagThreshold?: number;
  readonly staleDays?: number;
  /** `--channel #c` sets it, `--channel none` (null) clears it. */
  readonly channel?: TeamRef | null;
  /** `--remind 4h`: hours after the prompt before one reminder in its thread. */
  readonly remindAfterHours?: number;
  /** `--escalate 2`: workdays without a check-in before the manager hears; `never` is 0. */
  readonly escalateAfterWorkdays?: number;
  /** `--digest 24h`: hours after the check-in time before the team digest. */
  readonly digestAfterHours?: number;
}

/** Commands that shape the organisation: teams, their managers and settings, roles, reporting lines. */
export type OrgCommand =
  | {
      readonly verb: 'team_new';
      /** As typed, without `#`; validated by the use-case. */
      readonly handle: string;
      /** Defaults to the handle. */
      readonly name: string;
      readonly parent?: TeamRef;
      readonly manager?: MemberRef;
      readonly channel?: TeamRef;
    }
  | { readonly verb: 'team_member'; readonly action: 'add' | 'remove'; readonly member: MemberRef; readonly team: TeamRef }
  | { readonly verb: 'team_manager'; readonly team: TeamRef; readonly manager: MemberRef }
  /** Without a team: the team the actor manages, else their first team. */
  | { readonly verb: 'team_set'; readonly team?: TeamRef; readonly changes: TeamSettingChanges }
  | { readonly verb: 'team_settings'; readonly team?: TeamRef }
  | { readonly verb: 'member_role'; readonly member: MemberRef; readonly role: Role }
  /** `manager: null` clears the reporting line. */
  | { readonly verb: 'member_manager'; readonly member: MemberRef; readonly manager: MemberRef | null };

/** The workspace's own holidays and make-up workdays, and which official calendar it follows (admins change them). */
export type HolidayCommand =
  /** Without a year: this year and next. */
  | { readonly verb: 'holidays'; readonly year?: number }
  /** `holiday add 2026-12-25 Christmas` (a day off) or `holiday workday 2027-02-07` (a make-up workday). Day is ISO `YYYY-MM-DD`. */
  | { readonly verb: 'holiday_add'; readonly day: string; readonly kind: 'holiday' | 'workday'; readonly name?: string }
  | { readonly verb: 'holiday_remove'; readonly day: string }
  | { readonly verb: 'holiday_calendar'; readonly calendar: HolidayCalendarName };

/** REST API tokens (admins). The token itself appears only in the reply to `token_new`. */
export type TokenCommand =
  | { readonly verb: 'token_new'; readonly name: string }
  | { readonly verb: 'token_list' }
  | { readonly verb: 'token_revoke'; readonly name: string };

export type OkrCommand =
  | OrgCommand
  | HolidayCommand
  | TokenCommand
  /** Bare `/okr`: help plus my current OKRs. */
  | { readonly verb: 'home' }
  | { readonly verb: 'help'; readonly topic?: string }
  | { readonly verb: 'list'; readonly scope: ListScope; readonly cycle?: string }
  | { readonly verb: 'show'; readonly target: Reference }
  /** Without a title the adapter opens its form (a modal in Slack). */
  | {
      readonly verb: 'new';
      readonly title?: string;
      readonly parent?: Reference;
      readonly team?: TeamRef;
      readonly level?: ObjectiveLevel;
      readonly cycle?: string;
      readonly weight?: number;
    }
  | {
      readonly verb: 'kr_add';
      readonly objective: Reference;
      readonly spec: KeyResultSpec;
      readonly owner?: MemberRef;
      readonly weight?: number;
    }
  | {
      readonly verb: 'update';
      readonly keyResult: Reference;
      readonly value: UpdateValue;
      readonly confidence?: Confidence;
      readonly note?: string;
    }
  | { readonly verb: 'checkin' }
  | { readonly verb: 'tree'; readonly root?: Reference }
  | { readonly verb: 'team'; readonly team?: TeamRef }
  | { readonly verb: 'lagging' }
  | { readonly verb: 'comment'; readonly target: Reference; readonly text: string }
  | { readonly verb: 'blocker'; readonly target: Reference; readonly text: string; readonly helper?: MemberRef }
  | { readonly verb: 'resolve'; readonly blocker: Reference; readonly note?: string }
  | { readonly verb: 'score'; readonly target: Reference; readonly score: number; readonly note?: string }
  | { readonly verb: 'review'; readonly cycle?: string }
  /** Dates are ISO `YYYY-MM-DD`. `from` defaults to today. */
  | { readonly verb: 'ooo'; readonly until: string; readonly from?: string }
  | { readonly verb: 'ooo_clear' }
  | { readonly verb: 'snooze'; readonly days: number }
  | { readonly verb: 'edit'; readonly target: Reference; readonly changes: ObjectiveChanges & KeyResultChanges }
  /** `parent: null` removes the alignment. */
  | { readonly verb: 'align'; readonly child: Reference; readonly parent: Reference | null }
  | { readonly verb: 'close'; readonly target: Reference; readonly reopen: boolean };

export type KpiCommand =
  | { readonly verb: 'kpi_list' }
  | { readonly verb: 'kpi_show'; readonly key: string }
  /** Without a key the adapter opens its form. */
  | {
      readonly verb: 'kpi_new';
      readonly key?: string;
      readonly name?: string;
      readonly target?: Quantity;
      /** From `--unit`, or the unit typed with `--target` (`--target 45pts`); also set on `target`. */
      readonly unit?: string;
      readonly direction?: KpiDirection;
      readonly frequency?: KpiFrequency;
      readonly green?: number;
      readonly yellow?: number;
      readonly team?: TeamRef;
      /** Consecutive periods below target before a health alert (1–52; default 3). */
      readonly alertAfter?: number;
    }
  | { readonly verb: 'kpi_log'; readonly key: string; readonly value: Quantity; readonly date?: string }
  | { readonly verb: 'kpi_link'; readonly keyResult: Reference; readonly key: string };

export type Verb = Command['verb'];

/**
 * Commands whose reply shows a secret (a new API token): every surface answers them where only
 * the asker can read, and keeps the reply nowhere else.
 */
export const revealsSecret = (cmd: Command): boolean => cmd.verb === 'token_new';

/** One usage line per verb; the i18n catalogs hold the text under `usage.<id>`. */
export type UsageId = Verb;

export type ParseErrorCode =
  | 'empty'
  | 'too_long'
  | 'unknown_verb'
  | 'missing_argument'
  | 'bad_reference'
  | 'bad_number'
  | 'bad_date'
  | 'bad_score'
  | 'bad_option'
  | 'bad_key'
  | 'unterminated_quote'
  | 'extra_argument';

/** A parse failure that an adapter turns into a friendly reply with the usage of `usage`. */
export interface ParseError {
  readonly code: ParseErrorCode;
  /** The command whose usage to show (the closest one for unknown verbs). */
  readonly usage: UsageId;
  /** The offending token, shortened, for "I didn't understand «…»". */
  readonly token?: string;
  /** For unknown verbs: the closest known verb as the user would type it. */
  readonly suggestion?: string;
}
