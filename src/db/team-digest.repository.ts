import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, TeamDigestTable } from './database';

type Db = Kysely<Database>;
export type TeamDigestRow = Selectable<TeamDigestTable>;

/** A team with what its digest needs: slot, delay, where it goes, and the zone it is timed in. */
export interface DigestTeam {
  id: number;
  workspace_id: number;
  manager_id: number | null;
  channel_ref: string | null;
  checkin_weekday: number;
  checkin_time: string;
  digest_after_hours: number;
  manager_time_zone: string | null;
}

/** Teams that have somewhere to send a digest (a channel or a manager) and at least one member. */
export async function listDigestTeams(db: Db): Promise<DigestTeam[]> {
  const result = await sql<DigestTeam>`
    SELECT t.id, t.workspace_id, t.manager_id, t.channel_ref, t.checkin_weekday, t.checkin_time, t.digest_after_hours,
           m.time_zone AS manager_time_zone
    FROM team t
    LEFT JOIN member m ON m.workspace_id = t.workspace_id AND m.id = t.manager_id
    WHERE (t.channel_ref IS NOT NULL OR t.manager_id IS NOT NULL)
      AND EXISTS (SELECT 1 FROM team_membership tm WHERE tm.workspace_id = t.workspace_id AND tm.team_id = t.id)
    ORDER BY t.id`.execute(db);
  return result.rows;
}

export async function plannedDigests(db: Db, since: Date): Promise<Set<string>> {
  const rows = await db.selectFrom('team_digest').select(['team_id', 'period']).where('due_at', '>=', since).execute();
  return new Set(rows.map((r) => `${r.team_id}:${r.period}`));
}

export interface NewDigest {
  readonly workspaceId: number;
  readonly teamId: number;
  readonly period: string;
  readonly coversFrom: Date;
  readonly dueAt: Date;
}

export async function insertDigests(db: Db, digests: readonly NewDigest[], now: Date): Promise<TeamDigestRow[]> {
  if (digests.length === 0) return [];
  return db
    .insertInto('team_digest')
    .values(digests.map((d) => ({ workspace_id: d.workspaceId, team_id: d.teamId, period: d.period, covers_from: d.coversFrom, due_at: d.dueAt, created_at: now })))
    .onConflict((oc) => oc.columns(['workspace_id', 'team_id', 'period']).doNothing())
    .returningAll()
    .execute();
}

export const digestKey = (teamId: number, period: string) => `digest:${teamId}:${period}`;

/**
 * Queues a digest-thread reply for each check-in of the digest's week (from the check-in time it
 * follows, for seven days) by the team's members — for the digests given (their backlog), or for
 * one new check-in, in the latest digest of each of its author's teams. Weeks don't overlap, so
 * every check-in lands in exactly one thread. One statement; keys make it idempotent.
 */
export async function queueDigestReplies(
  db: Db,
  workspaceId: number,
  now: Date,
  scope: { digestIds: readonly number[] } | { checkInId: number; authorId: number; at: Date },
): Promise<number> {
  if ('checkInId' in scope) return queueCheckInReply(db, workspaceId, now, scope);
  const result = await sql`
    INSERT INTO outbox (workspace_id, kind, dedupe_key, payload, recipient_member_id, parent_id, available_at, created_at)
    SELECT d.workspace_id, 'digest_check_in', 'digest-ci:' || d.id || ':' || c.id,
           jsonb_build_object('digestId', d.id, 'checkInId', c.id), NULL, parent.id, ${now}, ${now}
    FROM team_digest d
    JOIN team_membership tm ON tm.workspace_id = d.workspace_id AND tm.team_id = d.team_id
    JOIN check_in c ON c.workspace_id = d.workspace_id AND c.author_id = tm.member_id
    JOIN outbox parent ON parent.workspace_id = d.workspace_id AND parent.dedupe_key = 'digest:' || d.team_id || ':' || d.period
    WHERE d.workspace_id = ${workspaceId} AND d.id = ANY(${sql.val([...scope.digestIds])}::bigint[])
      AND c.created_at >= d.covers_from AND c.created_at < d.covers_from + interval '7 days'
    ORDER BY c.id
    ON CONFLICT (workspace_id, dedupe_key) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * The check-in hot path: from the author's teams (an index) to each one's latest digest (an
 * index, newest first). The check-in is in hand, so it is not joined back: three relations
 * instead of five keep planning — most of this statement's time — short.
 */
async function queueCheckInReply(db: Db, workspaceId: number, now: Date, checkIn: { checkInId: number; authorId: number; at: Date }): Promise<number> {
  const result = await sql`
    INSERT INTO outbox (workspace_id, kind, dedupe_key, payload, recipient_member_id, parent_id, available_at, created_at)
    SELECT d.workspace_id, 'digest_check_in', 'digest-ci:' || d.id || ':' || ${checkIn.checkInId}::bigint,
           jsonb_build_object('digestId', d.id, 'checkInId', ${checkIn.checkInId}::bigint), NULL, parent.id, ${now}, ${now}
    FROM team_membership tm
    CROSS JOIN LATERAL (
      SELECT d2.id, d2.workspace_id, d2.team_id, d2.period, d2.covers_from FROM team_digest d2
      WHERE d2.workspace_id = tm.workspace_id AND d2.team_id = tm.team_id AND d2.covers_from <= ${now}
      ORDER BY d2.covers_from DESC LIMIT 1) d
    JOIN outbox parent ON parent.workspace_id = d.workspace_id AND parent.dedupe_key = 'digest:' || d.team_id || ':' || d.period
    WHERE tm.workspace_id = ${workspaceId} AND tm.member_id = ${checkIn.authorId}
      AND ${checkIn.at}::timestamptz >= d.covers_from AND ${checkIn.at}::timestamptz < d.covers_from + interval '7 days'
    ON CONFLICT (workspace_id, dedupe_key) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}
