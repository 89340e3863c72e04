import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../domain/member';
import { parseReference } from '../../domain/command/reference';
import type { TeamRef } from '../../domain/command/command';
import { showTeamSettings } from '../../use-cases/team-settings';
import { teamSettingsModal } from '../blocks/team-settings-modal.blocks';
import { listTeams } from '../../db/team.repository';
import { runCommand } from '../../use-cases/run-command';
import { showGoal } from '../../use-cases/show-goal';
import { checkInModal } from '../blocks/check-in-modal.blocks';
import { newObjectiveModal } from '../blocks/new-objective-modal.blocks';
import { scoreModal } from '../blocks/score-modal.blocks';
import type { SlackDeps } from '../slack-deps';
import { renderContext } from './reply';
import { suggestKeyResultScore } from '../../domain/score';

// trigger_ids expire three seconds after Slack sends them (platform-facts A2): each opener does
// one or two indexed reads and calls views.open straight away.

export async function openNewObjectiveModal(deps: SlackDeps, client: WebClient, triggerId: string, actor: Actor, initialTitle?: string): Promise<void> {
  const teams = await listTeams(deps.db, actor.workspaceId);
  const view = newObjectiveModal(renderContext(actor, deps), {
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    ...(initialTitle ? { initialTitle } : {}),
  });
  await client.views.open({ trigger_id: triggerId, view });
}

export async function openCheckInModal(deps: SlackDeps, client: WebClient, triggerId: string, actor: Actor, firstRef?: string): Promise<void> {
  const form = await runCommand(deps, actor, { verb: 'checkin' });
  const krs = form.ok && form.value.type === 'form' ? form.value.openKeyResults : [];
  const view = checkInModal(renderContext(actor, deps), [...krs], firstRef ? { firstRef } : undefined);
  await client.views.open({ trigger_id: triggerId, view });
}

/** The score modal for an objective, prefilled with the suggested scores; false when not found. */
export async function openScoreModal(deps: SlackDeps, client: WebClient, triggerId: string, actor: Actor, ref: string): Promise<boolean> {
  const target = parseReference(ref);
  if (!target) return false;
  const shown = await showGoal(deps, actor, target);
  if (!shown.ok || shown.value.type !== 'objective') return false;
  const o = shown.value.objective;
  const suggested = o.keyResults.map((k) => ({ ref: k.ref, suggested: suggestKeyResultScore({ kind: k.kind, start: k.start, target: k.target, current: k.current }) }));
  await client.views.open({ trigger_id: triggerId, view: scoreModal(renderContext(actor, deps), o, suggested) });
  return true;
}

/**
 * The team settings modal for a team the actor may change; false (so the command answers with
 * the refusal or the text form instead) when they may not or the team is unknown.
 */
export async function openTeamSettingsModal(deps: SlackDeps, client: WebClient, triggerId: string, actor: Actor, team: TeamRef | undefined): Promise<boolean> {
  const shown = await showTeamSettings(deps, actor, team);
  if (!shown.ok || shown.value.type !== 'form' || shown.value.form !== 'team_settings') return false;
  const s = shown.value.settings;
  const view = teamSettingsModal(renderContext(actor, deps), {
    id: s.teamId,
    name: s.name,
    checkinWeekday: s.checkinWeekday,
    checkinTime: s.checkinTime,
    channelRef: s.channelRef,
    lagThreshold: s.lagThreshold,
    remindAfterHours: s.remindAfterHours,
    escalateAfterWorkdays: s.escalateAfterWorkdays,
    digestAfterHours: s.digestAfterHours,
  });
  await client.views.open({ trigger_id: triggerId, view });
  return true;
}
