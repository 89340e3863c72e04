import { dueThisWeek } from '../../domain/check-in-schedule';
import { insertOutbox } from '../../db/outbox.repository';
import { digestKey, insertDigests, listDigestTeams, plannedDigests, queueDigestReplies, type NewDigest } from '../../db/team-digest.repository';
import type { UseCaseDeps } from '../deps';
import type { TickContext } from './tick-context';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/**
 * One digest per team per week, the team's digest delay after its check-in time (in the
 * manager's zone, else the workspace's). It covers the week that starts at that check-in time:
 * the answers so far follow as replies in its thread, and later ones join as they come.
 * @returns how many digests were planned.
 */
export async function planTeamDigests(deps: UseCaseDeps, tick: TickContext): Promise<number> {
  const { now } = tick;
  const [teams, planned] = await Promise.all([listDigestTeams(deps.db), plannedDigests(deps.db, new Date(now.getTime() - 3 * WEEK_MS))]);
  const due: NewDigest[] = [];
  for (const team of teams) {
    const ws = tick.workspaces.get(team.workspace_id);
    if (!ws) continue;
    const zone = team.manager_time_zone ?? ws.workspace.default_time_zone;
    const slot = { weekday: team.checkin_weekday, time: team.checkin_time };
    // A long delay can carry last week's digest into this week, so both weeks are looked at.
    for (const at of [new Date(now.getTime() - WEEK_MS), now]) {
      const checkIn = dueThisWeek(slot, zone, at, ws.calendar);
      if (!checkIn) continue;
      const dueAt = new Date(checkIn.dueAt.getTime() + team.digest_after_hours * HOUR_MS);
      if (dueAt > now || now.getTime() - dueAt.getTime() >= WEEK_MS || planned.has(`${team.id}:${checkIn.period}`)) continue;
      due.push({ workspaceId: team.workspace_id, teamId: team.id, period: checkIn.period, coversFrom: checkIn.dueAt, dueAt });
    }
  }
  if (due.length === 0) return 0;
  const teamById = new Map(teams.map((t) => [t.id, t]));
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await insertDigests(trx, due, now);
    await insertOutbox(
      trx,
      inserted.map((d) => {
        const team = teamById.get(d.team_id)!;
        return {
          workspaceId: d.workspace_id,
          kind: 'team_digest',
          dedupeKey: digestKey(d.team_id, d.period),
          payload: { digestId: d.id },
          recipientMemberId: team.channel_ref ? null : team.manager_id,
        };
      }),
      now,
    );
    for (const [workspaceId, ids] of groupIds(inserted)) await queueDigestReplies(trx, workspaceId, now, { digestIds: ids });
    return inserted.length;
  });
}

function groupIds(rows: readonly { id: number; workspace_id: number }[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const r of rows) {
    const list = map.get(r.workspace_id);
    if (list) list.push(r.id);
    else map.set(r.workspace_id, [r.id]);
  }
  return map;
}
