import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { reconcileOutbox, relayOutbox } from './outbox-relay';
import type { Queues } from './queues';
import { upsertSchedules } from './schedules';

export interface MaintenanceOptions {
  readonly relayEveryMs: number;
  readonly reconcileEveryMs: number;
  /** A handed-over row still undelivered after this long is checked against the queue. */
  readonly staleAfterMs: number;
  readonly tickEveryMs: number;
}

/**
 * Each worker's own loop, outside the queue on purpose: it must keep going when Redis lost every
 * key (schedules included). It relays new outbox rows often, and now and then re-upserts the
 * schedules and re-enqueues rows the queue no longer knows. Never overlaps itself.
 */
export function startMaintenanceLoop(db: Kysely<Database>, queues: Queues, logger: Logger, now: () => Date, options: MaintenanceOptions): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> | null = null;
  let lastReconcile = Date.now();
  const turn = async () => {
    try {
      await relayOutbox(db, queues, now);
      if (Date.now() - lastReconcile >= options.reconcileEveryMs) {
        lastReconcile = Date.now();
        await upsertSchedules(queues, options.tickEveryMs);
        const requeued = await reconcileOutbox(db, queues, now, options.staleAfterMs);
        if (requeued > 0) logger.warn({ requeued }, 'outbox rows re-enqueued (the queue had lost them)');
      }
    } catch (error) {
      logger.warn({ err: error }, 'outbox relay failed; retrying');
    }
  };
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = turn().finally(() => {
      running = null;
    });
  }, options.relayEveryMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
