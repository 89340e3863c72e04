import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { setTeamChannelIfUnset, teamsWithActivePeople } from '../db/team-people.repository';
import type { Logger } from '../logger';
import type { WecomApi } from './api/wecom-api';
import { WecomApiError } from './api/wecom-errors';

// One app group chat (应用群聊) per team carries its digests and lag alerts. The bot creates it
// with a chat id derived from the team (so a retry after a lost answer finds it instead of making
// a second one) and keeps its members in step with the team after each directory sync. A team
// whose chat an admin set by hand is left alone. WeCom needs at least two people in a chat.

/** `okrteam<id>`: ≤ 32 characters of [0-9a-zA-Z], as appchat/create asks. */
export const teamChatId = (teamId: number): string => `okrteam${teamId}`;
const CHAT_EXISTS = 86215;
const NAME_CHARS = 50;

export interface TeamChatReport {
  readonly created: number;
  readonly updated: number;
}

/** Creates missing team chats and brings the bot's chats' members in line with their teams. */
export async function ensureTeamChats(db: Kysely<Database>, api: Pick<WecomApi, 'createAppChat' | 'getAppChat' | 'updateAppChat'>, workspaceId: number, logger: Logger): Promise<TeamChatReport> {
  let created = 0;
  let updated = 0;
  for (const team of await teamsWithActivePeople(db, workspaceId)) {
    const chatId = teamChatId(team.id);
    if (team.people.length < 2 || (team.channelRef !== null && team.channelRef !== chatId)) continue;
    try {
      if (team.channelRef === null) {
        await createOrAdopt(api, { chatId, name: [...team.name].slice(0, NAME_CHARS).join(''), owner: team.manager ?? team.people[0]!, userIds: team.people });
        await setTeamChannelIfUnset(db, workspaceId, team.id, chatId);
        created += 1;
        continue;
      }
      const chat = await api.getAppChat(chatId);
      const want = new Set(team.people);
      const have = new Set(chat.userIds);
      const add = team.people.filter((p) => !have.has(p));
      const remove = chat.userIds.filter((p) => !want.has(p));
      if (add.length > 0 || remove.length > 0) {
        await api.updateAppChat({ chatId, ...(add.length > 0 ? { addUserIds: add } : {}), ...(remove.length > 0 ? { removeUserIds: remove } : {}) });
        updated += 1;
      }
    } catch (error) {
      // One team's chat failing (a member outside the app's visibility) must not stop the others.
      logger.warn({ err: error, teamId: team.id }, 'wecom team chat not created or updated');
    }
  }
  return { created, updated };
}

async function createOrAdopt(api: Pick<WecomApi, 'createAppChat' | 'updateAppChat'>, chat: { chatId: string; name: string; owner: string; userIds: string[] }): Promise<void> {
  try {
    await api.createAppChat(chat);
  } catch (error) {
    // Created by an earlier attempt whose answer was lost: ours already, bring it up to date.
    if (!(error instanceof WecomApiError) || error.errcode !== CHAT_EXISTS) throw error;
    await api.updateAppChat({ chatId: chat.chatId, addUserIds: chat.userIds });
  }
}
