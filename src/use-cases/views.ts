import type { Confidence, KeyResultKind } from '../domain/key-result';
import type { KpiBand, KpiDirection, KpiFrequency } from '../domain/kpi';
import type { LagVerdict } from '../domain/lag';
import type { ObjectiveLevel, ObjectiveStatus } from '../domain/objective';
import type { CalendarOverride, HolidayCalendarName } from '../domain/work-calendar';

// Read models the use-cases return and every adapter renders (console text, Block Kit, WeCom).
// References are already formatted ("O-7", "KR-12", "B-3") because that is how people type them.

export interface KeyResultView {
  readonly id: number;
  readonly ref: string;
  readonly objectiveRef: string;
  readonly title: string;
  readonly kind: KeyResultKind;
  readonly start: number;
  readonly target: number;
  readonly current: number | null;
  readonly unit: string | null;
  /** Unclamped fraction: 1.2 is 120 %. */
  readonly progress: number;
  readonly weight: number;
  readonly confidence: Confidence | null;
  readonly ownerId: number;
  readonly ownerName: string;
  readonly status: ObjectiveStatus;
  readonly lastCheckInAt: Date | null;
  readonly kpiKey: string | null;
  readonly lag: LagVerdict | null;
}

export interface ObjectiveView {
  readonly id: number;
  readonly ref: string;
  readonly title: string;
  readonly level: ObjectiveLevel;
  readonly ownerId: number;
  readonly ownerName: string;
  readonly teamName: string | null;
  readonly cycleName: string;
  readonly parentRef: string | null;
  readonly weight: number;
  /** Weighted roll-up of key results and aligned child objectives, 0..1. */
  readonly progress: number;
  readonly status: ObjectiveStatus;
  readonly keyResults: readonly KeyResultView[];
}

export interface CheckInView {
  readonly at: Date;
  readonly authorName: string;
  readonly value: number | null;
  readonly previousValue: number | null;
  readonly confidence: Confidence | null;
  readonly note: string | null;
}

export interface FeedbackView {
  readonly ref: string | null;
  readonly kind: 'comment' | 'reply' | 'blocker';
  readonly authorName: string;
  readonly body: string;
  readonly state: 'open' | 'resolved' | null;
  readonly targetRef: string;
  readonly at: Date;
}

export interface TreeNodeView {
  readonly depth: number;
  readonly objective: ObjectiveView;
}

export interface KpiReadingView {
  readonly on: string;
  readonly value: number;
  readonly source: string;
}

export interface KpiView {
  readonly key: string;
  readonly name: string;
  readonly unit: string | null;
  readonly direction: KpiDirection;
  readonly frequency: KpiFrequency;
  readonly target: number | null;
  readonly latest: KpiReadingView | null;
  readonly band: KpiBand | null;
  readonly teamName: string | null;
  readonly ownerName: string | null;
  readonly linkedKeyResults: readonly string[];
}

export interface ScoreLine {
  readonly ref: string;
  readonly title: string;
  readonly suggested: number;
  readonly score: number | null;
  readonly note: string | null;
}

export interface ReviewReport {
  readonly cycleName: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly objectives: readonly { readonly objective: ObjectiveView; readonly score: ScoreLine; readonly keyResults: readonly ScoreLine[] }[];
  readonly stats: {
    readonly objectives: number;
    readonly keyResults: number;
    readonly averageProgress: number;
    readonly checkIns: number;
    readonly delivered: number;
    readonly inProgress: number;
    readonly missed: number;
    readonly openBlockers: number;
    readonly resolvedBlockers: number;
  };
  readonly lagging: readonly KeyResultView[];
}

/** A team's check-in settings: what the settings form shows and `team set` changes. */
export interface TeamSettingsView {
  readonly teamId: number;
  readonly name: string;
  readonly handle: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly checkinWeekday: number;
  /** `HH:MM` in each member's own time zone. */
  readonly checkinTime: string;
  /** The chat channel for digests and alerts (a Slack channel id when it came from Slack), or null. */
  readonly channelRef: string | null;
  /** Points behind the expected pace before a key result lags, 1–100. */
  readonly lagThreshold: number;
  /** Days without a check-in before a key result lags, 1–365. */
  readonly staleDays: number;
  /** Hours after the check-in prompt before one reminder in its thread, 1–72. */
  readonly remindAfterHours: number;
  /** Workdays without a check-in before the member's manager hears, 0–20; 0 = never. */
  readonly escalateAfterWorkdays: number;
  /** Hours after the check-in time before the team digest, 0–144. */
  readonly digestAfterHours: number;
}

/** A team as the organisation commands report it. */
export interface TeamView extends TeamSettingsView {
  readonly parentHandle: string | null;
  readonly managerName: string | null;
  readonly members: number;
}

/** One of the workspace's own calendar days (`workspace_holiday`). */
export interface HolidayView extends CalendarOverride {
  /** As the admin typed it; may be ''. */
  readonly name: string;
}

/** Which official calendar a workspace follows and how far it reaches. */
export interface HolidayCalendarView {
  readonly calendar: HolidayCalendarName;
  /** False when nobody chose: the default for the workspace's platform and language. */
  readonly chosen: boolean;
  /** The years the built-in calendar covers (none: empty). */
  readonly builtInYears: readonly number[];
  /** `cn` only: this year and next when the built-in calendar does not cover them yet. */
  readonly missingYears: readonly number[];
}
