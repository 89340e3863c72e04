import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

type Db = Kysely<Database>;

export interface LagAlertInput {
  readonly keyResultId: number;
  readonly severity: 1 | 2 | 3;
  readonly reasons: unknown;
}

/**
 * Records this week's verdicts; a KR already alerted this week is only touched when its verdict
 * got worse. @returns the KRs that need an alert now, `worsened` when one was sent before.
 */
export async function upsertLagAlerts(db: Db, workspaceId: number, period: string, alerts: readonly LagAlertInput[], now: Date): Promise<{ key_result_id: number; severity: number; worsened: boolean }[]> {
  if (alerts.length === 0) return [];
  const rows = await db
    .insertInto('lag_alert')
    .values(
      alerts.map((a) => ({
        workspace_id: workspaceId,
        key_result_id: a.keyResultId,
        period,
        severity: a.severity,
        reasons: JSON.stringify(a.reasons),
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'key_result_id', 'period'])
        .doUpdateSet((eb) => ({ severity: eb.ref('excluded.severity'), reasons: eb.ref('excluded.reasons'), updated_at: eb.ref('excluded.updated_at') }))
        .where('lag_alert.severity', '<', (eb) => eb.ref('excluded.severity')),
    )
    // xmax is 0 for a freshly inserted row and set for an updated one.
    .returning(['key_result_id', 'severity', sql<boolean>`xmax <> 0`.as('worsened')])
    .execute();
  return rows;
}

/** Where a team's alerts go: its channel, else its manager's DM. */
export async function teamDestinations(db: Db, workspaceId: number): Promise<Map<number, { channel_ref: string | null; manager_id: number | null }>> {
  const rows = await db.selectFrom('team').select(['id', 'channel_ref', 'manager_id']).where('workspace_id', '=', workspaceId).execute();
  return new Map(rows.map((r) => [r.id, { channel_ref: r.channel_ref, manager_id: r.manager_id }]));
}

export async function memberZones(db: Db, workspaceId: number, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('member').select(['id', 'time_zone']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).where('active', '=', true).execute();
  return new Map(rows.map((r) => [r.id, r.time_zone]));
}

/** Each member's home team (the first they joined), for goals that name no team. */
export async function homeTeams(db: Db, workspaceId: number, memberIds: readonly number[]): Promise<Map<number, number>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('team_membership')
    .select(['member_id', (eb) => eb.fn.min<number>('team_id').as('team_id')])
    .where('workspace_id', '=', workspaceId)
    .where('member_id', 'in', memberIds)
    .groupBy('member_id')
    .execute();
  return new Map(rows.map((r) => [r.member_id, Number(r.team_id)]));
}
