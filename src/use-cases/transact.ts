import type { Kysely, Transaction } from 'kysely';
import type { Result } from '../domain/result';
import type { Database } from '../db/database';

class Rollback<E> extends Error {
  constructor(readonly failure: { readonly ok: false; readonly error: E }) {
    super('rollback');
  }
}

/**
 * Runs `work` in one transaction. A failed Result rolls everything back too — so a use-case can
 * discover a problem half-way and still leave the database exactly as it found it.
 */
export async function transact<T, E>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<Result<T, E>>): Promise<Result<T, E>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx);
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.failure as Result<T, E>;
    throw error;
  }
}
