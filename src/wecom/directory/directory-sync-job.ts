import { Queue, type ConnectionOptions } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { upsertWorkspace } from '../../db/member.repository';
import type { Logger } from '../../logger';
import type { Locale } from '../../domain/member';
import type { UseCaseDeps } from '../../use-cases/deps';
import { syncDirectory, type DirectorySyncReport } from '../../use-cases/sync-directory';
import type { WecomApi } from '../api/wecom-api';
import { ensureTeamChats, type TeamChatReport } from '../team-chats';
import { wecomDirectoryReader } from '../wecom-directory-reader';

// The directory sync runs on the worker: daily from a job scheduler, and on demand when an admin
// asks; the worker runs one at a time and each is idempotent.

export const WECOM_DIRECTORY_QUEUE = 'wecom-directory';
export const DAILY_SYNC_SCHEDULE = 'wecom-directory-daily';

export interface DirectoryJobData {
  /** The admin who asked (their UserID), to be told the result; absent for the daily run. */
  readonly requestedBy?: string;
}

export function createDirectoryQueue(connection: ConnectionOptions, prefix: string): Queue<DirectoryJobData> {
  return new Queue<DirectoryJobData>(WECOM_DIRECTORY_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 }, removeOnComplete: { age: 7 * 24 * 3_600 }, removeOnFail: { age: 30 * 24 * 3_600 } },
  });
}

/**
 * Idempotent across processes and boots, like the scheduler's tick. At 02:30 in the company's
 * zone, a quiet hour; a pattern, unlike `every`, does not also fire at once on every upsert.
 */
export async function upsertDailySync(queue: Queue<DirectoryJobData>, timeZone: string): Promise<void> {
  await queue.upsertJobScheduler(DAILY_SYNC_SCHEDULE, { pattern: '30 2 * * *', tz: timeZone }, { name: 'daily', data: {} });
}

/** An admin's request: run once (they can ask again), each requester told their own result. */
export async function requestSync(queue: Queue<DirectoryJobData>, requestedBy: string): Promise<void> {
  await queue.add('on-demand', { requestedBy }, { attempts: 1 });
}

/** At a worker's boot; several workers booting together make one run. */
export async function syncAtBoot(queue: Queue<DirectoryJobData>): Promise<void> {
  await queue.add('boot', {}, { jobId: 'wecom-directory-boot', removeOnComplete: true, removeOnFail: true });
}

export interface DirectorySyncDeps {
  readonly useCases: UseCaseDeps;
  readonly api: WecomApi;
  readonly logger: Logger;
  readonly corpId: string;
  readonly defaults: { readonly locale: Locale; readonly timeZone: string };
}

/** Reads the WeCom directory, mirrors it, then brings the team group chats in line. */
export async function runDirectorySync(deps: DirectorySyncDeps): Promise<DirectorySyncReport & { chats: TeamChatReport }> {
  const db: Kysely<Database> = deps.useCases.db;
  const ws = await upsertWorkspace(db, { platform: 'wecom', externalId: deps.corpId, name: deps.corpId, locale: deps.defaults.locale, timeZone: deps.defaults.timeZone });
  const snapshot = await wecomDirectoryReader(deps.api).snapshot();
  const report = await syncDirectory(deps.useCases, ws.id, snapshot);
  const chats = await ensureTeamChats(db, deps.api, ws.id, deps.logger);
  deps.logger.info({ ...report, chats }, 'wecom directory synced');
  return { ...report, chats };
}
