import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { claimForRelay, claimStale, releaseClaims, type ClaimedRow } from '../db/outbox.repository';
import { LAG_CHECK } from '../use-cases/scheduler/after-check-in';
import { deliveryJobId, type Queues } from './queues';

const BATCH = 2_000;
/**
 * addBulk calls in flight at once. BullMQ spends about as long building a batch in JS as Redis
 * spends storing it, so while Redis stores one batch the next is built and a third claimed.
 */
const DEPTH = 3;

const deliveryJob = (r: ClaimedRow) => ({
  name: 'deliver' as const,
  data: r.kind === LAG_CHECK ? { outboxId: r.id, workspaceId: r.workspace_id, internal: true } : { outboxId: r.id, workspaceId: r.workspace_id },
  opts: { jobId: deliveryJobId(r.id) },
});

/**
 * Moves pending outbox rows to the delivery queue, in batches, until none are left. A row is
 * marked as handed over in the same statement that claims it; if Redis refuses a batch, the
 * claims of every batch not confirmed by Redis are released for the next run. The next batch is
 * claimed while earlier ones go to Redis, and up to DEPTH addBulk calls overlap.
 * @returns how many rows were enqueued.
 */
export async function relayOutbox(db: Kysely<Database>, queues: Queues, now: () => Date): Promise<number> {
  let relayed = 0;
  let failure: { reason: unknown } | undefined;
  const unconfirmed: number[] = [];
  const adding = new Set<Promise<void>>();
  const add = (rows: readonly ClaimedRow[]) => {
    const added: Promise<void> = queues.deliveries.addBulk(rows.map(deliveryJob)).then(
      () => {
        relayed += rows.length;
      },
      (reason: unknown) => {
        failure ??= { reason };
        for (const r of rows) unconfirmed.push(r.id);
      },
    ).finally(() => adding.delete(added));
    adding.add(added);
  };
  try {
    while (!failure) {
      const rows = await claimForRelay(db, now(), BATCH);
      if (rows.length > 0) add(rows);
      if (rows.length < BATCH) break;
      while (adding.size >= DEPTH) await Promise.race(adding);
    }
  } catch (reason) {
    failure ??= { reason };
  }
  await Promise.all(adding);
  if (failure) {
    await releaseClaims(db, unconfirmed);
    throw failure.reason;
  }
  return relayed;
}

/**
 * PostgreSQL is the truth: a row handed to the queue long ago and still undelivered is checked
 * against the queue. Gone (Redis lost it, or it was removed after failing) → enqueued again;
 * failed or completed without the row being marked → retried. Rows still waiting or running
 * are left alone. @returns how many were re-enqueued.
 */
export async function reconcileOutbox(db: Kysely<Database>, queues: Queues, now: () => Date, staleAfterMs: number): Promise<number> {
  let requeued = 0;
  for (;;) {
    const at = now();
    const rows = await claimStale(db, at, new Date(at.getTime() - staleAfterMs), BATCH);
    if (rows.length === 0) return requeued;
    const missing: number[] = [];
    for (const row of rows) {
      const job = await queues.deliveries.getJob(deliveryJobId(row.id));
      if (!job) {
        missing.push(row.id);
        continue;
      }
      const state = await job.getState();
      if (state === 'failed') {
        await job.retry('failed');
        requeued += 1;
      } else if (state === 'completed' || state === 'unknown') {
        await job.remove();
        missing.push(row.id);
      }
    }
    if (missing.length > 0) {
      const byId = new Map(rows.map((r) => [r.id, r]));
      await queues.deliveries.addBulk(missing.map((id) => deliveryJob(byId.get(id)!)));
      requeued += missing.length;
    }
    if (rows.length < BATCH) return requeued;
  }
}
