import type { Kysely } from 'kysely';
import type { ChatThreadTable, Database, ThreadKind } from './database';
import type { Selectable } from 'kysely';

type Db = Kysely<Database>;
export type ChatThreadRow = Selectable<ChatThreadTable>;

/** Remembers a thread the bot started, so replies in it can be routed (idempotent per thread). */
export async function recordThread(
  db: Db,
  t: { workspaceId: number; platform: 'slack' | 'wecom'; channelRef: string; threadRef: string; kind: ThreadKind; memberId?: number | null; teamId?: number | null; keyResultId?: number | null; checkInId?: number | null },
): Promise<void> {
  await db
    .insertInto('chat_thread')
    .values({
      workspace_id: t.workspaceId,
      platform: t.platform,
      channel_ref: t.channelRef,
      thread_ref: t.threadRef,
      kind: t.kind,
      member_id: t.memberId ?? null,
      team_id: t.teamId ?? null,
      key_result_id: t.keyResultId ?? null,
      check_in_id: t.checkInId ?? null,
    })
    .onConflict((oc) => oc.columns(['platform', 'channel_ref', 'thread_ref']).doNothing())
    .execute();
}

/** The bot's thread with this channel and thread id, in this workspace only. */
export function findThread(db: Db, workspaceId: number, platform: 'slack' | 'wecom', channelRef: string, threadRef: string): Promise<ChatThreadRow | undefined> {
  return db
    .selectFrom('chat_thread')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('platform', '=', platform)
    .where('channel_ref', '=', channelRef)
    .where('thread_ref', '=', threadRef)
    .executeTakeFirst();
}
