import { sql, type Kysely } from 'kysely';
import type { Locale, Role } from '../domain/member';
import type { ApiTokenTable, Database } from './database';
import type { Selectable } from 'kysely';

type Db = Kysely<Database>;

export type ApiTokenRow = Selectable<ApiTokenTable>;

export interface ApiTokenListRow {
  readonly name: string;
  readonly created_at: Date;
  readonly last_used_at: Date | null;
  readonly creator_name: string;
}

/** The token and whom it acts for, as a request's authentication needs them. */
export interface ApiTokenOwnerRow {
  readonly id: number;
  readonly workspace_id: number;
  readonly revoked_at: Date | null;
  readonly last_used_at: Date | null;
  readonly member_id: number;
  readonly role: Role;
  readonly locale: Locale;
  readonly time_zone: string;
  readonly member_active: boolean;
}

/** Stores a new token's hash; undefined when a live token already has that name (case-insensitive). */
export async function insertApiToken(db: Db, t: { workspaceId: number; name: string; tokenHash: string; createdBy: number }): Promise<ApiTokenRow | undefined> {
  return db
    .insertInto('api_token')
    .values({ workspace_id: t.workspaceId, name: t.name, token_hash: t.tokenHash, created_by: t.createdBy })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The workspace's live tokens, oldest first; never the hash. */
export function listLiveApiTokens(db: Db, workspaceId: number): Promise<ApiTokenListRow[]> {
  return db
    .selectFrom('api_token as t')
    .innerJoin('member as m', (j) => j.onRef('m.workspace_id', '=', 't.workspace_id').onRef('m.id', '=', 't.created_by'))
    .select(['t.name', 't.created_at', 't.last_used_at', 'm.display_name as creator_name'])
    .where('t.workspace_id', '=', workspaceId)
    .where('t.revoked_at', 'is', null)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
}

/** Revokes the live token called `name`; undefined when there is none. */
export function revokeApiTokenByName(db: Db, workspaceId: number, name: string, now: Date): Promise<ApiTokenRow | undefined> {
  return db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('workspace_id', '=', workspaceId)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** The token with this hash (revoked or not) and its creator — the one lookup every API request makes. */
export function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenOwnerRow | undefined> {
  return db
    .selectFrom('api_token as t')
    .innerJoin('member as m', (j) => j.onRef('m.workspace_id', '=', 't.workspace_id').onRef('m.id', '=', 't.created_by'))
    .select(['t.id', 't.workspace_id', 't.revoked_at', 't.last_used_at', 'm.id as member_id', 'm.role', 'm.locale', 'm.time_zone', 'm.active as member_active'])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the token used; at most once a minute, so a busy integration does not write a row per request. */
export async function touchApiToken(db: Db, workspaceId: number, id: number, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - 60_000);
  await db
    .updateTable('api_token')
    .set({ last_used_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
    .execute();
}
