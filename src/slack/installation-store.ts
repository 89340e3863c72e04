import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { deleteInstallation, loadInstallation, saveInstallation, type InstallationKey } from '../db/slack-installation.repository';
import type { TokenCipher } from './token-cipher';

// Org-wide installs have no team id; keying on (enterprise, team, org-wide) with '' for "none"
// keeps one row per installation (platform-facts A9).
function keyOf(q: { enterpriseId?: string | undefined; teamId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): InstallationKey {
  const orgWide = q.isEnterpriseInstall === true;
  return { enterpriseId: q.enterpriseId ?? '', teamId: orgWide ? '' : (q.teamId ?? ''), isEnterpriseInstall: orgWide };
}

/**
 * Bolt's InstallationStore over PostgreSQL. The whole Installation object is kept (Slack asks for
 * it) and sealed with the token cipher, so no token is readable from a database dump.
 */
export function createInstallationStore(db: Kysely<Database>, cipher: TokenCipher): InstallationStore {
  return {
    async storeInstallation(installation) {
      const key = keyOf({ enterpriseId: installation.enterprise?.id, teamId: installation.team?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
      await saveInstallation(db, key, installation.bot?.userId ?? null, cipher.encrypt(JSON.stringify(installation)));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const sealed = await loadInstallation(db, keyOf(query));
      if (!sealed) throw new Error(`no Slack installation for team ${query.teamId ?? query.enterpriseId ?? '?'}`);
      return JSON.parse(cipher.decrypt(sealed)) as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await deleteInstallation(db, keyOf(query));
    },
  };
}
