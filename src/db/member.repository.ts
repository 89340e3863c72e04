import { sql, type Kysely } from 'kysely';
import type { Database, MemberRow, Platform } from './database';
import type { Locale, Role } from '../domain/member';

type Db = Kysely<Database>;

/** Finds or creates the workspace for a platform tenant (a Slack team, a WeCom corp, the console). */
export async function upsertWorkspace(
  db: Db,
  input: { platform: Platform; externalId: string; name: string; locale?: Locale; timeZone?: string },
): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto('workspace')
    .values({
      platform: input.platform,
      external_id: input.externalId,
      name: input.name,
      default_locale: input.locale,
      default_time_zone: input.timeZone,
    })
    .onConflict((oc) => oc.columns(['platform', 'external_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('workspace')
    .select('id')
    .where('platform', '=', input.platform)
    .where('external_id', '=', input.externalId)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

export function findWorkspace(db: Db, workspaceId: number) {
  return db.selectFrom('workspace').selectAll().where('id', '=', workspaceId).executeTakeFirst();
}

export function findMemberByExternalId(db: Db, workspaceId: number, externalId: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('member')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

export function findMemberById(db: Db, workspaceId: number, memberId: number): Promise<MemberRow | undefined> {
  return db.selectFrom('member').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', memberId).executeTakeFirst();
}

/** Case-insensitive name match: exact names first, then prefixes (for "@ali"). */
export async function findMembersByName(db: Db, workspaceId: number, name: string): Promise<MemberRow[]> {
  const lowered = name.toLowerCase();
  const rows = await db
    .selectFrom('member')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb(sql`lower(display_name)`, '=', lowered),
        eb(sql`lower(display_name)`, 'like', `${escapeLike(lowered)}%`),
        eb('external_id', '=', name),
      ]),
    )
    .orderBy('id')
    .limit(10)
    .execute();
  const exact = rows.filter((r) => r.display_name.toLowerCase() === lowered || r.external_id === name);
  return exact.length > 0 ? exact : rows;
}

export async function insertMember(
  db: Db,
  input: { workspaceId: number; externalId: string; displayName: string; timeZone: string; locale: Locale; role: Role; managerId?: number | null },
): Promise<MemberRow> {
  return db
    .insertInto('member')
    .values({
      workspace_id: input.workspaceId,
      external_id: input.externalId,
      display_name: input.displayName,
      time_zone: input.timeZone,
      locale: input.locale,
      role: input.role,
      manager_id: input.managerId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countMembers(db: Db, workspaceId: number): Promise<number> {
  const row = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateMember(
  db: Db,
  workspaceId: number,
  memberId: number,
  changes: { locale?: Locale; snoozedUntil?: Date | null },
): Promise<void> {
  await db
    .updateTable('member')
    .set({
      ...(changes.locale ? { locale: changes.locale } : {}),
      ...(changes.snoozedUntil !== undefined ? { snoozed_until: changes.snoozedUntil } : {}),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', memberId)
    .execute();
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Direct reports of a manager. */
export async function reportIds(db: Db, workspaceId: number, managerId: number): Promise<number[]> {
  const rows = await db.selectFrom('member').select('id').where('workspace_id', '=', workspaceId).where('manager_id', '=', managerId).execute();
  return rows.map((r) => r.id);
}

/** Sets the organisational facts of a member (directory sync, the demo company). */
export async function updateMemberProfile(
  db: Db,
  workspaceId: number,
  memberId: number,
  p: { role: Role; managerId: number | null; timeZone: string; locale: Locale },
): Promise<void> {
  await db
    .updateTable('member')
    .set({ role: p.role, manager_id: p.managerId, time_zone: p.timeZone, locale: p.locale, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', memberId)
    .execute();
}

/** A member by platform ids, with their workspace: the fast path of every chat request. */
export function findMemberByPlatformIds(db: Db, platform: Platform, workspaceExternalId: string, userExternalId: string) {
  return db
    .selectFrom('member as m')
    .innerJoin('workspace as w', 'w.id', 'm.workspace_id')
    .selectAll('m')
    .where('w.platform', '=', platform)
    .where('w.external_id', '=', workspaceExternalId)
    .where('m.external_id', '=', userExternalId)
    .executeTakeFirst();
}

/** Refreshes what the platform's profile says about a member (name, time zone, language). */
export async function updateMemberPlatformProfile(
  db: Db,
  workspaceId: number,
  memberId: number,
  p: { displayName: string; timeZone: string; locale: Locale; active: boolean },
): Promise<void> {
  await db
    .updateTable('member')
    .set({ display_name: p.displayName, time_zone: p.timeZone, locale: p.locale, active: p.active, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', memberId)
    .execute();
}

/** The workspace id of a platform tenant, if it has one yet. */
export async function findWorkspaceId(db: Db, platform: Platform, externalId: string): Promise<number | undefined> {
  const row = await db.selectFrom('workspace').select('id').where('platform', '=', platform).where('external_id', '=', externalId).executeTakeFirst();
  return row?.id;
}

export async function setMemberRole(db: Db, workspaceId: number, memberId: number, role: Role): Promise<void> {
  await db.updateTable('member').set({ role, updated_at: new Date() }).where('workspace_id', '=', workspaceId).where('id', '=', memberId).execute();
}

export async function setMemberManager(db: Db, workspaceId: number, memberId: number, managerId: number | null): Promise<void> {
  await db.updateTable('member').set({ manager_id: managerId, updated_at: new Date() }).where('workspace_id', '=', workspaceId).where('id', '=', memberId).execute();
}

/**
 * The active admins of a workspace, row-locked until the transaction ends: two admins demoting
 * themselves at the same time queue up here, so the second sees the first's change.
 */
export async function lockActiveAdmins(db: Db, workspaceId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('member')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Whether `memberId` is `managerId` or sits above them in the reporting line — then making
 * `managerId` the manager of `memberId` would close a loop (the `member_no_cycle` trigger would refuse it).
 */
export async function wouldCloseReportingLoop(db: Db, workspaceId: number, memberId: number, managerId: number): Promise<boolean> {
  const { rows } = await sql<{ loops: boolean }>`
    WITH RECURSIVE up (id, manager_id) AS (
      SELECT id, manager_id FROM member WHERE workspace_id = ${workspaceId} AND id = ${managerId}
      UNION
      SELECT m.id, m.manager_id FROM member m JOIN up ON m.workspace_id = ${workspaceId} AND m.id = up.manager_id
    )
    SELECT EXISTS (SELECT 1 FROM up WHERE id = ${memberId}) AS loops`.execute(db);
  return rows[0]?.loops === true;
}
