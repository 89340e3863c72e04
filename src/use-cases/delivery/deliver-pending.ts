import { pendingIds } from '../../db/outbox.repository';
import type { UseCaseDeps } from '../deps';
import { deliverOutboxRow, type DeliveryOutcome, type NotifierFor } from './deliver-outbox-row';

/**
 * Delivers everything pending, in order, in this process — the console's time travel and tests
 * use it where the worker would use the queue. Threads come out after their first message.
 * @returns every outcome, in delivery order.
 */
export async function deliverPending(deps: UseCaseDeps, notifierFor: NotifierFor): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  const waiting = new Set<number>();
  for (;;) {
    const ids = (await pendingIds(deps.db, deps.clock.now(), 1_000)).filter((id) => !waiting.has(id));
    if (ids.length === 0) return outcomes;
    let progressed = false;
    for (const id of ids) {
      const outcome = await deliverOutboxRow(deps, notifierFor, id);
      if (outcome.status === 'waiting_for_parent' || outcome.status === 'deferred' || outcome.status === 'rate_limited' || outcome.status === 'in_flight') {
        waiting.add(id);
        continue;
      }
      progressed = true;
      outcomes.push(outcome);
    }
    // Rows waiting on a parent are retried once the parents went out; stop when nothing moves.
    if (!progressed) return outcomes;
    waiting.clear();
  }
}
