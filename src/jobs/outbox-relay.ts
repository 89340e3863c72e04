import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { claimForRelay, claimStale, releaseClaims } from '../db/outbox.repository';
import { LAG_CHECK } from '../use-cases/scheduler/after-check-in';
import { deliveryJobId, type Queues } from './queues';

const BATCH = 2_000;

/**
 * Moves pending outbox rows to the delivery queue, in batches, until none are left. A row is
 * marked as handed over in the same statement that claims it; if Redis refuses the batch, the
 * claims are released for the next run. @returns how many rows were enqueued.
 */
export async function relayOutbox(db: Kysely<Database>, queues: Queues, now: () => Date): Promise<number> {
  let relayed = 0;
  let rows = await claimForRelay(db, now(), BATCH);
  while (rows.length > 0) {
    // The next batch is claimed while this one goes to Redis: the two round trips overlap.
    const adding = queues.deliveries.addBulk(rows.map((r) => ({ name: 'deliver', data: { outboxId: r.id, workspaceId: r.workspace_id, ...(r.kind === LAG_CHECK ? { internal: true } : {}) }, opts: { jobId: deliveryJobId(r.id) } })));
    const claiming = rows.length < BATCH ? Promise.resolve([]) : claimForRelay(db, now(), BATCH);
    const [added, next] = await Promise.allSettled([adding, claiming]);
    if (added.status === 'rejected' || next.status === 'rejected') {
      await releaseClaims(db, [...rows, ...(next.status === 'fulfilled' ? next.value : [])].map((r) => r.id));
      throw added.status === 'rejected' ? added.reason : (next as PromiseRejectedResult).reason;
    }
    relayed += rows.length;
    rows = next.value;
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
      await queues.deliveries.addBulk(
        missing.map((id) => {
          const r = byId.get(id)!;
          return { name: 'deliver', data: { outboxId: id, workspaceId: r.workspace_id, ...(r.kind === LAG_CHECK ? { internal: true } : {}) }, opts: { jobId: deliveryJobId(id) } };
        }),
      );
      requeued += missing.length;
    }
    if (rows.length < BATCH) return requeued;
  }
}
