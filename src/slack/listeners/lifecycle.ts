import type { App, InstallationStore } from '@slack/bolt';
import { findMemberByPlatformIds, updateMemberPlatformProfile } from '../../db/member.repository';
import { profileFromUser } from '../slack-profile';
import type { SlackDeps } from '../slack-deps';

/** Profile changes and uninstalls. With OAuth, uninstalling or revoking removes the stored installation. */
export function registerLifecycle(app: App, deps: SlackDeps, installationStore: InstallationStore | undefined): void {
  app.event('user_change', async ({ event, body }) => {
    const user = event.user as { id: string; name?: string; real_name?: string; tz?: string; locale?: string; deleted?: boolean; profile?: { display_name?: string } };
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const member = await findMemberByPlatformIds(deps.db, 'slack', teamId, user.id);
    if (!member) return; // not met yet: users.info will be asked on first contact
    const profile = profileFromUser(user, { name: member.display_name, timeZone: member.time_zone, locale: member.locale });
    await updateMemberPlatformProfile(deps.db, member.workspace_id, member.id, profile);
  });

  const forget = async (body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }) => {
    if (!installationStore?.deleteInstallation) return;
    const orgWide = body.is_enterprise_install === true;
    await installationStore.deleteInstallation(
      orgWide
        ? { teamId: undefined, enterpriseId: body.enterprise_id ?? '', isEnterpriseInstall: true }
        : { teamId: body.team_id ?? '', enterpriseId: body.enterprise_id, isEnterpriseInstall: false },
    );
    deps.logger.info({ teamId: body.team_id, enterpriseId: body.enterprise_id }, 'slack installation removed');
  };
  app.event('app_uninstalled', async ({ body }) => forget(body as never));
  app.event('tokens_revoked', async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(body as never);
  });
}
