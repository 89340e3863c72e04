import type { Role } from '../../domain/member';
import type { CatalogKey } from '../../i18n/catalog';
import type { MemberChange, TeamField } from '../../use-cases/outcome';
import type { TeamSettingsView, TeamView } from '../../use-cases/views';
import { indent, type TextKit } from './context';

// Replies of the organisation commands: teams, their settings, roles and reporting lines.

const WEEKDAYS: readonly CatalogKey[] = [
  'slackViews.weekday.mon',
  'slackViews.weekday.tue',
  'slackViews.weekday.wed',
  'slackViews.weekday.thu',
  'slackViews.weekday.fri',
  'slackViews.weekday.sat',
  'slackViews.weekday.sun',
];

const SETTING_FIELDS: ReadonlySet<TeamField> = new Set<TeamField>(['weekday', 'time', 'threshold', 'stale', 'channel', 'remind', 'escalate', 'digest']);

export const teamHandle = (team: Pick<TeamSettingsView, 'handle'>): string => `#${team.handle}`;

/** `Monday`, `周一`; a stored day outside 1–7 (impossible by the schema) shows as its number. */
export function weekdayName(day: number, kit: TextKit): string {
  const key = WEEKDAYS[day - 1];
  return key === undefined ? String(day) : kit.t(key);
}

/** `1 hour`, `4 hours`, `4 小时`. */
export const hoursText = (n: number, kit: TextKit): string => (n === 1 ? kit.t('duration.hour') : kit.t('duration.hours', { count: kit.num(n) }));

/** `1 workday`, `2 workdays`, `2 个工作日`. */
export const workdaysText = (n: number, kit: TextKit): string => (n === 1 ? kit.t('duration.workday') : kit.t('duration.workdays', { count: kit.num(n) }));

/** The check-in day and time, the follow-ups when nobody checks in, the digest, the lag limits and the channel. */
export function teamSettingsLines(s: TeamSettingsView, kit: TextKit): string[] {
  const { t } = kit;
  const remind = hoursText(s.remindAfterHours, kit);
  return [
    t('outcome.teamSettings.checkIn', { weekday: weekdayName(s.checkinWeekday, kit), time: s.checkinTime }),
    s.escalateAfterWorkdays === 0
      ? t('outcome.teamSettings.followUpNoEscalation', { remind })
      : t('outcome.teamSettings.followUp', { remind, escalate: workdaysText(s.escalateAfterWorkdays, kit) }),
    s.digestAfterHours === 0 ? t('outcome.teamSettings.digestAtCheckIn') : t('outcome.teamSettings.digest', { digest: hoursText(s.digestAfterHours, kit) }),
    t('outcome.teamSettings.lag', { threshold: kit.num(s.lagThreshold), stale: kit.num(s.staleDays) }),
    s.channelRef === null ? t('outcome.teamSettings.noChannel') : t('outcome.teamSettings.channel', { channel: `#${s.channelRef}` }),
  ];
}

/** The settings form as text: the settings, then the command that changes them. */
export function renderTeamSettings(s: TeamSettingsView, kit: TextKit): string[] {
  const { t } = kit;
  const team = teamHandle(s);
  return [t('outcome.teamSettings.title', { team, name: s.name }), ...indent(teamSettingsLines(s, kit)), t('outcome.teamSettings.change', { team })];
}

export function renderTeamCreated(team: TeamView, kit: TextKit): string[] {
  const { t } = kit;
  const handle = teamHandle(team);
  const lines = [t('outcome.teamCreated.title', { team: handle, name: team.name })];
  if (team.parentHandle !== null) lines.push(t('outcome.teamCreated.parent', { parent: `#${team.parentHandle}` }));
  if (team.managerName !== null) lines.push(t('outcome.teamCreated.manager', { manager: team.managerName }));
  return [...lines, ...teamSettingsLines(team, kit), t('outcome.teamCreated.next', { team: handle })];
}

/** A new manager (and their raised role), or the settings that changed and how they stand now. */
export function renderTeamChanged(team: TeamView, fields: readonly TeamField[], kit: TextKit): string[] {
  const { t } = kit;
  const handle = teamHandle(team);
  if (fields.length === 0) return [t('outcome.teamChanged.nothing', { team: handle })];
  const manager = team.managerName ?? '';
  const lines: string[] = [];
  if (fields.includes('manager')) lines.push(t('outcome.teamChanged.manager', { manager, team: handle }));
  if (fields.includes('role')) lines.push(t('outcome.teamChanged.role', { manager }));
  const settings = fields.filter((f) => SETTING_FIELDS.has(f));
  if (settings.length > 0) {
    const names = settings.map((f) => t(`teamField.${f}`)).join(t('common.listSeparator'));
    lines.push(t('outcome.teamChanged.settings', { team: handle, fields: names }), ...indent(teamSettingsLines(team, kit)));
  }
  return lines;
}

export function renderTeamMemberChanged(
  o: { team: TeamView; memberName: string; action: 'add' | 'remove'; changed: boolean },
  kit: TextKit,
): string[] {
  const params = { member: o.memberName, team: teamHandle(o.team), count: kit.num(o.team.members) };
  const key: CatalogKey =
    o.action === 'add'
      ? o.changed ? 'outcome.teamMember.added' : 'outcome.teamMember.alreadyIn'
      : o.changed ? 'outcome.teamMember.removed' : 'outcome.teamMember.notIn';
  return [kit.t(key, params)];
}

export function renderMemberChanged(o: { memberName: string; change: MemberChange; changed: boolean }, kit: TextKit): string[] {
  const { t } = kit;
  const member = o.memberName;
  const c = o.change;
  if (c.field === 'role') return [t(o.changed ? 'outcome.memberChanged.role' : 'outcome.memberChanged.roleSame', { member, role: roleName(c.role, kit) })];
  if (c.managerName === null) return [t(o.changed ? 'outcome.memberChanged.noManager' : 'outcome.memberChanged.noManagerSame', { member })];
  return [t(o.changed ? 'outcome.memberChanged.manager' : 'outcome.memberChanged.managerSame', { member, manager: c.managerName })];
}

const roleName = (role: Role, kit: TextKit): string => kit.t(`role.${role}`);
