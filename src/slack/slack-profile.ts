import type { WebClient } from '@slack/web-api';
import { isTimeZone } from '../domain/calendar';
import type { Locale } from '../domain/member';

export interface SlackProfile {
  readonly displayName: string;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly active: boolean;
}

/** Slack locales are like `zh-CN`, `zh-TW`, `en-US`; everything Chinese reads our zh-CN catalog. */
export const localeFromSlack = (locale: string | undefined, fallback: Locale): Locale =>
  locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : locale ? 'en' : fallback;

export function profileFromUser(
  user: { name?: string; real_name?: string; profile?: { display_name?: string }; tz?: string; locale?: string; deleted?: boolean } | undefined,
  fallback: { name: string; timeZone: string; locale: Locale },
): SlackProfile {
  const tz = user?.tz && isTimeZone(user.tz) ? user.tz : fallback.timeZone;
  return {
    displayName: (user?.profile?.display_name || user?.real_name || user?.name || fallback.name).slice(0, 200),
    timeZone: tz,
    locale: localeFromSlack(user?.locale, fallback.locale),
    active: !user?.deleted,
  };
}

/** users.info with the locale (Slack omits it unless asked); a failure falls back to defaults. */
export async function fetchSlackProfile(client: WebClient, userId: string, fallback: { timeZone: string; locale: Locale }): Promise<SlackProfile> {
  const res = await client.users.info({ user: userId, include_locale: true }).catch(() => undefined);
  return profileFromUser(res?.user, { name: userId, ...fallback });
}
