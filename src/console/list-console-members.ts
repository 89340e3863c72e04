import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';

type Translate = (key: 'console.members' | 'console.noMembers', params?: Record<string, string | number>) => string;

/** `:who` — everyone in the local workspace with role and teams, so you know whom to act as. */
export async function listConsoleMembers(db: Kysely<Database>, workspaceExternalId: string, t: Translate): Promise<string> {
  const rows = await db
    .selectFrom('member as m')
    .innerJoin('workspace as w', 'w.id', 'm.workspace_id')
    .leftJoin('team_membership as tm', (j) => j.onRef('tm.workspace_id', '=', 'm.workspace_id').onRef('tm.member_id', '=', 'm.id'))
    .leftJoin('team as t', (j) => j.onRef('t.workspace_id', '=', 'tm.workspace_id').onRef('t.id', '=', 'tm.team_id'))
    .select(['m.display_name', 'm.role', 'm.locale', sql<string>`coalesce(string_agg('#' || t.handle, ' ' ORDER BY t.handle), '')`.as('teams')])
    .where('w.platform', '=', 'console')
    .where('w.external_id', '=', workspaceExternalId)
    .groupBy(['m.id', 'm.display_name', 'm.role', 'm.locale'])
    .orderBy('m.id')
    .execute();
  if (rows.length === 0) return t('console.noMembers');
  const width = Math.max(...rows.map((r) => r.display_name.length));
  return [t('console.members'), ...rows.map((r) => `  ${r.display_name.padEnd(width)}  ${r.role.padEnd(7)}  ${r.locale.padEnd(5)}  ${r.teams}`)].join('\n');
}
