import { sql, type Kysely } from 'kysely';
import type { Confidence, KeyResultKind, PaceCurve } from '../domain/key-result';
import type { Database } from './database';

type Db = Kysely<Database>;

export interface ScanRow {
  id: number;
  ref: number;
  owner_id: number;
  objective_id: number;
  kind: KeyResultKind;
  start_value: number;
  target_value: number;
  current_value: number | null;
  unit: string | null;
  pace_curve: PaceCurve;
  confidence: Confidence | null;
  confidence_falls: number;
  /** Epoch milliseconds: parsing a million timestamps into Dates would dominate the scan. */
  created_ms: number;
  last_check_in_ms: number | null;
  cycle_id: number;
  team_id: number | null;
}

/** One page of open key results in id order, for a keyset-paginated scan. */
export async function scanOpenKeyResults(db: Db, workspaceId: number, afterId: number, limit: number): Promise<ScanRow[]> {
  const result = await sql<ScanRow>`
    SELECT k.id, k.ref, k.owner_id, k.objective_id, k.kind, k.start_value, k.target_value, k.current_value, k.unit,
           k.pace_curve, k.confidence, k.confidence_falls,
           (extract(epoch FROM k.created_at) * 1000)::float8 AS created_ms,
           (extract(epoch FROM k.last_check_in_at) * 1000)::float8 AS last_check_in_ms,
           o.cycle_id, o.team_id
    FROM key_result k
    JOIN objective o ON o.workspace_id = k.workspace_id AND o.id = k.objective_id
    WHERE k.workspace_id = ${workspaceId} AND k.id > ${afterId} AND k.status = 'active' AND o.status = 'active'
    ORDER BY k.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Lag policy per team and bounds per cycle, loaded once per scan. */
export async function scanContext(db: Db, workspaceId: number) {
  const [teams, cycles] = await Promise.all([
    db.selectFrom('team').select(['id', 'lag_threshold', 'stale_days']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('cycle').select(['id', 'starts_on', 'ends_on']).where('workspace_id', '=', workspaceId).where('status', '<>', 'closed').execute(),
  ]);
  return { teams, cycles };
}
