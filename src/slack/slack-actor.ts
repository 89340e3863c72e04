import type { WebClient } from '@slack/web-api';
import type { Actor, Locale } from '../domain/member';
import { findMemberByPlatformIds } from '../db/member.repository';
import type { UseCaseDeps } from '../use-cases/deps';
import { identifyMember } from '../use-cases/identify-member';
import { fetchSlackProfile } from './slack-profile';

export interface SlackIdentity {
  readonly teamId: string;
  readonly userId: string;
  readonly teamName?: string | undefined;
}

/**
 * The Actor behind a Slack request. Known members cost one query; on first contact the profile
 * (name, time zone, locale) comes from users.info and the member — and the workspace, for a new
 * team — is created. user_change events keep the profile fresh afterwards.
 */
export async function slackActor(
  deps: UseCaseDeps,
  client: WebClient,
  who: SlackIdentity,
  defaults: { timeZone: string; locale: Locale },
): Promise<Actor> {
  const known = await findMemberByPlatformIds(deps.db, 'slack', who.teamId, who.userId);
  if (known) return { workspaceId: known.workspace_id, memberId: known.id, role: known.role, locale: known.locale, timeZone: known.time_zone };
  const profile = await fetchSlackProfile(client, who.userId, defaults);
  const actor = await identifyMember(deps.db, {
    platform: 'slack',
    workspaceExternalId: who.teamId,
    workspaceName: who.teamName ?? who.teamId,
    userExternalId: who.userId,
    displayName: profile.displayName,
    timeZone: profile.timeZone,
    locale: profile.locale,
  });
  return { workspaceId: actor.workspaceId, memberId: actor.memberId, role: actor.role, locale: actor.locale, timeZone: actor.timeZone };
}
