import type { Kysely } from 'kysely';
import type { Actor, Locale } from '../../domain/member';
import type { Database } from '../../db/database';
import { findMemberByPlatformIds } from '../../db/member.repository';
import type { Logger } from '../../logger';
import { identifyMember } from '../../use-cases/identify-member';
import type { WecomApi } from '../api/wecom-api';

export interface WecomActorDeps {
  readonly db: Kysely<Database>;
  readonly api: Pick<WecomApi, 'getUser'>;
  readonly logger: Logger;
  readonly corpId: string;
  readonly defaults: { readonly locale: Locale; readonly timeZone: string };
}

/**
 * The member behind a WeCom UserID, created on first contact with their directory name (the
 * directory sync usually got there first). WeCom has no per-user time zone or language: new
 * members start with the app's defaults and change them with commands.
 */
export async function wecomActor(deps: WecomActorDeps, userId: string): Promise<Actor> {
  const known = await findMemberByPlatformIds(deps.db, 'wecom', deps.corpId, userId);
  if (known) return { workspaceId: Number(known.workspace_id), memberId: Number(known.id), role: known.role, locale: known.locale, timeZone: known.time_zone };
  const name = await deps.api.getUser(userId).then(
    (u) => u.name,
    (error: unknown) => {
      deps.logger.warn({ err: error, userId }, 'wecom user/get failed; using the UserID as the name');
      return userId;
    },
  );
  const actor = await identifyMember(deps.db, {
    platform: 'wecom',
    workspaceExternalId: deps.corpId,
    workspaceName: deps.corpId,
    userExternalId: userId,
    displayName: name,
    locale: deps.defaults.locale,
    timeZone: deps.defaults.timeZone,
  });
  return { workspaceId: actor.workspaceId, memberId: actor.memberId, role: actor.role, locale: actor.locale, timeZone: actor.timeZone };
}
