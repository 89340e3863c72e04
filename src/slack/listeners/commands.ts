import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Command } from '../../domain/command/command';
import { parseCommand } from '../../domain/command/parse-command';
import type { Actor } from '../../domain/member';
import type { SlackMessage } from '../blocks/message';
import { slackActor } from '../slack-actor';
import type { SlackDeps } from '../slack-deps';
import { publishHome } from './home';
import { openCheckInModal, openNewObjectiveModal, openTeamSettingsModal } from './open-modals';
import { commandReply, unexpected } from './reply';

/** Commands that can change what the member's Home tab shows; after them it is republished. */
const CHANGES_HOME = new Set<Command['verb']>(['new', 'kr_add', 'update', 'edit', 'align', 'close', 'score', 'comment', 'blocker', 'resolve', 'kpi_link']);

/** response_url accepts five posts (platform-facts A2); longer replies are cut to that many. */
export const MAX_RESPONSES = 5;

export async function respondAll(respond: RespondFn, messages: readonly SlackMessage[], responseType: 'ephemeral' | 'in_channel'): Promise<void> {
  for (const m of messages.slice(0, MAX_RESPONSES)) {
    await respond({ response_type: responseType, text: m.text, blocks: m.blocks, replace_original: false });
  }
}

/**
 * `/okr` and `/kpi`: acknowledge at once (Slack allows 3 s), then parse, run and answer through
 * the response_url — only the user sees it. `new` without a title and `checkin` open modals.
 */
export function registerCommands(app: App, deps: SlackDeps): void {
  for (const [name, namespace] of [['/okr', 'okr'], ['/kpi', 'kpi']] as const) {
    app.command(name, async ({ command, ack, respond, client }) => {
      await ack();
      let actor: Actor | undefined;
      try {
        actor = await slackActor(deps, client, { teamId: command.team_id, userId: command.user_id, teamName: command.team_domain }, deps.defaults);
        const parsed = parseCommand(namespace, command.text);
        if (parsed.ok && (await openModalFor(deps, client, command.trigger_id, actor, parsed.value))) return;
        const text = `${name} ${command.text}`.trim();
        await respondAll(respond, await commandReply(deps, actor, parsed, text), 'ephemeral');
        if (parsed.ok && CHANGES_HOME.has(parsed.value.verb)) {
          const who = actor;
          deps.homeRefresher.schedule(`${command.team_id}:${command.user_id}`, () => publishHome(deps, client, who, command.user_id));
        }
      } catch (error) {
        const m = unexpected(deps, actor, error, name);
        await respond({ response_type: 'ephemeral', text: m.text, blocks: m.blocks }).catch(() => undefined);
      }
    });
  }
}

async function openModalFor(deps: SlackDeps, client: WebClient, triggerId: string, actor: Actor, cmd: Command): Promise<boolean> {
  if (cmd.verb === 'new' && !cmd.title) {
    await openNewObjectiveModal(deps, client, triggerId, actor);
    return true;
  }
  if (cmd.verb === 'checkin') {
    await openCheckInModal(deps, client, triggerId, actor);
    return true;
  }
  if (cmd.verb === 'team_settings') return openTeamSettingsModal(deps, client, triggerId, actor, cmd.team);
  return false;
}
