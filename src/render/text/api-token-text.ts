import { formatDate, formatDateTime } from '../../i18n/format';
import type { ApiTokenView } from '../../use-cases/outcome';
import { indent, type TextKit } from './context';

// Replies of `token new|list|revoke`. The token sits alone on its line so it can be copied whole.

/** The token once, between what it is and how to use and revoke it. */
export function renderApiTokenCreated(o: { name: string; token: string }, kit: TextKit): string[] {
  const { t } = kit;
  return [t('apiTokens.created', { name: o.name }), o.token, t('apiTokens.use'), t('apiTokens.revokeHint', { name: o.name })];
}

/** One line per live token: name, created (day, by whom), last used (day and time, or never). */
export function renderApiTokens(tokens: readonly ApiTokenView[], kit: TextKit): string[] {
  const { t, ctx } = kit;
  if (tokens.length === 0) return [t('apiTokens.none')];
  const line = (v: ApiTokenView): string =>
    t('apiTokens.line', {
      name: v.name,
      created: formatDate(ctx.locale, v.createdAt, ctx.timeZone, { withYear: true }),
      creator: v.creatorName,
      lastUsed: v.lastUsedAt === null ? t('apiTokens.neverUsed') : formatDateTime(ctx.locale, v.lastUsedAt, ctx.timeZone),
    });
  return [t('apiTokens.title', { count: kit.num(tokens.length) }), ...indent(tokens.map(line))];
}

export const renderApiTokenRevoked = (name: string, kit: TextKit): string[] => [kit.t('apiTokens.revoked', { name })];
