import { Queue, type ConnectionOptions } from 'bullmq';

/** Queue names: kebab-case nouns (house style). */
export const QUEUE = {
  /** The coarse scheduler tick, from a job scheduler. */
  ticks: 'scheduler-ticks',
  /** One job per outbox row. */
  deliveries: 'deliveries',
} as const;

export interface DeliveryJobData {
  readonly outboxId: number;
  /** Its workspace's rate limit is checked before any database work. */
  readonly workspaceId: number;
  /** The workspace rate-limit slot this job already reserved (epoch ms): it sends then without asking again. */
  readonly slotAt?: number;
  /** Likewise for its channel's slot (digest replies, team alerts). */
  readonly channelSlotAt?: number;
  /** Work for us, not a message (a lag check): no rate slot needed. */
  readonly internal?: boolean;
}

/**
 * Deterministic, so a row relayed twice (two relays, the reconciler after Redis lost data) is one
 * job while that job exists. Never all digits and no ':' (BullMQ job-id rules).
 */
export const deliveryJobId = (outboxId: number) => `outbox-${outboxId}`;

export interface Queues {
  readonly ticks: Queue<Record<string, never>, unknown, string>;
  readonly deliveries: Queue<DeliveryJobData, unknown, 'deliver'>;
  close(): Promise<void>;
}

/** Retries with backoff for transient failures; kept a while for inspection, then removed. */
export const DELIVERY_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 3_600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
} as const;

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const ticks = new Queue<Record<string, never>, unknown, string>(QUEUE.ticks, { connection, prefix });
  const deliveries = new Queue<DeliveryJobData, unknown, 'deliver'>(QUEUE.deliveries, { connection, prefix, defaultJobOptions: DELIVERY_JOB_OPTIONS });
  return {
    ticks,
    deliveries,
    close: async () => {
      await Promise.all([ticks.close(), deliveries.close()]);
    },
  };
}
