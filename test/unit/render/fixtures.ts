import type { LagVerdict } from '../../../src/domain/lag';
import type { RenderContext } from '../../../src/render/text/context';
import type {
  CheckInView, FeedbackView, HolidayCalendarView, HolidayView, KeyResultView, KpiReadingView, KpiView, ObjectiveView, ReviewReport,
  TeamView,
} from '../../../src/use-cases/views';

// Small hand-built read models for the text renderer tests.

export const NOW = new Date('2026-11-23T09:00:00Z');
export const EN: RenderContext = { locale: 'en', timeZone: 'Europe/Berlin', now: NOW };
export const ZH: RenderContext = { locale: 'zh-CN', timeZone: 'Asia/Shanghai', now: NOW };
export const CONTEXTS = [EN, ZH] as const;

export const BEHIND: LagVerdict = {
  lagging: true,
  severity: 1,
  reasons: [
    { type: 'behind_pace', expectedPercent: 62, actualPercent: 41, gapPoints: 21, expectedValue: 62, currentValue: 41 },
    { type: 'no_check_in', days: 16 },
  ],
};

export function keyResult(over: Partial<KeyResultView> = {}): KeyResultView {
  return {
    id: 12, ref: 'KR-12', objectiveRef: 'O-7', title: 'Raise NPS from 30 to 45', kind: 'increase', start: 30, target: 45,
    current: 39, unit: 'pts', progress: 0.6, weight: 1, confidence: 'at_risk', ownerId: 1, ownerName: 'Alice',
    status: 'active', lastCheckInAt: new Date('2026-11-20T10:00:00Z'), kpiKey: null, lag: null, ...over,
  };
}

export function objective(over: Partial<ObjectiveView> = {}): ObjectiveView {
  return {
    id: 7, ref: 'O-7', title: 'Delight our customers', level: 'team', ownerId: 1, ownerName: 'Alice', teamName: 'Growth',
    cycleName: '2026-Q4', parentRef: 'O-3', weight: 1, progress: 0.52, status: 'active', keyResults: [keyResult()], ...over,
  };
}

export const checkIn = (over: Partial<CheckInView> = {}): CheckInView => ({
  at: new Date('2026-11-20T10:00:00Z'), authorName: 'Alice', value: 39, previousValue: 35, confidence: 'at_risk',
  note: 'waiting on legal', ...over,
});

export const feedback = (over: Partial<FeedbackView> = {}): FeedbackView => ({
  ref: 'B-4', kind: 'blocker', authorName: 'Bob', body: 'legal review pending', state: 'open', targetRef: 'KR-12',
  at: new Date('2026-11-21T10:00:00Z'), ...over,
});

export const reading = (over: Partial<KpiReadingView> = {}): KpiReadingView => ({ on: '2026-11-20', value: 42, source: 'chat', ...over });

export const kpi = (over: Partial<KpiView> = {}): KpiView => ({
  key: 'nps', name: 'Net Promoter Score', unit: 'pts', direction: 'up', frequency: 'weekly', target: 45,
  latest: reading(), band: 'green', teamName: 'Growth', ownerName: 'Carol', linkedKeyResults: ['KR-12'], ...over,
});

export const review = (over: Partial<ReviewReport> = {}): ReviewReport => ({
  cycleName: '2026-Q4',
  startsOn: '2026-10-01',
  endsOn: '2026-12-31',
  objectives: [
    {
      objective: objective(),
      score: { ref: 'O-7', title: 'Delight our customers', suggested: 0.6, score: 0.7, note: 'shipped most of it' },
      keyResults: [{ ref: 'KR-12', title: 'Raise NPS from 30 to 45', suggested: 0.6, score: null, note: null }],
    },
  ],
  stats: {
    objectives: 4, keyResults: 12, averageProgress: 0.64, checkIns: 37, delivered: 5, inProgress: 4, missed: 3,
    openBlockers: 1, resolvedBlockers: 4,
  },
  lagging: [keyResult({ ref: 'KR-21', title: 'Cut churn from 5% to 3%', lag: BEHIND })],
  ...over,
});

export const team = (over: Partial<TeamView> = {}): TeamView => ({
  teamId: 3, name: 'Engineering', handle: 'eng', checkinWeekday: 5, checkinTime: '09:30', channelRef: 'eng-okr',
  lagThreshold: 25, staleDays: 10, remindAfterHours: 4, escalateAfterWorkdays: 2, digestAfterHours: 24, parentHandle: 'rnd',
  managerName: 'Bob', members: 4, ...over,
});

export const holiday = (over: Partial<HolidayView> = {}): HolidayView => ({ day: '2026-12-25', kind: 'holiday', name: 'Christmas', ...over });

/** China's calendar, built in for 2025–2026, seen in 2026: 2027 is not covered yet. */
export const cnCalendar = (over: Partial<HolidayCalendarView> = {}): HolidayCalendarView => ({
  calendar: 'cn', chosen: true, builtInYears: [2025, 2026], missingYears: [2027], ...over,
});
