import { recordThread } from '../../db/chat-thread.repository';
import { clearAttempt, findOutbox, markAttemptStarted, markFailed, markSent, recordError } from '../../db/outbox.repository';
import { PermanentDeliveryError, RateLimitedError, type ChatNotifier, type DeliveryReceipt, type OutgoingNotice } from '../../ports/chat-notifier';
import type { UseCaseDeps } from '../deps';
import { LAG_CHECK, raiseLagAlertFor } from '../scheduler/after-check-in';
import { buildNotice, type ThreadSubject } from './build-notice';

export type DeliveryOutcome =
  | { readonly status: 'sent'; readonly receipt: DeliveryReceipt; readonly notice: OutgoingNotice; readonly recovered: boolean }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string }
  /** Sent or recorded before (a duplicate job, a re-run after a crash). */
  | { readonly status: 'already_done' }
  /** It replies in a thread whose first message is not out yet. */
  | { readonly status: 'waiting_for_parent' }
  /** Another attempt is sending it right now (a job run twice after a lost lock): look again then. */
  | { readonly status: 'in_flight'; readonly retryAt: Date }
  /** The gate (rate limit) wants it sent later. */
  | { readonly status: 'deferred'; readonly waitMs: number }
  | { readonly status: 'rate_limited'; readonly retryAfterMs: number; readonly workspaceId: number };

/** Decides how long to wait before sending (0: now) — the queue's per-workspace rate limit. */
export type DeliveryGate = (notice: OutgoingNotice) => Promise<number>;

export type NotifierFor = (platform: OutgoingNotice['workspace']['platform']) => ChatNotifier | undefined;

/**
 * How long a started attempt owns its row. Longer than a notifier call can take (their request
 * timeouts are 10 s), so a second run of the same job — BullMQ re-runs a job whose lock lapsed
 * while it still runs — waits instead of posting beside it.
 */
export const ATTEMPT_LEASE_MS = 15_000;

/**
 * Delivers one outbox row at most once. PostgreSQL holds the truth: a row already sent is not
 * sent again, and an attempt that may have sent before being cut off (a killed worker) first
 * asks the platform whether the message carrying its key arrived. Permanent refusals are
 * recorded, not retried; other errors are thrown for the queue to retry.
 */
export async function deliverOutboxRow(deps: UseCaseDeps, notifierFor: NotifierFor, id: number, gate?: DeliveryGate): Promise<DeliveryOutcome> {
  const { db } = deps;
  const row = await findOutbox(db, id);
  if (!row || row.sent_at || row.failed_at) return { status: 'already_done' };
  const now = () => deps.clock.now();

  if (row.kind === LAG_CHECK) {
    const raised = await raiseLagAlertFor(deps, row.workspace_id, Number((row.payload as { keyResultId?: unknown }).keyResultId));
    return skipped(deps, id, raised > 0 ? 'lag alert raised' : 'no worse than this week\'s alert');
  }
  const parent = row.parent_id === null ? undefined : await findOutbox(db, row.parent_id);
  if (parent?.failed_at) return failed(deps, id, 'parent_failed');
  if (parent && !parent.sent_at) return { status: 'waiting_for_parent' };
  if (parent && !parent.channel_ref) return skipped(deps, id, 'parent_skipped');

  const built = await buildNotice(deps, row, parent);
  if (built.state === 'skip') return skipped(deps, id, built.reason);
  if (built.state === 'fail') return failed(deps, id, built.reason);
  const { notice, thread } = built;
  const notifier = notifierFor(notice.workspace.platform);
  if (!notifier) return failed(deps, id, `no_notifier:${notice.workspace.platform}`);

  const waitMs = gate ? await gate(notice) : 0;
  if (waitMs > 0) return { status: 'deferred', waitMs };

  const started = row.attempt_started_at;
  if (started) {
    const leaseEnds = started.getTime() + ATTEMPT_LEASE_MS;
    if (now().getTime() < leaseEnds) return { status: 'in_flight', retryAt: new Date(leaseEnds) };
    const found = await notifier.findDelivered(notice, started);
    if (found) return complete(deps, row.id, notice, thread, found, true);
  }
  if (!(await markAttemptStarted(db, id, now(), started))) return { status: 'in_flight', retryAt: new Date(now().getTime() + ATTEMPT_LEASE_MS) };
  let receipt: DeliveryReceipt;
  try {
    receipt = await notifier.deliver(notice);
  } catch (error) {
    if (error instanceof PermanentDeliveryError) return failed(deps, id, error.code);
    if (error instanceof RateLimitedError) {
      // A 429 means nothing was posted: the next attempt need not look for it first.
      await clearAttempt(db, id);
      return { status: 'rate_limited', retryAfterMs: error.retryAfterMs, workspaceId: notice.workspace.id };
    }
    await recordError(db, id, error instanceof Error ? error.message : String(error));
    throw error;
  }
  return complete(deps, row.id, notice, thread, receipt, false);
}

async function complete(deps: UseCaseDeps, id: number, notice: OutgoingNotice, thread: ThreadSubject | null, receipt: DeliveryReceipt, recovered: boolean): Promise<DeliveryOutcome> {
  const platform = notice.workspace.platform;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await markSent(trx, id, deps.clock.now(), receipt))) return;
    if (thread && platform !== 'console') {
      await recordThread(trx, {
        workspaceId: notice.workspace.id,
        platform,
        channelRef: receipt.channelRef,
        threadRef: receipt.threadRef,
        kind: thread.kind,
        memberId: thread.memberId ?? null,
        teamId: thread.teamId ?? null,
        keyResultId: thread.keyResultId ?? null,
        checkInId: thread.checkInId ?? null,
      });
    }
  });
  return { status: 'sent', receipt, notice, recovered };
}

async function skipped(deps: UseCaseDeps, id: number, reason: string): Promise<DeliveryOutcome> {
  await markSent(deps.db, id, deps.clock.now(), { channelRef: null, threadRef: null }, `skipped: ${reason}`);
  return { status: 'skipped', reason };
}

async function failed(deps: UseCaseDeps, id: number, reason: string): Promise<DeliveryOutcome> {
  await markFailed(deps.db, id, deps.clock.now(), reason);
  return { status: 'failed', reason };
}
