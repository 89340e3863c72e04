import type { Outcome } from '../../../src/use-cases/outcome';
import { ACTION } from '../../../src/slack/blocks/ids';
import { BEHIND, checkIn, cnCalendar, feedback, holiday, keyResult, kpi, objective, reading, review, team } from '../render/fixtures';

export interface Case {
  readonly outcome: Outcome;
  /** Text every rendering must contain, in either language. */
  readonly facts: readonly string[];
  /** The buttons, as `action_id=value`, when the command text `/okr cmd` is given. */
  readonly buttons: readonly string[];
}

const SHARE = `${ACTION.share}=/okr cmd`;
const NEW = `${ACTION.openNewObjective}=`;
const checkIn_ = (ref = ''): string => `${ACTION.openCheckIn}=${ref}`;
const show = (ref: string): string => `${ACTION.showGoal}=${ref}`;

/** One case per Outcome variant; the mapped type makes a forgotten variant a compile error. */
export const CASES: { readonly [T in Outcome['type']]: Case & { readonly outcome: Extract<Outcome, { type: T }> } } = {
  help: { outcome: { type: 'help' }, facts: ['KR-12', 'O-7', '&lt;'], buttons: [] },
  home: {
    outcome: { type: 'home', objectives: [objective()], cycleName: '2026-Q4' },
    facts: ['2026-Q4', 'O-7', 'KR-12', '52%', '60%', '39 / 45 pts', 'Alice', '🟡', '▓▓▓▓▓░░░░░'],
    buttons: [checkIn_(), NEW, SHARE],
  },
  goals: {
    outcome: { type: 'goals', scope: '#growth', objectives: [objective()], cycleName: '2026-Q4' },
    facts: ['#growth', 'O-7', 'KR-12', '52%'],
    buttons: [checkIn_(), NEW, SHARE],
  },
  objective: {
    outcome: { type: 'objective', objective: objective(), children: [objective({ ref: 'O-9', title: 'Child goal', progress: 0.3 })], feedback: [feedback()] },
    facts: ['O-7', 'O-3', 'O-9', '30%', 'KR-12', 'B-4', 'legal review pending', 'Growth', '2026-Q4'],
    buttons: [checkIn_('KR-12'), SHARE],
  },
  key_result: {
    outcome: { type: 'key_result', keyResult: keyResult({ lag: BEHIND, kpiKey: 'nps' }), objectiveTitle: 'Delight our customers', history: [checkIn()], feedback: [feedback()] },
    facts: ['KR-12', 'O-7', 'Delight our customers', '35', '39', 'waiting on legal', '62', '41', '21', '16', 'nps', 'B-4', '⚠️'],
    buttons: [checkIn_('KR-12'), show('O-7'), SHARE],
  },
  form: {
    outcome: { type: 'form', form: 'check_in', openKeyResults: [keyResult(), keyResult({ ref: 'KR-13', title: 'Ship v2' })] },
    facts: [],
    buttons: [checkIn_()],
  },
  objective_created: {
    outcome: { type: 'objective_created', objective: objective({ keyResults: [] }) },
    facts: ['O-7', 'Delight our customers', 'O-3'],
    buttons: [show('O-7'), checkIn_()],
  },
  key_result_added: {
    outcome: { type: 'key_result_added', keyResult: keyResult({ current: null, progress: 0 }), objectiveProgress: 0.25 },
    facts: ['KR-12', 'O-7', '30', '45 pts', '25%'],
    buttons: [checkIn_('KR-12'), show('KR-12')],
  },
  checked_in: {
    outcome: { type: 'checked_in', keyResult: keyResult({ current: 41, progress: 0.73 }), previous: 35, objectiveRef: 'O-7', objectiveProgress: 0.52, lag: BEHIND },
    facts: ['KR-12', '35 pts', '41 pts', 'O-7', '52%', '73%', '⚠️', '62 pts', '21', '16', '🟡'],
    buttons: [checkIn_('KR-12'), show('KR-12')],
  },
  tree: {
    outcome: {
      type: 'tree',
      nodes: [{ depth: 0, objective: objective({ ref: 'O-1' }) }, { depth: 1, objective: objective({ ref: 'O-3' }) }, { depth: 2, objective: objective() }],
      truncated: 5,
    },
    facts: ['*O-1*', '└ *O-3*', '   └ *O-7*', '5', '52%'],
    buttons: [SHARE],
  },
  team: {
    outcome: { type: 'team', teamName: '#growth', progress: 0.46, objectives: [objective()], lagging: [keyResult({ lag: BEHIND })], members: 5 },
    facts: ['#growth', '46%', '5', 'KR-12', '62', '21', 'O-7'],
    buttons: [SHARE],
  },
  lagging: {
    outcome: { type: 'lagging', keyResults: [keyResult({ lag: BEHIND })] },
    facts: ['KR-12', '62 pts', '41 pts', '21', '16', '⚠️'],
    buttons: [checkIn_(), SHARE],
  },
  feedback_added: { outcome: { type: 'feedback_added', feedback: feedback() }, facts: ['B-4', 'KR-12', 'legal review pending'], buttons: [show('KR-12')] },
  blocker_resolved: { outcome: { type: 'blocker_resolved', feedback: feedback({ state: 'resolved' }) }, facts: ['B-4', 'KR-12'], buttons: [show('KR-12')] },
  scored: { outcome: { type: 'scored', ref: 'O-7', title: 'Delight our customers', score: 0.7, suggested: 0.62 }, facts: ['O-7', '0.7', '0.62'], buttons: [show('O-7')] },
  review: {
    outcome: { type: 'review', report: review() },
    facts: ['2026-Q4', '64%', '37', 'O-7', '0.6', '0.7', 'KR-12', 'KR-21', 'shipped most of it'],
    buttons: [SHARE],
  },
  out_of_office: { outcome: { type: 'out_of_office', from: '2026-11-24', until: '2026-12-01' }, facts: ['24', '1'], buttons: [] },
  out_of_office_cleared: { outcome: { type: 'out_of_office_cleared' }, facts: [], buttons: [] },
  snoozed: { outcome: { type: 'snoozed', until: new Date('2026-11-26T09:00:00Z') }, facts: ['26'], buttons: [] },
  edited: { outcome: { type: 'edited', ref: 'KR-12', fields: ['target', 'unit'] }, facts: ['KR-12'], buttons: [show('KR-12')] },
  aligned: { outcome: { type: 'aligned', ref: 'O-9', parentRef: 'O-3' }, facts: ['O-9', 'O-3'], buttons: [show('O-9')] },
  closed: { outcome: { type: 'closed', ref: 'KR-12', reopened: false }, facts: ['KR-12'], buttons: [show('KR-12')] },
  kpi_list: {
    outcome: { type: 'kpi_list', kpis: [kpi(), kpi({ key: 'uptime', name: 'Uptime', unit: '%', latest: null, band: null, target: null })] },
    facts: ['nps', '42 pts', '45 pts', '🟢', 'uptime'],
    buttons: [SHARE],
  },
  kpi_detail: {
    outcome: { type: 'kpi_detail', kpi: kpi(), history: [reading(), reading({ on: '2026-11-13', value: 38 })] },
    facts: ['nps', '42 pts', '38 pts', 'KR-12', 'Carol', 'chat'],
    buttons: [SHARE],
  },
  kpi_created: { outcome: { type: 'kpi_created', kpi: kpi({ latest: null, band: null }) }, facts: ['nps', 'Net Promoter Score'], buttons: [] },
  kpi_logged: {
    outcome: { type: 'kpi_logged', kpi: kpi(), previous: reading({ on: '2026-11-13', value: 38 }) },
    facts: ['nps', '42 pts', '38 pts', '🟢'],
    buttons: [],
  },
  kpi_linked: { outcome: { type: 'kpi_linked', keyResultRef: 'KR-12', kpiKey: 'nps' }, facts: ['KR-12', 'nps'], buttons: [show('KR-12')] },
  team_created: {
    outcome: { type: 'team_created', team: team() },
    facts: ['#eng', 'Engineering', '#rnd', 'Bob', '09:30', '#eng-okr'],
    buttons: [],
  },
  team_changed: { outcome: { type: 'team_changed', team: team(), fields: ['threshold', 'channel'] }, facts: ['#eng', '25', '#eng-okr'], buttons: [] },
  team_member_changed: {
    outcome: { type: 'team_member_changed', team: team(), memberName: 'Alice', action: 'remove', changed: true },
    facts: ['Alice', '#eng', '4'],
    buttons: [],
  },
  member_changed: { outcome: { type: 'member_changed', memberName: 'Bob', change: { field: 'role', role: 'manager' }, changed: true }, facts: ['Bob'], buttons: [] },
  holidays: {
    outcome: { type: 'holidays', years: [2026, 2027], calendar: cnCalendar(), days: [holiday(), holiday({ day: '2027-02-07', kind: 'workday', name: '春节调休' })] },
    facts: ['2026-12-25', 'Christmas', '2027-02-07', '春节调休', '2025', '⚠️'],
    buttons: [],
  },
  holiday_changed: { outcome: { type: 'holiday_changed', day: '2026-12-25', now: holiday(), before: null, builtIn: null }, facts: ['2026-12-25', 'Christmas'], buttons: [] },
  holiday_calendar_changed: { outcome: { type: 'holiday_calendar_changed', calendar: cnCalendar(), changed: true }, facts: ['2025', '2027'], buttons: [] },
  // No Share button: sharing re-runs the command, and `token new` must never run twice or show in a channel.
  api_token_created: { outcome: { type: 'api_token_created', name: 'crm', token: 'okr_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd' }, facts: ['crm', 'okr_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd'], buttons: [] },
  api_tokens: {
    outcome: { type: 'api_tokens', tokens: [{ name: 'crm', createdAt: new Date('2026-11-02T08:00:00Z'), lastUsedAt: new Date('2026-11-20T08:00:00Z'), creatorName: 'Admin' }] },
    facts: ['crm', 'Admin'],
    buttons: [],
  },
  api_token_revoked: { outcome: { type: 'api_token_revoked', name: 'crm' }, facts: ['crm'], buttons: [] },
};

/** Variants that share a type with a case above (forms, no-ops, the other direction). */
export const MORE_CASES: readonly Case[] = [
  {
    outcome: { type: 'form', form: 'team_settings', openKeyResults: [], settings: team() },
    facts: ['#eng', 'Engineering', '09:30', '#eng-okr', '--threshold'],
    buttons: [],
  },
  { outcome: { type: 'team_changed', team: team(), fields: ['manager', 'role'] }, facts: ['Bob', '#eng'], buttons: [] },
  { outcome: { type: 'team_changed', team: team({ managerName: null }), fields: [] }, facts: ['#eng'], buttons: [] },
  { outcome: { type: 'team_member_changed', team: team(), memberName: 'Alice', action: 'add', changed: false }, facts: ['Alice', '#eng'], buttons: [] },
  { outcome: { type: 'member_changed', memberName: 'Alice', change: { field: 'manager', managerName: 'Bob' }, changed: true }, facts: ['Alice', 'Bob'], buttons: [] },
  { outcome: { type: 'member_changed', memberName: 'Alice', change: { field: 'manager', managerName: null }, changed: false }, facts: ['Alice'], buttons: [] },
  {
    outcome: { type: 'form', form: 'team_settings', openKeyResults: [], settings: team({ escalateAfterWorkdays: 0 }) },
    facts: ['#eng', '--remind', '--escalate', '--digest'],
    buttons: [],
  },
  { outcome: { type: 'holidays', years: [2027], calendar: { calendar: 'none', chosen: false, builtInYears: [], missingYears: [] }, days: [] }, facts: ['2027'], buttons: [] },
  { outcome: { type: 'holiday_changed', day: '2026-10-01', now: null, before: holiday({ day: '2026-10-01', kind: 'workday' }), builtIn: 'holiday' }, facts: ['2026-10-01'], buttons: [] },
  { outcome: { type: 'holiday_calendar_changed', calendar: cnCalendar({ missingYears: [] }), changed: false }, facts: ['2025'], buttons: [] },
];
