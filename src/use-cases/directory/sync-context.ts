import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { DirectoryState } from '../../db/directory.repository';
import type { CleanDirectory } from './normalize-snapshot';

/** What every step of one directory sync shares: its transaction, the directory, and the state before. */
export interface SyncContext {
  readonly trx: Kysely<Database>;
  readonly workspaceId: number;
  readonly now: Date;
  readonly dir: CleanDirectory;
  readonly before: DirectoryState;
}

/** Members after the people step: ids by directory ref, and who is active now. */
export interface SyncedMembers {
  readonly idByRef: ReadonlyMap<string, number>;
  /**
   * Active people of the snapshot — the workspace's only active members after the sync, and the
   * members whose teams and manager the directory decides.
   */
  readonly syncedIds: ReadonlySet<number>;
}
