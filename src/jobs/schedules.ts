import type { Queues } from './queues';

/** The job schedulers' ids; upserting them is idempotent across processes and deploys. */
export const SCHEDULE = { tick: 'scheduler-tick' } as const;

/**
 * Upserts every schedule: on each worker's boot, and again by the maintenance loop so a Redis
 * that lost its data gets them back. One coarse tick: members' local check-in times are worked
 * out in the domain, not in cron patterns.
 */
export async function upsertSchedules(queues: Queues, tickEveryMs: number): Promise<void> {
  await queues.ticks.upsertJobScheduler(
    SCHEDULE.tick,
    { every: tickEveryMs },
    { name: 'tick', data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 1_000 } } },
  );
}
