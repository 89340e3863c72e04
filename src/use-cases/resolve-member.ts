import type { Kysely } from 'kysely';
import type { MemberRef, TeamRef } from '../domain/command/command';
import { fail, ok, type Result } from '../domain/result';
import type { Database, MemberRow, TeamRow } from '../db/database';
import { findMemberByExternalId, findMembersByName } from '../db/member.repository';
import { findTeam, suggestTeams } from '../db/team.repository';
import type { UseCaseError } from './outcome';

type Db = Kysely<Database>;

/** A mention (`<@U123>`) by platform id, or a typed name when exactly one member matches. */
export async function resolveMember(db: Db, workspaceId: number, ref: MemberRef): Promise<Result<MemberRow, UseCaseError>> {
  if (ref.id) {
    const byId = await findMemberByExternalId(db, workspaceId, ref.id);
    if (byId) return ok(byId);
  }
  const name = ref.name ?? ref.id ?? '';
  const matches = name ? await findMembersByName(db, workspaceId, name) : [];
  if (matches.length === 1) return ok(matches[0]!);
  if (matches.length > 1) return fail({ code: 'ambiguous', what: `@${name}`, suggestions: matches.slice(0, 5).map((m) => `@${m.display_name}`) });
  return fail({ code: 'unknown_member', name });
}

export async function resolveTeam(db: Db, workspaceId: number, ref: TeamRef): Promise<Result<TeamRow, UseCaseError>> {
  const team = await findTeam(db, workspaceId, ref);
  if (team) return ok(team);
  const name = ref.name ?? ref.id ?? '';
  const near = name ? await suggestTeams(db, workspaceId, name) : [];
  return near.length > 0
    ? fail({ code: 'not_found', what: `#${name}`, suggestions: near.map((t) => `#${t.handle}`) })
    : fail({ code: 'unknown_team', name });
}
