import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { progressAsOf, teamCheckInRoll } from '../../db/digest-facts.repository';
import { findKeyResults } from '../../db/key-result.repository';
import type { TeamDigestRow } from '../../db/team-digest.repository';
import { toKeyResultView } from '../build-views';
import type { NoticeView } from '../notice-views';
import type { KeyResultView } from '../views';

const CONFIDENCE_WORRY = { on_track: 0, at_risk: 1, off_track: 2 } as const;

/** How worrying a KR is: its lag severity, or its stated confidence when that is worse. */
const worry = (k: KeyResultView) => Math.max(k.lag?.severity ?? 0, k.confidence ? CONFIDENCE_WORRY[k.confidence] : 0);

/**
 * The week of one team as its manager reads it: who checked in and who did not, the KRs at risk
 * (worst first), and what moved since the week began (biggest first).
 */
export async function teamDigestView(db: Kysely<Database>, digest: TeamDigestRow, teamName: string, now: Date): Promise<NoticeView> {
  const ws = digest.workspace_id;
  const roll = await teamCheckInRoll(db, ws, digest.team_id, digest.covers_from);
  const krs = (await Promise.all(roll.map((m) => findKeyResults(db, ws, { ownerId: m.id, openOnly: true })))).flat();
  const views = krs.map((k) => toKeyResultView(k, now));
  const before = await progressAsOf(db, ws, views.map((k) => k.id), digest.covers_from);
  const changes = views
    .filter((k) => k.lastCheckInAt !== null && k.lastCheckInAt >= digest.covers_from)
    .map((k) => ({ keyResult: k, previousProgress: before.get(k.id) ?? null }))
    .sort((a, b) => Math.abs(b.keyResult.progress - (b.previousProgress ?? 0)) - Math.abs(a.keyResult.progress - (a.previousProgress ?? 0)));
  const owners = new Set(krs.map((k) => k.owner_id));
  return {
    type: 'team_digest',
    teamName,
    period: digest.period,
    checkedIn: roll.filter((m) => m.checked_in).map((m) => m.display_name),
    missing: roll.filter((m) => !m.checked_in && owners.has(m.id)).map((m) => m.display_name),
    atRisk: views.filter((k) => worry(k) > 0).sort((a, b) => worry(b) - worry(a) || a.progress - b.progress),
    changes,
  };
}
