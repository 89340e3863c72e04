import { sql, type Kysely, type Selectable } from 'kysely';
import type { CheckInPromptTable, Database } from './database';

type Db = Kysely<Database>;
export type CheckInPromptRow = Selectable<CheckInPromptTable>;

export interface NewPrompt {
  readonly workspaceId: number;
  readonly memberId: number;
  readonly teamId: number | null;
  readonly period: string;
  readonly dueAt: Date;
  readonly remindAt: Date;
  readonly escalateAt: Date | null;
}

/**
 * Plans prompts and their deliveries in one server-side statement: the rows travel as seven
 * arrays and each inserted prompt gets its outbox row in the same statement (10,000 prompts in one
 * round trip). Conflicting (member, period) keys plan nothing. @returns how many were planned.
 */
export async function insertPromptsWithDeliveries(db: Db, prompts: readonly NewPrompt[], now: Date): Promise<number> {
  if (prompts.length === 0) return 0;
  const iso = (d: Date | null) => (d === null ? null : d.toISOString());
  const result = await sql<{ n: number }>`
    WITH planned AS (
      INSERT INTO check_in_prompt (workspace_id, member_id, team_id, period, due_at, remind_at, escalate_at, created_at)
      SELECT w, m, t, p, d::timestamptz, r::timestamptz, e::timestamptz, ${now}
      FROM unnest(${sql.val(prompts.map((x) => x.workspaceId))}::bigint[], ${sql.val(prompts.map((x) => x.memberId))}::bigint[],
                  ${sql.val(prompts.map((x) => x.teamId))}::bigint[], ${sql.val(prompts.map((x) => x.period))}::text[],
                  ${sql.val(prompts.map((x) => iso(x.dueAt)))}::text[], ${sql.val(prompts.map((x) => iso(x.remindAt)))}::text[],
                  ${sql.val(prompts.map((x) => iso(x.escalateAt)))}::text[]) AS u (w, m, t, p, d, r, e)
      ON CONFLICT (workspace_id, member_id, period) DO NOTHING
      RETURNING id, workspace_id, member_id, period),
    queued AS (
      INSERT INTO outbox (workspace_id, kind, dedupe_key, payload, recipient_member_id, available_at, created_at)
      SELECT workspace_id, 'check_in_prompt', 'prompt:' || member_id || ':' || period, jsonb_build_object('promptId', id), member_id, ${now}, ${now}
      FROM planned
      ON CONFLICT (workspace_id, dedupe_key) DO NOTHING
      RETURNING 1)
    SELECT count(*)::int AS n FROM planned`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** A prompt whose follow-up fell due, with what the follow-up needs about its member. */
export interface FollowUpRow {
  id: number;
  workspace_id: number;
  member_id: number;
  team_id: number | null;
  period: string;
  due_at: Date;
  time_zone: string;
  manager_id: number | null;
  team_manager_id: number | null;
}

/**
 * Prompts whose reminder (or escalation) time has come, that are not snoozed and whose member has
 * not checked in since the prompt was due. Locked, so two workers don't follow up twice.
 */
export async function dueFollowUps(db: Db, step: 'remind' | 'escalate', now: Date, limit: number): Promise<FollowUpRow[]> {
  const at = step === 'remind' ? sql.ref('p.remind_at') : sql.ref('p.escalate_at');
  const done = step === 'remind' ? sql.ref('p.reminded_at') : sql.ref('p.escalated_at');
  const result = await sql<FollowUpRow>`
    SELECT p.id, p.workspace_id, p.member_id, p.team_id, p.period, p.due_at, m.time_zone, m.manager_id, t.manager_id AS team_manager_id
    FROM check_in_prompt p
    JOIN member m ON m.workspace_id = p.workspace_id AND m.id = p.member_id
    LEFT JOIN team t ON t.workspace_id = p.workspace_id AND t.id = p.team_id
    WHERE ${at} <= ${now} AND ${done} IS NULL AND p.due_at > ${new Date(now.getTime() - 7 * 86_400_000)}
      AND (p.snoozed_until IS NULL OR p.snoozed_until <= ${now})
      AND (m.snoozed_until IS NULL OR m.snoozed_until <= ${now})
      AND m.active
      AND NOT EXISTS (
        SELECT 1 FROM check_in c
        WHERE c.workspace_id = p.workspace_id AND c.author_id = p.member_id AND c.created_at >= p.due_at)
    ORDER BY p.id
    LIMIT ${limit}
    FOR UPDATE OF p SKIP LOCKED`.execute(db);
  return result.rows;
}

export async function markFollowedUp(db: Db, step: 'remind' | 'escalate', ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('check_in_prompt')
    .set(step === 'remind' ? { reminded_at: now } : { escalated_at: now })
    .where('id', 'in', ids)
    .execute();
}

export function findPrompt(db: Db, workspaceId: number, id: number): Promise<CheckInPromptRow | undefined> {
  return db.selectFrom('check_in_prompt').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Pushes the prompt's reminder and escalation past `until`. */
export async function snoozePrompt(db: Db, workspaceId: number, id: number, until: Date): Promise<void> {
  await db
    .updateTable('check_in_prompt')
    .set((eb) => ({
      snoozed_until: until,
      remind_at: sql<Date>`greatest(${eb.ref('remind_at')}, ${until})`,
      escalate_at: sql<Date | null>`CASE WHEN ${eb.ref('escalate_at')} IS NULL THEN NULL ELSE greatest(${eb.ref('escalate_at')}, ${until}) END`,
    }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
