import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, OutboxTable } from './database';

type Db = Kysely<Database>;
export type OutboxRow = Selectable<OutboxTable>;

export interface NewOutboxRow {
  readonly workspaceId: number;
  readonly kind: string;
  readonly dedupeKey: string;
  readonly payload: unknown;
  readonly recipientMemberId?: number | null;
  /** The dedupe key of the row whose thread this one replies in. */
  readonly parentKey?: string;
  readonly availableAt?: Date;
}

// 10,000 prompts plan in one statement per chunk: PostgreSQL takes at most 65,535 parameters.
const CHUNK = 5_000;

/**
 * Queues notifications in the caller's transaction. A key already present is left alone, so
 * planning the same thing twice notifies once. @returns the ids of the rows actually inserted.
 */
export async function insertOutbox(db: Db, rows: readonly NewOutboxRow[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const inserted = await db
      .insertInto('outbox')
      .values(
        chunk.map((r) => ({
          workspace_id: r.workspaceId,
          kind: r.kind,
          dedupe_key: r.dedupeKey,
          payload: JSON.stringify(r.payload),
          recipient_member_id: r.recipientMemberId ?? null,
          parent_id: r.parentKey
            ? sql<number>`(SELECT p.id FROM outbox p WHERE p.workspace_id = ${r.workspaceId} AND p.dedupe_key = ${r.parentKey})`
            : null,
          available_at: r.availableAt ?? now,
          // The injected clock, not the database's: the daily budget and time travel count on it.
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    for (const row of inserted) ids.push(row.id);
  }
  return ids;
}

export interface ClaimedRow {
  readonly id: number;
  readonly workspace_id: number;
  readonly kind: string;
}

/**
 * The relay's batch: pending rows nobody has handed to the queue yet, marked as handed over.
 * SKIP LOCKED lets several workers relay at once without taking the same rows.
 */
export async function claimForRelay(db: Db, now: Date, limit: number): Promise<ClaimedRow[]> {
  const result = await sql<ClaimedRow>`
    UPDATE outbox SET enqueued_at = ${now}
    WHERE id IN (
      SELECT id FROM outbox
      WHERE sent_at IS NULL AND failed_at IS NULL AND enqueued_at IS NULL AND available_at <= ${now}
      ORDER BY available_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, workspace_id, kind`.execute(db);
  return result.rows;
}

/** Hands rows back to the relay (the queue refused them). */
export async function releaseClaims(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ enqueued_at: null }).where('id', 'in', ids).where('sent_at', 'is', null).execute();
}

/**
 * Rows handed to the queue long ago and still undelivered: the reconciler checks each against
 * the queue (Redis may have lost it) and touches it so it is not checked again right away.
 */
export async function claimStale(db: Db, now: Date, olderThan: Date, limit: number): Promise<ClaimedRow[]> {
  const result = await sql<ClaimedRow>`
    UPDATE outbox SET enqueued_at = ${now}
    WHERE id IN (
      SELECT id FROM outbox
      WHERE sent_at IS NULL AND failed_at IS NULL AND enqueued_at < ${olderThan}
      ORDER BY enqueued_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, workspace_id, kind`.execute(db);
  return result.rows;
}

export function findOutbox(db: Db, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Claims the next attempt: only if nobody else started one since `seen` (the attempt the caller
 * read). If it is cut off, the next one looks for the message first.
 * @returns false when another attempt got there first.
 */
export async function markAttemptStarted(db: Db, id: number, at: Date, seen: Date | null): Promise<boolean> {
  const updated = await db
    .updateTable('outbox')
    .set((eb) => ({ attempt_started_at: at, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where((eb) => (seen === null ? eb('attempt_started_at', 'is', null) : eb('attempt_started_at', '=', seen)))
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** The platform refused before sending (rate limit): the next attempt need not look first. */
export async function clearAttempt(db: Db, id: number): Promise<void> {
  await db.updateTable('outbox').set({ attempt_started_at: null }).where('id', '=', id).where('sent_at', 'is', null).execute();
}

/** @returns false when the row was already sent (a concurrent attempt won). */
export async function markSent(db: Db, id: number, at: Date, receipt: { channelRef: string | null; threadRef: string | null }, note?: string): Promise<boolean> {
  const updated = await db
    .updateTable('outbox')
    .set({ sent_at: at, channel_ref: receipt.channelRef, thread_ref: receipt.threadRef, last_error: note ?? null })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Recorded instead of retried: the platform said no for good, or every retry failed. */
export async function markFailed(db: Db, id: number, at: Date, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ failed_at: at, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

export async function recordError(db: Db, id: number, error: string): Promise<void> {
  await db.updateTable('outbox').set({ last_error: error.slice(0, 500) }).where('id', '=', id).execute();
}

/** Undelivered rows the in-process driver (console) may deliver now, oldest first. */
export async function pendingIds(db: Db, now: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('available_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * How many nagging notices (reminders, lag DMs) each member got since `since` — the daily
 * reminder budget.
 */
export async function nagCounts(db: Db, workspaceId: number, memberIds: readonly number[], kinds: readonly string[], since: Date): Promise<Map<number, number>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('outbox')
    .select(['recipient_member_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('recipient_member_id', 'in', memberIds)
    .where('kind', 'in', kinds)
    .where('created_at', '>=', since)
    .groupBy('recipient_member_id')
    .execute();
  return new Map(rows.map((r) => [r.recipient_member_id!, Number(r.n)]));
}
