import type { App } from '@slack/bolt';
import { formatObjectiveRef } from '../../domain/references';
import { searchTitles } from '../../db/reference-search.repository';
import { ACTION } from '../blocks/ids';
import { clamp, LIMIT } from '../blocks/text-limits';
import { slackActor } from '../slack-actor';
import type { SlackDeps } from '../slack-deps';

/** The create-objective modal's parent select searches objectives by title as the member types. */
export function registerOptions(app: App, deps: SlackDeps): void {
  app.options<'block_suggestion'>(ACTION.parentSelect, async ({ ack, body, client }) => {
    const actor = await slackActor(deps, client, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id }, deps.defaults);
    const matches = await searchTitles(deps.db, 'objective', actor.workspaceId, body.value ?? '', LIMIT.options);
    await ack({
      options: matches.map((o) => ({
        text: { type: 'plain_text' as const, text: clamp(`${formatObjectiveRef(o.ref)} ${o.title}`, LIMIT.optionText) },
        value: formatObjectiveRef(o.ref),
      })),
    });
  });
}
