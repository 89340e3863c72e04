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
/** How late past its slot (beyond the burst allowance) a woken job may still send. */
const LATE_SLACK_MS = 0;

export const workspaceLimitKey = (workspaceId: number) => `ws-${workspaceId}`;

function workspaceLimit(workspaceId: number, rates: DeliveryRates): LimitKey {
  return { key: workspaceLimitKey(workspaceId), intervalMs: Math.max(1, Math.round(1_000 / rates.perWorkspacePerSecond)), burst: rates.burst };
}

/** The channel a notice posts into, when it goes to one (Slack: about one message a second each). */
function channelLimit(notice: OutgoingNotice, rates: DeliveryRates): LimitKey | null {
  const channel = notice.inThread?.channelRef ?? (notice.to.kind === 'channel' ? notice.to.channelRef : null);
  return channel ? { key: `ws-${notice.workspace.id}-ch-${channel}`, intervalMs: Math.max(1, Math.round(1_000 / rates.perChannelPerSecond)) } : null;
}

/**
 * The `deliver` processor: one outbox row, at most once, within its workspace's rate. The
 * workspace's slot is reserved before any database work, so a throttled workspace's backlog
 * costs a Redis call per wake, not a notice build — and cannot crowd out other workspaces. A job
 * that must wait (its slot, its thread's first message, a 429's Retry-After) moves to the delayed
 * set without using up an attempt; other errors are retried with backoff by BullMQ.
 */
export async function processDelivery(job: Job<DeliveryJobData>, token: string | undefined, deps: DeliveryJobDeps): Promise<string> {
  const { limiter, rates } = deps;
  const { outboxId, workspaceId } = job.data;
  const ws = workspaceLimit(workspaceId, rates);
  // A job woken much later than its slot (a busy worker) would send in a cluster with others and
  // earn 429s: past the burst's worth of slack it takes a new slot instead.
  const lateness = Date.now() - (job.data.slotAt ?? -Infinity);
  const onSlot = lateness >= -SLOT_SLACK_MS && lateness <= ((ws.burst ?? 1) - 1) * ws.intervalMs + LATE_SLACK_MS;
  if (!job.data.internal && (!onSlot || (await limiter.pausedAfter(ws.key, Date.now())))) {
    const wait = await limiter.reserve([ws]);
    if (wait > SLOT_SLACK_MS) return later(job, token, Date.now() + wait, { outboxId, workspaceId, slotAt: Date.now() + wait });
  }
  let channelSlot: number | undefined;
  const gate = async (notice: OutgoingNotice): Promise<number> => {
    const channel = channelLimit(notice, rates);
    if (!channel || (job.data.channelSlotAt !== undefined && Date.now() >= job.data.channelSlotAt - SLOT_SLACK_MS)) return 0;
    const wait = await limiter.reserve([channel]);
    channelSlot = Date.now() + wait;
    return wait > SLOT_SLACK_MS ? wait : 0;
  };
  const outcome = await deliverOutboxRow(deps.useCases, deps.notifierFor, outboxId, gate);
  switch (outcome.status) {
    case 'waiting_for_parent':
      return later(job, token, Date.now() + PARENT_POLL_MS, { outboxId, workspaceId });
    case 'in_flight':
      return later(job, token, Math.max(Date.now(), outcome.retryAt.getTime()) + 100, { outboxId, workspaceId });
    case 'deferred':
      // The workspace slot is spent; the channel's comes later and is kept for the next run.
      return later(job, token, channelSlot!, { outboxId, workspaceId, slotAt: channelSlot!, channelSlotAt: channelSlot! });
    case 'rate_limited': {
      // Only this workspace waits; its queued jobs meet the pause when they reserve.
      await limiter.pauseUntil(workspaceLimitKey(outcome.workspaceId), Date.now() + outcome.retryAfterMs);
      return later(job, token, Date.now() + outcome.retryAfterMs, { outboxId, workspaceId });
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
