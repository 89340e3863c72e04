import type { Kysely } from 'kysely';
import type { Actor, Locale } from '../domain/member';
import type { Database, Platform } from '../db/database';
import { countMembers, findMemberByExternalId, insertMember, upsertWorkspace } from '../db/member.repository';

export interface PlatformIdentity {
  readonly platform: Platform;
  readonly workspaceExternalId: string;
  readonly workspaceName: string;
  readonly userExternalId: string;
  readonly displayName: string;
  readonly timeZone: string;
  readonly locale: Locale;
}

/**
 * Turns platform ids into an Actor, creating the workspace and member on first contact. The first
 * member of a new workspace becomes its admin, so someone can always set things up.
 */
export async function identifyMember(db: Kysely<Database>, who: PlatformIdentity): Promise<Actor & { created: boolean; displayName: string }> {
  return db.transaction().execute(async (trx) => {
    const ws = await upsertWorkspace(trx, {
      platform: who.platform,
      externalId: who.workspaceExternalId,
      name: who.workspaceName,
      locale: who.locale,
      timeZone: who.timeZone,
    });
    const existing = await findMemberByExternalId(trx, ws.id, who.userExternalId);
    const member =
      existing ??
      (await insertMember(trx, {
        workspaceId: ws.id,
        externalId: who.userExternalId,
        displayName: who.displayName,
        timeZone: who.timeZone,
        locale: who.locale,
        role: (await countMembers(trx, ws.id)) === 0 ? 'admin' : 'member',
      }));
    return {
      workspaceId: ws.id,
      memberId: member.id,
      role: member.role,
      locale: member.locale,
      timeZone: member.time_zone,
      created: existing === undefined,
      displayName: member.display_name,
    };
  });
}
