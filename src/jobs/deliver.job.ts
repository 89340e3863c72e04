import { DelayedError, type Job } from 'bullmq';
import type { OutgoingNotice } from '../ports/chat-notifier';
import type { UseCaseDeps } from '../use-cases/deps';
import { deliverOutboxRow, type NotifierFor } from '../use-cases/delivery/deliver-outbox-row';
import type { DeliveryLimiter, LimitKey } from './delivery-limiter';
import type { DeliveryJobData } from './queues';

export interface DeliveryRates {
  /** Messages per second one workspace may send (Slack: "several hundred per minute"). */
  readonly perWorkspacePerSecond: number;
  /** How many may go at once after a quiet spell. */
  readonly burst: number;
  /** Messages per second into one channel (Slack: about one). */
  readonly perChannelPerSecond: number;
}

export interface DeliveryJobDeps {
  readonly useCases: UseCaseDeps;
  readonly notifierFor: NotifierFor;
  readonly limiter: DeliveryLimiter;
  readonly rates: DeliveryRates;
}

/** A reply waiting for its thread's first message looks again after this long. */
const PARENT_POLL_MS = 2_000;
/** A reserved slot this close counts as now. */
const SLOT_SLACK_MS = 25;

export const workspaceLimitKey = (workspaceId: number) => `ws-${workspaceId}`;

/** The limits a notice counts against: its workspace, and its channel when it goes to one. */
function limitKeys(notice: OutgoingNotice, rates: DeliveryRates): LimitKey[] {
  const keys: LimitKey[] = [{ key: workspaceLimitKey(notice.workspace.id), intervalMs: Math.max(1, Math.round(1_000 / rates.perWorkspacePerSecond)), burst: rates.burst }];
  const channel = notice.inThread?.channelRef ?? (notice.to.kind === 'channel' ? notice.to.channelRef : null);
  if (channel) keys.push({ key: `ws-${notice.workspace.id}-ch-${channel}`, intervalMs: Math.max(1, Math.round(1_000 / rates.perChannelPerSecond)) });
  return keys;
}

/**
 * The `deliver` processor: one outbox row, at most once, within its workspace's rate. A job that
 * must wait (its rate slot, its thread's first message, a 429's Retry-After) moves to the
 * delayed set without using up an attempt; other errors are retried with backoff by BullMQ.
 */
export async function processDelivery(job: Job<DeliveryJobData>, token: string | undefined, deps: DeliveryJobDeps): Promise<string> {
  const { limiter, rates } = deps;
  let slotAt = job.data.slotAt;
  const gate = async (notice: OutgoingNotice): Promise<number> => {
    if (slotAt !== undefined && Date.now() >= slotAt - SLOT_SLACK_MS && !(await limiter.pausedAfter(workspaceLimitKey(notice.workspace.id), Date.now()))) return 0;
    const wait = await limiter.reserve(limitKeys(notice, rates));
    slotAt = Date.now() + wait;
    return wait > SLOT_SLACK_MS ? wait : 0;
  };
  const outcome = await deliverOutboxRow(deps.useCases, deps.notifierFor, job.data.outboxId, gate);
  switch (outcome.status) {
    case 'waiting_for_parent':
      return later(job, token, Date.now() + PARENT_POLL_MS, { ...job.data });
    case 'in_flight':
      return later(job, token, Math.max(Date.now(), outcome.retryAt.getTime()) + 100, { outboxId: job.data.outboxId });
    case 'deferred':
      return later(job, token, slotAt!, { ...job.data, slotAt: slotAt! });
    case 'rate_limited': {
      // Only this workspace waits; its queued jobs meet the pause when they reserve.
      await limiter.pauseUntil(workspaceLimitKey(outcome.workspaceId), Date.now() + outcome.retryAfterMs);
      return later(job, token, Date.now() + outcome.retryAfterMs, { outboxId: job.data.outboxId });
    }
    default:
      return outcome.status;
  }
}

async function later(job: Job<DeliveryJobData>, token: string | undefined, at: number, data: DeliveryJobData): Promise<never> {
  await job.updateData(data);
  await job.moveToDelayed(at, token);
  throw new DelayedError();
}
