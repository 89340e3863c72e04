import type { Kysely } from 'kysely';
import type { TeamRef, TeamSettingChanges } from '../domain/command/command';
import { canManageTeam } from '../domain/authorization';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { invalidTeamSetting, type TeamSettingField, type TeamSettingsChanges } from '../domain/team';
import { writeAudit } from '../db/audit.repository';
import type { Database, TeamRow } from '../db/database';
import { findTeamById, updateTeam } from '../db/team.repository';
import type { UseCaseDeps } from './deps';
import { currentActor, teamLabel, teamOrMine, teamSettingsView, teamView } from './org-access';
import type { Outcome, UseCaseError } from './outcome';
import { transact } from './transact';

/**
 * What the Slack team settings modal submits (`readTeamSettingsForm`). The escalation ladder is
 * absent only from a modal opened before it had those fields: they then stay as they are.
 */
export interface TeamSettingsInput {
  readonly checkinWeekday: number;
  readonly checkinTime: string;
  readonly channelRef: string | null;
  readonly lagThreshold: number;
  readonly remindAfterHours?: number;
  readonly escalateAfterWorkdays?: number;
  readonly digestAfterHours?: number;
}

const forbidden = (team: TeamRow) => fail({ code: 'forbidden', ref: teamLabel(team), kind: 'team' } as const);

/**
 * `team settings [#eng]`: the team's settings as a form (the Slack modal). Only those who may
 * change them get the form. Without a team: the one the actor manages, else their first team.
 * @returns errors: not_found, unknown_team, no_team, forbidden (kind team)
 */
export async function showTeamSettings(deps: UseCaseDeps, actor: Actor, ref?: TeamRef): Promise<Result<Outcome, UseCaseError>> {
  const me = await currentActor(deps.db, actor);
  const team = await teamOrMine(deps.db, me, ref);
  if (!team.ok) return team;
  if (!canManageTeam(me, { managerId: team.value.manager_id })) return forbidden(team.value);
  return ok({ type: 'form', form: 'team_settings', openKeyResults: [], settings: teamSettingsView(team.value) });
}

/**
 * `team set [#eng] --weekday … --time … --threshold … --stale … --channel #c|none --remind … --escalate …
 * --digest …`: admins or the team's manager. A channel typed as a Slack mention is stored as its id.
 * @returns errors: not_found, unknown_team, no_team, forbidden (kind team), invalid_setting
 */
export async function changeTeamSettings(deps: UseCaseDeps, actor: Actor, ref: TeamRef | undefined, changes: TeamSettingChanges): Promise<Result<Outcome, UseCaseError>> {
  const { channel, ...rest } = changes;
  const settings: TeamSettingsChanges = channel === undefined ? rest : { ...rest, channelRef: channel === null ? null : (channel.id ?? channel.name ?? '') };
  return transact(deps.db, async (trx) => {
    const me = await currentActor(trx, actor);
    const team = await teamOrMine(trx, me, ref);
    if (!team.ok) return team;
    return applySettings(trx, me, team.value, settings);
  });
}

/**
 * Saves the Slack team settings modal for the team with id `teamId` (its `private_metadata`):
 * the same rules as `team set`.
 * @returns errors: not_found, forbidden (kind team), invalid_setting
 */
export async function updateTeamSettings(deps: UseCaseDeps, actor: Actor, teamId: number, settings: TeamSettingsInput): Promise<Result<Outcome, UseCaseError>> {
  return transact(deps.db, async (trx) => {
    const me = await currentActor(trx, actor);
    const team = Number.isSafeInteger(teamId) ? await findTeamById(trx, actor.workspaceId, teamId) : undefined;
    if (!team) return fail({ code: 'not_found', what: `#${teamId}`, suggestions: [] } as const);
    const ladder: TeamSettingsChanges = {
      ...(settings.remindAfterHours === undefined ? {} : { remindAfterHours: settings.remindAfterHours }),
      ...(settings.escalateAfterWorkdays === undefined ? {} : { escalateAfterWorkdays: settings.escalateAfterWorkdays }),
      ...(settings.digestAfterHours === undefined ? {} : { digestAfterHours: settings.digestAfterHours }),
    };
    return applySettings(trx, me, team, {
      checkinWeekday: settings.checkinWeekday,
      checkinTime: settings.checkinTime,
      channelRef: settings.channelRef,
      lagThreshold: settings.lagThreshold,
      ...ladder,
    });
  });
}

const COLUMNS: Readonly<Record<TeamSettingField, keyof TeamSettingsChanges>> = {
  weekday: 'checkinWeekday',
  time: 'checkinTime',
  threshold: 'lagThreshold',
  stale: 'staleDays',
  channel: 'channelRef',
  remind: 'remindAfterHours',
  escalate: 'escalateAfterWorkdays',
  digest: 'digestAfterHours',
};

function currentValue(team: TeamRow, field: TeamSettingField): string | number | null {
  switch (field) {
    case 'weekday':
      return team.checkin_weekday;
    case 'time':
      return team.checkin_time;
    case 'threshold':
      return team.lag_threshold;
    case 'stale':
      return team.stale_days;
    case 'channel':
      return team.channel_ref;
    case 'remind':
      return team.remind_after_hours;
    case 'escalate':
      return team.escalate_after_workdays;
    case 'digest':
      return team.digest_after_hours;
  }
}

/** Checks permission and ranges, then writes only what differs; `fields` lists what changed. */
async function applySettings(db: Kysely<Database>, me: Actor, team: TeamRow, wanted: TeamSettingsChanges): Promise<Result<Outcome, UseCaseError>> {
  if (!canManageTeam(me, { managerId: team.manager_id })) return forbidden(team);
  const settings = typeof wanted.channelRef === 'string' ? { ...wanted, channelRef: wanted.channelRef.trim() } : wanted;
  const bad = invalidTeamSetting(settings);
  if (bad) return fail({ code: 'invalid_setting', field: bad } as const);
  const fields = (Object.keys(COLUMNS) as TeamSettingField[]).filter((f) => {
    const value = settings[COLUMNS[f]];
    return value !== undefined && value !== currentValue(team, f);
  });
  if (fields.length === 0) return ok({ type: 'team_changed', team: await teamView(db, me.workspaceId, team), fields } as const);
  const changes = Object.fromEntries(fields.map((f) => [COLUMNS[f], settings[COLUMNS[f]]])) as TeamSettingsChanges;
  const updated = await updateTeam(db, me.workspaceId, team.id, changes);
  await writeAudit(db, {
    workspaceId: me.workspaceId, actorId: me.memberId, action: 'team.settings', entityType: 'team', entityId: team.id,
    before: Object.fromEntries(fields.map((f) => [COLUMNS[f], currentValue(team, f)])), after: changes,
  });
  return ok({ type: 'team_changed', team: await teamView(db, me.workspaceId, updated), fields } as const);
}
