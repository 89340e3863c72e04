import type { OrgCommand } from '../domain/command/command';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { invalidTeamSetting, isValidTeamHandle, isValidTeamName } from '../domain/team';
import { writeAudit } from '../db/audit.repository';
import type { MemberRow } from '../db/database';
import { findTeamByHandle, insertTeamIfNew } from '../db/team.repository';
import type { UseCaseDeps } from './deps';
import { currentActor, seatManager, teamView } from './org-access';
import type { Outcome, UseCaseError } from './outcome';
import { resolveMember, resolveTeam } from './resolve-member';
import { transact } from './transact';

/**
 * `team new eng "Engineering" [--parent #rnd] [--manager @bob] [--channel #eng-okr]`: admins only.
 * The manager joins the team and, if only a member, becomes a manager by role. A channel given as
 * a Slack mention is stored as its id.
 * @returns errors: admin_only, invalid_setting (handle, name, channel), team_exists, not_found, unknown_team, unknown_member, ambiguous
 */
export async function createTeam(deps: UseCaseDeps, actor: Actor, cmd: Extract<OrgCommand, { verb: 'team_new' }>): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  const handle = cmd.handle.normalize('NFKC').trim();
  const name = cmd.name.trim();
  const channelRef = cmd.channel ? (cmd.channel.id ?? cmd.channel.name ?? '') : null;
  return transact(deps.db, async (trx) => {
    const me = await currentActor(trx, actor);
    if (me.role !== 'admin') return fail({ code: 'admin_only' } as const);
    if (!isValidTeamHandle(handle)) return fail({ code: 'invalid_setting', field: 'handle' } as const);
    if (!isValidTeamName(name)) return fail({ code: 'invalid_setting', field: 'name' } as const);
    const badChannel = invalidTeamSetting({ channelRef });
    if (badChannel) return fail({ code: 'invalid_setting', field: badChannel } as const);
    if (await findTeamByHandle(trx, ws, handle)) return fail({ code: 'team_exists', handle } as const);

    let parentId: number | null = null;
    if (cmd.parent) {
      const parent = await resolveTeam(trx, ws, cmd.parent);
      if (!parent.ok) return parent;
      parentId = parent.value.id;
    }
    let manager: MemberRow | null = null;
    if (cmd.manager) {
      const found = await resolveMember(trx, ws, cmd.manager);
      if (!found.ok) return found;
      manager = found.value;
    }
    const team = await insertTeamIfNew(trx, { workspaceId: ws, name, handle, parentId, managerId: manager?.id ?? null, channelRef });
    if (!team) return fail({ code: 'team_exists', handle } as const);
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'team.create', entityType: 'team', entityId: team.id, after: team });
    if (manager) await seatManager(trx, me, team, manager);
    return ok({ type: 'team_created', team: await teamView(trx, ws, team) } as const);
  });
}
