import { createHash, randomBytes } from 'node:crypto';
import { closest } from 'fastest-levenshtein';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { insertApiToken, findApiTokenByHash, listLiveApiTokens, revokeApiTokenByName, touchApiToken } from '../db/api-token.repository';
import { writeAudit } from '../db/audit.repository';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';
import { transact } from './transact';

// Per-workspace REST API tokens: `okr_` + 32 random bytes in base64url (256 bits). Only the SHA-256
// is stored; a plain hash is enough because the token is random, not a password to brute-force.

const PREFIX = 'okr_';
const TOKEN_SHAPE = /^okr_[A-Za-z0-9_-]{43}$/;

/** A fresh token; never stored, shown once. */
export const newApiToken = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

/** What the database keeps of a token: its SHA-256 in hex. */
export const hashApiToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Creates an API token for the workspace and returns it — the one time anyone sees it.
 * @returns errors: admin_only, token_exists
 */
export async function createApiToken(deps: UseCaseDeps, actor: Actor, name: string): Promise<Result<Outcome, UseCaseError>> {
  if (actor.role !== 'admin') return fail({ code: 'admin_only' });
  const token = newApiToken();
  return transact(deps.db, async (trx) => {
    const row = await insertApiToken(trx, { workspaceId: actor.workspaceId, name, tokenHash: hashApiToken(token), createdBy: actor.memberId });
    if (!row) return fail({ code: 'token_exists', name } as const);
    await writeAudit(trx, { workspaceId: actor.workspaceId, actorId: actor.memberId, action: 'api_token.create', entityType: 'api_token', entityId: row.id, after: { name } });
    return ok({ type: 'api_token_created', name: row.name, token } as const);
  });
}

/**
 * The workspace's live tokens with when they were created and last used; never the tokens.
 * @returns errors: admin_only
 */
export async function listApiTokens(deps: UseCaseDeps, actor: Actor): Promise<Result<Outcome, UseCaseError>> {
  if (actor.role !== 'admin') return fail({ code: 'admin_only' });
  const rows = await listLiveApiTokens(deps.db, actor.workspaceId);
  return ok({ type: 'api_tokens', tokens: rows.map((r) => ({ name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, creatorName: r.creator_name })) });
}

/**
 * Revokes the live token called `name` (any case); requests using it get 401 from then on.
 * @returns errors: admin_only, not_found (with the closest live name)
 */
export async function revokeApiToken(deps: UseCaseDeps, actor: Actor, name: string): Promise<Result<Outcome, UseCaseError>> {
  if (actor.role !== 'admin') return fail({ code: 'admin_only' });
  const ws = actor.workspaceId;
  const result = await transact(deps.db, async (trx) => {
    const row = await revokeApiTokenByName(trx, ws, name, deps.clock.now());
    if (!row) return fail({ code: 'not_found', what: name, suggestions: [] } as const);
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'api_token.revoke', entityType: 'api_token', entityId: row.id, before: { name: row.name } });
    return ok({ type: 'api_token_revoked', name: row.name } as const);
  });
  if (result.ok || result.error.code !== 'not_found') return result;
  const names = (await listLiveApiTokens(deps.db, ws)).map((r) => r.name);
  return fail({ code: 'not_found', what: name, suggestions: names.length > 0 ? [closest(name, names)] : [] });
}

/** Who an API request acts as: the token's creator, in the token's workspace. */
export interface ApiCaller {
  readonly actor: Actor;
  readonly tokenId: number;
}

/**
 * The caller a bearer token stands for, or undefined when the token is malformed, unknown, revoked
 * or its creator has left (an integration must not outlive the admin's access silently).
 */
export async function authenticateApiToken(deps: UseCaseDeps, token: string): Promise<ApiCaller | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await findApiTokenByHash(deps.db, hashApiToken(token));
  if (!row || row.revoked_at !== null || !row.member_active) return undefined;
  await touchApiToken(deps.db, row.workspace_id, row.id, deps.clock.now());
  return {
    tokenId: row.id,
    actor: { workspaceId: row.workspace_id, memberId: row.member_id, role: row.role, locale: row.locale, timeZone: row.time_zone },
  };
}
