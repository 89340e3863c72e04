import type { Verb } from '../domain/command/command';
import type { LagVerdict } from '../domain/lag';
import type {
  CheckInView, FeedbackView, KeyResultView, KpiReadingView, KpiView, ObjectiveView, ReviewReport, TreeNodeView,
} from './views';

/** What running one command produced; adapters render each variant in their own medium. */
export type Outcome =
  | { readonly type: 'help'; readonly topic?: string }
  | { readonly type: 'home'; readonly objectives: readonly ObjectiveView[]; readonly cycleName: string | null }
  | { readonly type: 'goals'; readonly scope: string; readonly objectives: readonly ObjectiveView[]; readonly cycleName: string | null }
  | {
      readonly type: 'objective';
      readonly objective: ObjectiveView;
      readonly children: readonly ObjectiveView[];
      readonly feedback: readonly FeedbackView[];
    }
  | {
      readonly type: 'key_result';
      readonly keyResult: KeyResultView;
      readonly objectiveTitle: string;
      readonly history: readonly CheckInView[];
      readonly feedback: readonly FeedbackView[];
    }
  /** The command needs a form (Slack modal, WeCom card); the console explains the text form instead. */
  | { readonly type: 'form'; readonly form: 'new_objective' | 'check_in' | 'new_kpi'; readonly openKeyResults: readonly KeyResultView[] }
  | { readonly type: 'objective_created'; readonly objective: ObjectiveView }
  | { readonly type: 'key_result_added'; readonly keyResult: KeyResultView; readonly objectiveProgress: number }
  | {
      readonly type: 'checked_in';
      readonly keyResult: KeyResultView;
      readonly previous: number | null;
      readonly objectiveRef: string;
      readonly objectiveProgress: number;
      readonly lag: LagVerdict;
    }
  | { readonly type: 'tree'; readonly nodes: readonly TreeNodeView[]; readonly truncated: number }
  | {
      readonly type: 'team';
      readonly teamName: string;
      readonly progress: number;
      readonly objectives: readonly ObjectiveView[];
      readonly lagging: readonly KeyResultView[];
      readonly members: number;
    }
  | { readonly type: 'lagging'; readonly keyResults: readonly KeyResultView[] }
  | { readonly type: 'feedback_added'; readonly feedback: FeedbackView }
  | { readonly type: 'blocker_resolved'; readonly feedback: FeedbackView }
  | { readonly type: 'scored'; readonly ref: string; readonly title: string; readonly score: number; readonly suggested: number }
  | { readonly type: 'review'; readonly report: ReviewReport }
  | { readonly type: 'out_of_office'; readonly from: string; readonly until: string }
  | { readonly type: 'out_of_office_cleared' }
  | { readonly type: 'snoozed'; readonly until: Date }
  | { readonly type: 'edited'; readonly ref: string; readonly fields: readonly string[] }
  | { readonly type: 'aligned'; readonly ref: string; readonly parentRef: string | null }
  | { readonly type: 'closed'; readonly ref: string; readonly reopened: boolean }
  | { readonly type: 'kpi_list'; readonly kpis: readonly KpiView[] }
  | { readonly type: 'kpi_detail'; readonly kpi: KpiView; readonly history: readonly KpiReadingView[] }
  | { readonly type: 'kpi_created'; readonly kpi: KpiView }
  | { readonly type: 'kpi_logged'; readonly kpi: KpiView; readonly previous: KpiReadingView | null }
  | { readonly type: 'kpi_linked'; readonly keyResultRef: string; readonly kpiKey: string };

/** Why a command changed nothing; each code has a line in the i18n catalogs (`error.<code>`). */
export type UseCaseError =
  | { readonly code: 'not_found'; readonly what: string; readonly suggestions: readonly string[] }
  | { readonly code: 'ambiguous'; readonly what: string; readonly suggestions: readonly string[] }
  | { readonly code: 'forbidden'; readonly ref: string }
  | { readonly code: 'admin_only' }
  | { readonly code: 'no_active_cycle' }
  | { readonly code: 'unknown_cycle'; readonly name: string }
  | { readonly code: 'unknown_member'; readonly name: string }
  | { readonly code: 'unknown_team'; readonly name: string }
  | { readonly code: 'closed'; readonly ref: string }
  | { readonly code: 'alignment_cycle'; readonly ref: string; readonly parentRef: string }
  | { readonly code: 'alignment_level'; readonly ref: string; readonly parentRef: string }
  | { readonly code: 'wrong_kind'; readonly ref: string; readonly expected: 'objective' | 'key_result' | 'blocker' }
  | { readonly code: 'value_needed'; readonly ref: string }
  | { readonly code: 'milestone_value'; readonly ref: string }
  | { readonly code: 'already_resolved'; readonly ref: string }
  | { readonly code: 'kpi_exists'; readonly key: string }
  | { readonly code: 'invalid_kpi'; readonly reason: 'thresholds' | 'key' | 'name' }
  | { readonly code: 'bad_date_range' }
  | { readonly code: 'too_many_key_results'; readonly ref: string; readonly max: number };

export type { Verb };
