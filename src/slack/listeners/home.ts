import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../domain/member';
import { findMemberById } from '../../db/member.repository';
import { listGoals } from '../../use-cases/list-goals';
import { teamSummary } from '../../use-cases/team-summary';
import { homeView } from '../blocks/home.blocks';
import { slackActor } from '../slack-actor';
import type { SlackDeps } from '../slack-deps';
import { renderContext } from './reply';

/** Publishes the member's Home tab: their goals with lag flags and their team's summary. */
export async function publishHome(deps: SlackDeps, client: WebClient, actor: Actor, slackUserId: string): Promise<void> {
  const [goals, team, member] = await Promise.all([
    listGoals(deps, actor, { type: 'me' }),
    teamSummary(deps, actor),
    findMemberById(deps.db, actor.workspaceId, actor.memberId),
  ]);
  const view = homeView(renderContext(actor, deps), {
    memberName: member?.display_name ?? '',
    objectives: goals.ok && goals.value.type === 'goals' ? [...goals.value.objectives] : [],
    cycleName: goals.ok && goals.value.type === 'goals' ? goals.value.cycleName : null,
    team:
      team.ok && team.value.type === 'team'
        ? { name: team.value.teamName, progress: team.value.progress, lagging: [...team.value.lagging], members: team.value.members }
        : null,
  });
  await client.views.publish({ user_id: slackUserId, view });
}

/** Refreshed whenever the member opens the Home tab; after their changes the listeners call publishHome too. */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const actor = await slackActor(deps, client, { teamId, userId: event.user }, deps.defaults);
    await publishHome(deps, client, actor, event.user);
  });
}
