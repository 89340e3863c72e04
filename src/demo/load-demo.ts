import type { Kysely } from 'kysely';
import { localDay, quarterOf } from '../domain/calendar';
import { parseChatText } from '../domain/command/parse-command';
import type { Actor } from '../domain/member';
import type { Database } from '../db/database';
import { insertCycle } from '../db/cycle.repository';
import { findMemberByExternalId, insertMember, updateMemberProfile, upsertWorkspace } from '../db/member.repository';
import { addTeamMember, insertTeam } from '../db/team.repository';
import { cycleBounds } from '../domain/calendar';
import { fixedClock } from '../ports/clock';
import type { UseCaseDeps } from '../use-cases/deps';
import { runCommand } from '../use-cases/run-command';
import { DEMO_PEOPLE, DEMO_STEPS, DEMO_TEAMS } from './demo-company';

/** True when the console workspace already holds an objective. */
export async function hasAnyGoals(db: Kysely<Database>, workspaceExternalId: string): Promise<boolean> {
  const row = await db
    .selectFrom('objective')
    .innerJoin('workspace as w', 'w.id', 'objective.workspace_id')
    .select('objective.id')
    .where('w.platform', '=', 'console')
    .where('w.external_id', '=', workspaceExternalId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

const externalIdOf = (name: string) => `console:${name.toLowerCase()}`;

/**
 * Loads the demo company into the console workspace through the same parser and use-cases as chat,
 * replaying its history over the current quarter so far. Returns false (and changes nothing) when
 * the workspace already has goals.
 */
export async function loadDemoCompany(deps: UseCaseDeps, workspaceExternalId: string): Promise<boolean> {
  if (await hasAnyGoals(deps.db, workspaceExternalId)) return false;
  const now = deps.clock.now();
  const quarter = quarterOf(localDay(now, 'UTC'));
  const { actors, workspaceId } = await createOrganisation(deps.db, workspaceExternalId);
  await insertCycle(deps.db, { workspaceId, name: quarter.name, startsOn: quarter.startsOn, endsOn: quarter.endsOn });
  const start = cycleBounds(quarter.startsOn, quarter.endsOn).start.getTime();
  const span = Math.max(0, now.getTime() - start);
  for (const step of DEMO_STEPS) {
    const text = step.say.replace('{cycle}', quarter.name);
    const parsed = parseChatText(text);
    if (!parsed.ok) throw new Error(`demo step does not parse: ${text} (${parsed.error.code})`);
    const clock = fixedClock(new Date(start + Math.round(step.at * span)));
    const result = await runCommand({ db: deps.db, clock }, actors.get(step.who)!, parsed.value, 'console');
    if (!result.ok) throw new Error(`demo step failed: ${text} (${result.error.code})`);
  }
  return true;
}

async function createOrganisation(db: Kysely<Database>, workspaceExternalId: string) {
  return db.transaction().execute(async (trx) => {
    const ws = await upsertWorkspace(trx, { platform: 'console', externalId: workspaceExternalId, name: 'Local workspace' });
    const ids = new Map<string, number>();
    for (const p of DEMO_PEOPLE) {
      const existing = await findMemberByExternalId(trx, ws.id, externalIdOf(p.name));
      const member =
        existing ??
        (await insertMember(trx, { workspaceId: ws.id, externalId: externalIdOf(p.name), displayName: p.name, timeZone: p.timeZone, locale: p.locale, role: p.role }));
      ids.set(p.name, member.id);
    }
    const actors = new Map<string, Actor>();
    for (const p of DEMO_PEOPLE) {
      const id = ids.get(p.name)!;
      await updateMemberProfile(trx, ws.id, id, { role: p.role, managerId: p.manager ? ids.get(p.manager)! : null, timeZone: p.timeZone, locale: p.locale });
      actors.set(p.name, { workspaceId: ws.id, memberId: id, role: p.role, locale: p.locale, timeZone: p.timeZone });
    }
    for (const t of DEMO_TEAMS) {
      const team = await insertTeam(trx, { workspaceId: ws.id, name: t.name, handle: t.handle, managerId: ids.get(t.manager)! });
      for (const p of DEMO_PEOPLE.filter((x) => x.team === t.handle || x.name === t.manager)) {
        await addTeamMember(trx, ws.id, team.id, ids.get(p.name)!);
      }
    }
    return { actors, workspaceId: ws.id };
  });
}
