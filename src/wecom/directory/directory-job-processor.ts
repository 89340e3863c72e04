import type { Job } from 'bullmq';
import type { WecomApi } from '../api/wecom-api';
import { textKit } from '../../render/text/context';
import { textMessage } from '../messages/wecom-message';
import type { InboundDeps } from '../inbound/process-inbound';
import { wecomActor } from '../inbound/wecom-actor';
import { runDirectorySync } from './directory-sync-job';
import type { DirectoryJobData } from './directory-sync-job';

/**
 * One directory sync. The admin who asked hears the counts, or why it failed once retries are
 * spent — the sync itself is one transaction, so a failure changed nothing.
 */
export async function processDirectoryJob(deps: InboundDeps & { readonly api: WecomApi }, job: Job<DirectoryJobData>): Promise<void> {
  const requestedBy = job.data.requestedBy || undefined;
  const tell = async (say: (t: ReturnType<typeof textKit>['t']) => string) => {
    if (!requestedBy) return;
    const actor = await wecomActor(deps, requestedBy);
    const { t } = textKit({ locale: actor.locale, timeZone: actor.timeZone, now: deps.useCases.clock.now() });
    await deps.sender.toMember(requestedBy, textMessage(say(t)));
  };
  try {
    const report = await runDirectorySync({ useCases: deps.useCases, api: deps.api, logger: deps.logger, corpId: deps.corpId, defaults: deps.defaults });
    const { chats, ...counts } = report;
    await tell((t) => t('wecom.directory.done', { ...counts, chatsCreated: chats.created, chatsUpdated: chats.updated }));
  } catch (error) {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (final) await tell((t) => t('wecom.directory.failed', { reason: error instanceof Error ? error.message : String(error) })).catch(() => undefined);
    throw error;
  }
}
