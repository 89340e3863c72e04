import { createHash } from 'node:crypto';
import { Queue, type ConnectionOptions } from 'bullmq';
import type { InboundMessage } from './inbound-message';

// The hand-off from the WeCom callback to the worker: one BullMQ job per inbound message, so the
// callback answers WeCom well within its 5-second deadline (platform-facts B3) and the command is
// run, retried and replied to by the worker.

export const WECOM_INBOUND_QUEUE = 'wecom-inbound';

export interface InboundJobData {
  readonly corpId: string;
  readonly message: InboundMessage;
}

/** Retried with backoff (about 1 + 2 + 4 + 8 s); kept an hour when done, a week when failed. */
export const INBOUND_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600 },
  removeOnFail: { age: 7 * 24 * 3_600 },
} as const;

/**
 * The job id for a dedup key: BullMQ ids may not contain ':' nor be all digits, and the key carries
 * user-chosen text (button keys up to 1,024 bytes), so it is hashed. The same message therefore
 * becomes one job while that job is kept, even if its dedup claim was lost.
 */
export function inboundJobId(dedupKey: string): string {
  return `wecom-in-${createHash('sha256').update(dedupKey).digest('hex')}`;
}

/** The inbound queue, on the same connection and key prefix as the other queues (src/jobs/queues.ts). */
export function createInboundQueue(connection: ConnectionOptions, prefix: string): Queue<InboundJobData> {
  return new Queue<InboundJobData>(WECOM_INBOUND_QUEUE, { connection, prefix, defaultJobOptions: INBOUND_JOB_OPTIONS });
}

/** The callback's `accept`: `(msg, key) => enqueueInbound(queue, corpId, msg, key)`. */
export async function enqueueInbound(queue: Queue<InboundJobData>, corpId: string, msg: InboundMessage, dedupKey: string): Promise<void> {
  await queue.add(msg.kind, { corpId, message: msg }, { ...INBOUND_JOB_OPTIONS, jobId: inboundJobId(dedupKey) });
}
