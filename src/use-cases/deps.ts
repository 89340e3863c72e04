import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Clock } from '../ports/clock';

/** What every use-case needs; adapters and jobs build it once. */
export interface UseCaseDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
}
