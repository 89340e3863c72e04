import type { Kysely } from 'kysely';
import type { Database } from './database';

export interface InstallationKey {
  readonly enterpriseId: string;
  readonly teamId: string;
  readonly isEnterpriseInstall: boolean;
}

/** Stores (or replaces) one installation's sealed record. */
export async function saveInstallation(db: Kysely<Database>, key: InstallationKey, botUserId: string | null, sealed: string): Promise<void> {
  await db
    .insertInto('slack_installation')
    .values({ enterprise_id: key.enterpriseId, team_id: key.teamId, is_enterprise_install: key.isEnterpriseInstall, bot_user_id: botUserId, installation_encrypted: sealed })
    .onConflict((oc) =>
      oc.columns(['enterprise_id', 'team_id', 'is_enterprise_install']).doUpdateSet({ bot_user_id: botUserId, installation_encrypted: sealed, updated_at: new Date() }),
    )
    .execute();
}

export async function loadInstallation(db: Kysely<Database>, key: InstallationKey): Promise<string | undefined> {
  const row = await db
    .selectFrom('slack_installation')
    .select('installation_encrypted')
    .where('enterprise_id', '=', key.enterpriseId)
    .where('team_id', '=', key.teamId)
    .where('is_enterprise_install', '=', key.isEnterpriseInstall)
    .executeTakeFirst();
  return row?.installation_encrypted;
}

export async function deleteInstallation(db: Kysely<Database>, key: InstallationKey): Promise<number> {
  const res = await db
    .deleteFrom('slack_installation')
    .where('enterprise_id', '=', key.enterpriseId)
    .where('team_id', '=', key.teamId)
    .where('is_enterprise_install', '=', key.isEnterpriseInstall)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
