import type { Confidence } from '../domain/key-result';
import type { LagVerdict } from '../domain/lag';
import type { KpiBand } from '../domain/kpi';
import type { KpiAlertReason } from '../domain/kpi-health';
import type { KeyResultView, KpiReadingView, KpiView, ObjectiveView } from './views';

// What the scheduler sends, as read models: the delivery use-case builds one from PostgreSQL when
// it is about to be delivered (so a prompt shows the KRs as they are then), and each adapter
// renders it its own way — plain text in the console, Block Kit in Slack, cards in WeCom.

/** A member's check-in as a reply in the team digest's thread. */
export interface DigestCheckInView {
  readonly authorName: string;
  readonly keyResult: KeyResultView;
  readonly value: number | null;
  readonly previousValue: number | null;
  readonly confidence: Confidence | null;
  readonly note: string | null;
  readonly at: Date;
}

/** One key result's movement over the week, for the digest. */
export interface WeeklyChangeView {
  readonly keyResult: KeyResultView;
  /** Progress (unclamped fraction) a week ago; null when the KR is newer than that. */
  readonly previousProgress: number | null;
}

export type NoticeView =
  /** The weekly DM: every open KR of the member; buttons open the check-in modal and snooze. */
  | {
      readonly type: 'check_in_prompt';
      /** For the snooze button. */
      readonly promptId: number;
      readonly memberName: string;
      readonly period: string;
      readonly keyResults: readonly KeyResultView[];
    }
  /** One reminder, in the prompt's thread, listing the KRs still without a check-in this period. */
  | { readonly type: 'check_in_reminder'; readonly promptId: number; readonly memberName: string; readonly keyResults: readonly KeyResultView[] }
  /** To the manager (DM) when a member has not checked in after the team's number of workdays. */
  | {
      readonly type: 'check_in_escalation';
      readonly managerName: string;
      readonly memberName: string;
      readonly workdays: number;
      readonly keyResults: readonly KeyResultView[];
    }
  /** One per team per week: who checked in, at-risk KRs first, what moved since last week. */
  | {
      readonly type: 'team_digest';
      readonly teamName: string;
      readonly period: string;
      readonly checkedIn: readonly string[];
      readonly missing: readonly string[];
      /** Lagging or at-risk/off-track KRs, worst first. */
      readonly atRisk: readonly KeyResultView[];
      /** KRs whose progress moved this week, biggest movement first. */
      readonly changes: readonly WeeklyChangeView[];
    }
  | { readonly type: 'digest_check_in'; readonly checkIn: DigestCheckInView }
  /** In the team's channel; `worsened` when an earlier alert this week had a milder verdict. */
  | { readonly type: 'lag_alert'; readonly keyResult: KeyResultView; readonly verdict: LagVerdict; readonly worsened: boolean }
  /** The same alert as a DM to the KR's owner. */
  | { readonly type: 'lag_alert_owner'; readonly keyResult: KeyResultView; readonly verdict: LagVerdict }
  /** Monthly (default the 25th): a look at my objectives before the month ends. */
  | { readonly type: 'monthly_review'; readonly memberName: string; readonly month: string; readonly objectives: readonly ObjectiveView[] }
  /** The cycle ends soon: score my objectives (suggested scores come from progress). */
  | {
      readonly type: 'cycle_scoring';
      readonly memberName: string;
      readonly cycleName: string;
      readonly endsOn: string;
      readonly objectives: readonly { readonly objective: ObjectiveView; readonly suggested: number }[];
    }
  /** To the KPI's team (channel, else manager, else the KPI's owner): the band worsened or it stayed below target. */
  | {
      readonly type: 'kpi_alert';
      readonly kpi: KpiView;
      readonly bandBefore: KpiBand;
      readonly band: KpiBand;
      readonly reasons: readonly KpiAlertReason[];
      /** The latest reading of each of the last few periods, oldest first. */
      readonly trend: readonly KpiReadingView[];
    }
  /** To a linked KR's owner: the KPI moved the KR; confirm or adjust it, which is a check-in. */
  | {
      readonly type: 'kpi_linked_update';
      readonly keyResult: KeyResultView;
      /** `latest` is the reading the key result now follows. */
      readonly kpi: KpiView;
      /** The latest reading of the KPI's previous period with one ("since last week"). */
      readonly previous: KpiReadingView | null;
    };

export type NoticeType = NoticeView['type'];
