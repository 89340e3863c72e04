import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database';
import type { Platform } from '../../src/db/org.tables';
import { insertCycle } from '../../src/db/cycle.repository';
import { insertKeyResult } from '../../src/db/key-result.repository';
import { insertMember, upsertWorkspace } from '../../src/db/member.repository';
import { insertObjective } from '../../src/db/objective.repository';
import { addTeamMember, insertTeam } from '../../src/db/team.repository';

export interface SeededMember {
  readonly id: number;
  readonly externalId: string;
  readonly timeZone: string;
  readonly slot: { readonly weekday: number; readonly time: string };
}

/**
 * A workspace whose teams check in at the given weekly slots, each member owning one open KR in
 * a cycle spanning `cycle` — the smallest world in which the scheduler has someone to prompt.
 */
export async function seedSchedulingWorld(
  db: Kysely<Database>,
  spec: {
    platform: Platform;
    externalId: string;
    cycle: { startsOn: string; endsOn: string };
    teams: readonly { handle: string; weekday: number; time: string; zones: readonly string[] }[];
  },
): Promise<{ workspaceId: number; members: SeededMember[] }> {
  const ws = await upsertWorkspace(db, { platform: spec.platform, externalId: spec.externalId, name: spec.externalId });
  const cycle = await insertCycle(db, { workspaceId: ws.id, name: 'H2', startsOn: spec.cycle.startsOn, endsOn: spec.cycle.endsOn });
  const members: SeededMember[] = [];
  for (const t of spec.teams) {
    const team = await insertTeam(db, { workspaceId: ws.id, name: t.handle, handle: t.handle });
    await db.updateTable('team').set({ checkin_weekday: t.weekday, checkin_time: t.time }).where('id', '=', team.id).execute();
    for (const [i, zone] of t.zones.entries()) {
      const externalId = `U${t.handle.toUpperCase()}${i}`;
      const m = await insertMember(db, { workspaceId: ws.id, externalId, displayName: `${t.handle} ${i}`, timeZone: zone, locale: 'en', role: 'member', managerId: null });
      await addTeamMember(db, ws.id, team.id, m.id);
      const o = await insertObjective(db, { workspace_id: ws.id, cycle_id: cycle.id, title: `Goal of ${externalId}`, level: 'personal', owner_id: m.id, team_id: null, parent_id: null, description: null });
      await insertKeyResult(db, {
        workspace_id: ws.id, objective_id: o.id, owner_id: m.id, title: 'Reach 10', kind: 'increase',
        start_value: 0, target_value: 10, current_value: null, unit: null, confidence: null, kpi_id: null, last_check_in_at: null,
      });
      members.push({ id: m.id, externalId, timeZone: zone, slot: { weekday: t.weekday, time: t.time } });
    }
  }
  return { workspaceId: ws.id, members };
}
