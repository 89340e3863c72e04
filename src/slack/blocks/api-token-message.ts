import * as tokens from '../../render/text/api-token-text';
import type { ApiTokenView } from '../../use-cases/outcome';
import { context, section, sections } from './block-builders';
import { bold, esc, short } from './goal-lines';
import type { Reply, ReplyKit } from './reply';

// Replies of `/okr token new|list|revoke`: the console's sentences, with token names clamped and
// escaped. No Share button anywhere: re-running `token new` for a channel would mint another token.

/**
 * The token in a code span so Slack neither links nor reformats it. The notification text (`text`)
 * leaves the token out: it may show on a lock screen.
 */
export function apiTokenCreatedReply(o: { name: string; token: string }, kit: ReplyKit): Reply {
  const [created = '', token = '', use = '', revoke = ''] = tokens.renderApiTokenCreated({ name: short(o.name), token: o.token }, kit);
  return { text: esc(created), blocks: [section(bold(created)), section(`\`${token}\``), context(esc(use), esc(revoke))] };
}

export function apiTokensReply(list: readonly ApiTokenView[], kit: ReplyKit): Reply {
  const lines = tokens.renderApiTokens(list.map((v) => ({ ...v, name: short(v.name), creatorName: short(v.creatorName) })), kit);
  const [first = '', ...rest] = lines;
  return { text: esc(first), blocks: sections([list.length === 0 ? esc(first) : bold(first), ...rest.map((l) => esc(l.trim()))]) };
}

export function apiTokenRevokedReply(name: string, kit: ReplyKit): Reply {
  const [line = ''] = tokens.renderApiTokenRevoked(short(name), kit);
  return { text: esc(line), blocks: [section(esc(line))] };
}
