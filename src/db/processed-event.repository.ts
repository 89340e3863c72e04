import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

/**
 * Claims an event id; true for the first delivery, false for a redelivery. The unique key makes
 * this hold across any number of web processes.
 */
export async function claimEvent(db: Kysely<Database>, platform: 'slack' | 'wecom', eventId: string): Promise<boolean> {
  const row = await db
    .insertInto('processed_event')
    .values({ platform, event_id: eventId })
    .onConflict((oc) => oc.doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets event ids older than `days`; Slack's last retry comes within hours. */
export async function pruneEvents(db: Kysely<Database>, days: number): Promise<number> {
  const res = await db.deleteFrom('processed_event').where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`).executeTakeFirst();
  return Number(res.numDeletedRows);
}
