import * as org from '../../render/text/org-text';
import type { MemberChange, TeamField } from '../../use-cases/outcome';
import type { TeamSettingsView, TeamView } from '../../use-cases/views';
import { context, sections } from './block-builders';
import { bold, esc, short } from './goal-lines';
import type { Reply, ReplyKit } from './reply';

// Replies of the organisation commands. The sentences are the console's, built from names clamped
// to a line's share and escaped whole, so a team called `<!channel>` pings no one.

function shortSettings<T extends TeamSettingsView>(s: T): T {
  return { ...s, name: short(s.name), handle: short(s.handle), channelRef: s.channelRef === null ? null : short(s.channelRef) };
}

function shortTeam(team: TeamView): TeamView {
  return {
    ...shortSettings(team),
    managerName: team.managerName === null ? null : short(team.managerName),
    parentHandle: team.parentHandle === null ? null : short(team.parentHandle),
  };
}

/** Sentences from the plain-text renderer, escaped; the first one is also the notification text. */
function lines(all: readonly string[]): Reply {
  return { text: esc(all[0] ?? ''), blocks: sections(all.map(esc)) };
}

export function teamCreatedReply(team: TeamView, kit: ReplyKit): Reply {
  const [title = '', ...rest] = org.renderTeamCreated(shortTeam(team), kit);
  const next = rest.pop() ?? '';
  return { text: esc(title), blocks: [...sections([bold(title), ...rest.map(esc)]), context(esc(next))] };
}

export const teamChangedReply = (team: TeamView, fields: readonly TeamField[], kit: ReplyKit): Reply =>
  lines(org.renderTeamChanged(shortTeam(team), fields, kit));

export const teamMemberChangedReply = (
  o: { team: TeamView; memberName: string; action: 'add' | 'remove'; changed: boolean },
  kit: ReplyKit,
): Reply => lines(org.renderTeamMemberChanged({ ...o, team: shortTeam(o.team), memberName: short(o.memberName) }, kit));

export function memberChangedReply(o: { memberName: string; change: MemberChange; changed: boolean }, kit: ReplyKit): Reply {
  const change: MemberChange = o.change.field === 'manager' && o.change.managerName !== null ? { field: 'manager', managerName: short(o.change.managerName) } : o.change;
  return lines(org.renderMemberChanged({ ...o, memberName: short(o.memberName), change }, kit));
}

/**
 * The team settings form when the modal could not be opened (the trigger expired, or the reply
 * comes later): the settings and the `team set` command that changes them.
 */
export function teamSettingsFallbackReply(settings: TeamSettingsView, kit: ReplyKit): Reply {
  const intro = kit.t('slackReply.form.teamSettings');
  const [title = '', ...rest] = org.renderTeamSettings(shortSettings(settings), kit);
  return { text: esc(intro), blocks: sections([esc(intro), bold(title), ...rest.map(esc)]) };
}
