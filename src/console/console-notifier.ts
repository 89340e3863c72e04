import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { ChatNotifier, OutgoingNotice } from '../ports/chat-notifier';
import { formatDateTime } from '../i18n/format';
import { createTranslator } from '../i18n/translate';
import { noticeText } from '../render/text/notice-text';
import type { Clock } from '../ports/clock';

/**
 * The console's chat platform: what the scheduler sends is printed as it would arrive, with
 * when, to whom and where (a DM, a team channel, a thread). Threads are numbered per run.
 */
export function consoleNotifier(db: Kysely<Database>, clock: Clock, print: (text: string) => void): ChatNotifier {
  let seq = 0;
  const delivered = new Map<string, { channelRef: string; threadRef: string }>();
  const nameOf = async (workspaceId: number, externalId: string) =>
    (await db.selectFrom('member').select('display_name').where('workspace_id', '=', workspaceId).where('external_id', '=', externalId).executeTakeFirst())?.display_name ?? externalId;
  return {
    async deliver(notice: OutgoingNotice) {
      const t = createTranslator(notice.locale);
      const now = clock.now();
      const when = formatDateTime(notice.locale, now, notice.timeZone);
      const where =
        notice.to.kind === 'member'
          ? t('console.arrivedDm', { time: when, name: await nameOf(notice.workspace.id, notice.to.externalId) })
          : t('console.arrivedChannel', { time: when, channel: notice.to.channelRef });
      const thread = notice.inThread ? ` ${t('console.inThread')}` : '';
      print(`── ${where}${thread}\n${noticeText(notice.notice, { locale: notice.locale, timeZone: notice.timeZone, now })}`);
      seq += 1;
      const receipt = notice.inThread ?? { channelRef: notice.to.kind === 'member' ? `dm:${notice.to.externalId}` : notice.to.channelRef, threadRef: `console-${seq}` };
      delivered.set(notice.deliveryKey, receipt);
      return receipt;
    },
    async findDelivered(notice: OutgoingNotice) {
      return delivered.get(notice.deliveryKey) ?? null;
    },
  };
}
