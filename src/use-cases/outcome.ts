import type { Verb } from '../domain/command/command';
import type { LagVerdict } from '../domain/lag';
import type { Role } from '../domain/member';
import type { TeamSettingField } from '../domain/team';
import type {
  CheckInView, FeedbackView, HolidayCalendarView, HolidayView, KeyResultView, KpiReadingView, KpiView, ObjectiveView, ReviewReport,
  TeamSettingsView, TeamView, TreeNodeView,
} from './views';

/** What a team command changed: its manager (`role` when that also raised the manager's role) or a setting. */
export type TeamField = 'manager' | 'role' | TeamSettingField;

/** What a member command changed, with the value it has now. */
export type MemberChange =
  | { readonly field: 'role'; readonly role: Role }
  | { readonly field: 'manager'; readonly managerName: string | null };

/** One live API token as `token list` shows it: never the token or its hash. */
export interface ApiTokenView {
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly creatorName: string;
}

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
  /** The team settings form (a Slack modal); `openKeyResults` is always empty, kept so every form has it. */
  | { readonly type: 'form'; readonly form: 'team_settings'; readonly openKeyResults: readonly []; readonly settings: TeamSettingsView }
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
  | { readonly type: 'kpi_linked'; readonly keyResultRef: string; readonly kpiKey: string }
  | { readonly type: 'team_created'; readonly team: TeamView }
  /** `fields` is empty when everything already was as asked. */
  | { readonly type: 'team_changed'; readonly team: TeamView; readonly fields: readonly TeamField[] }
  /** `changed: false` when the member already was (added) or was not (removed) in the team. */
  | { readonly type: 'team_member_changed'; readonly team: TeamView; readonly memberName: string; readonly action: 'add' | 'remove'; readonly changed: boolean }
  /** `changed: false` when the member already had that role or manager. */
  | { readonly type: 'member_changed'; readonly memberName: string; readonly change: MemberChange; readonly changed: boolean }
  /** The workspace calendar for `years`: its official calendar and its own days, in day order. */
  | { readonly type: 'holidays'; readonly years: readonly number[]; readonly calendar: HolidayCalendarView; readonly days: readonly HolidayView[] }
  /**
   * A workspace day added or changed (`now` set) or removed (`now` null). `before` is the row it
   * replaced or removed (null: there was none); `builtIn` what the official calendar says of the day.
   */
  | {
      readonly type: 'holiday_changed';
      readonly day: string;
      readonly now: HolidayView | null;
      readonly before: HolidayView | null;
      readonly builtIn: 'holiday' | 'workday' | null;
    }
  /** `changed: false` when the workspace already had chosen that calendar. */
  | { readonly type: 'holiday_calendar_changed'; readonly calendar: HolidayCalendarView; readonly changed: boolean }
  /** The only time `token` is ever shown: adapters must reply to its creator alone. */
  | { readonly type: 'api_token_created'; readonly name: string; readonly token: string }
  | { readonly type: 'api_tokens'; readonly tokens: readonly ApiTokenView[] }
  | { readonly type: 'api_token_revoked'; readonly name: string };

/** Why a command changed nothing; each code has a line in the i18n catalogs (`error.<code>`). */
export type UseCaseError =
  | { readonly code: 'not_found'; readonly what: string; readonly suggestions: readonly string[] }
  | { readonly code: 'ambiguous'; readonly what: string; readonly suggestions: readonly string[] }
  /** `kind` says what `ref` names when it is not a goal: a team (`#eng`, team managers may) or a member (`@alice`, their manager may). */
  | { readonly code: 'forbidden'; readonly ref: string; readonly kind?: 'team' | 'member' }
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
  | { readonly code: 'too_many_key_results'; readonly ref: string; readonly max: number }
  | { readonly code: 'team_exists'; readonly handle: string }
  /** The actor is in no team, so a command that defaults to "my team" needs one named. */
  | { readonly code: 'no_team' }
  | { readonly code: 'last_admin' }
  /** `member` would end up reporting to someone below them; names as `@name`. */
  | { readonly code: 'reporting_cycle'; readonly member: string; readonly manager: string }
  | { readonly code: 'invalid_setting'; readonly field: 'handle' | 'name' | TeamSettingField }
  /** A calendar day that can't be stored: not a real date, or a name over 200 characters. */
  | { readonly code: 'invalid_holiday'; readonly field: 'day' | 'name' }
  /** A live API token already has that name (names compare case-insensitively). */
  | { readonly code: 'token_exists'; readonly name: string };

export type { Verb };
