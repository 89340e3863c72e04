import type { ChatNotifier, DeliveryReceipt, OutgoingNotice } from '../../src/ports/chat-notifier';

export interface Delivered {
  readonly notice: OutgoingNotice;
  readonly receipt: DeliveryReceipt;
}

/**
 * Stands in for a chat platform in use-case tests: it records what would have been posted and
 * answers with Slack-like receipts (DM channel per person, a fresh ts per message).
 */
export function recordingNotifier(): ChatNotifier & { delivered: Delivered[]; fail: Map<string, Error> } {
  const delivered: Delivered[] = [];
  const fail = new Map<string, Error>();
  let seq = 0;
  return {
    delivered,
    fail,
    async deliver(notice) {
      const target = notice.to.kind === 'member' ? notice.to.externalId : notice.to.channelRef;
      const error = fail.get(target);
      if (error) throw error;
      seq += 1;
      const channelRef = notice.inThread?.channelRef ?? (notice.to.kind === 'member' ? `D-${notice.to.externalId}` : notice.to.channelRef);
      const receipt = { channelRef, threadRef: notice.inThread?.threadRef ?? `ts-${seq}` };
      delivered.push({ notice, receipt });
      return receipt;
    },
    async findDelivered(notice) {
      return delivered.find((d) => d.notice.deliveryKey === notice.deliveryKey)?.receipt ?? null;
    },
  };
}
