import type { Kysely } from 'kysely';
import type { Database } from './database';

/** Records one mutation; called inside the mutation's own transaction so both land or neither. */
export async function writeAudit(
  db: Kysely<Database>,
  entry: { workspaceId: number; actorId: number | null; action: string; entityType: string; entityId: number; before?: unknown; after?: unknown },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: entry.workspaceId,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
