import type { Kysely } from 'kysely';
import { latestPerPeriod, type KpiAlertReason } from '../../domain/kpi-health';
import type { KpiBand } from '../../domain/kpi';
import type { Database } from '../../db/database';
import { findKpiByKey, kpiHistory, linkedKeyResultRefs } from '../../db/kpi.repository';
import { findKeyResults } from '../../db/key-result.repository';
import type { OutboxRow } from '../../db/outbox.repository';
import { toKeyResultView } from '../build-views';
import { toKpiView } from '../kpis';
import type { NoticeView } from '../notice-views';
import type { KpiReadingView } from '../views';

/** Periods shown in an alert's trend. */
export const TREND_PERIODS = 6;
/** Readings read to find the trend's periods: enough for a KPI fed a few times per period. */
const HISTORY_READINGS = 60;

export type KpiNotice =
  /** `channelRef`: the team channel to post in when the row has no recipient. */
  | { readonly state: 'ready'; readonly notice: NoticeView; readonly channelRef: string | null }
  | { readonly state: 'skip'; readonly reason: string };

type Payload = Record<string, unknown>;

async function kpiById(db: Kysely<Database>, ws: number, id: number) {
  const row = await db.selectFrom('kpi').select('key').where('workspace_id', '=', ws).where('id', '=', id).executeTakeFirst();
  return row && (await findKpiByKey(db, ws, row.key));
}

/** The latest reading of each period with readings, oldest first, from the newest readings. */
async function periodReadings(db: Kysely<Database>, ws: number, kpiId: number, frequency: Parameters<typeof latestPerPeriod>[1]): Promise<KpiReadingView[]> {
  // kpiHistory is newest first; per-period selection wants arrival order, oldest first.
  const history = (await kpiHistory(db, ws, kpiId, HISTORY_READINGS)).reverse();
  return latestPerPeriod(history.map((h) => ({ on: h.observed_on, value: h.value, source: h.source })), frequency).map(({ on, value, source }) => ({ on, value, source }));
}

/**
 * The KPI notices as they stand at delivery: the alert with the KPI's current numbers and trend
 * (the reasons are the ones it was raised for), and a linked key result's confirm request — skipped
 * when the key result was closed or unlinked since.
 */
export async function kpiNoticeView(db: Kysely<Database>, row: OutboxRow, now: Date): Promise<KpiNotice> {
  const ws = row.workspace_id;
  const p = row.payload as Payload;
  const kpi = await kpiById(db, ws, Number(p.kpiId));
  if (!kpi || !kpi.active) return { state: 'skip', reason: 'kpi_gone' };
  const periods = await periodReadings(db, ws, kpi.id, kpi.frequency);
  if (row.kind === 'kpi_alert') {
    const team = kpi.team_id === null ? undefined : await db.selectFrom('team').select('channel_ref').where('workspace_id', '=', ws).where('id', '=', kpi.team_id).executeTakeFirst();
    const notice: NoticeView = {
      type: 'kpi_alert',
      kpi: toKpiView(kpi, await linkedKeyResultRefs(db, ws, kpi.id)),
      bandBefore: p.bandBefore as KpiBand,
      band: p.band as KpiBand,
      reasons: (p.reasons ?? []) as KpiAlertReason[],
      trend: periods.slice(-TREND_PERIODS),
    };
    return { state: 'ready', notice, channelRef: team?.channel_ref ?? null };
  }
  const [kr] = await findKeyResults(db, ws, { ids: [Number(p.keyResultId)], openOnly: true });
  if (!kr) return { state: 'skip', reason: 'key_result_closed' };
  if (kr.kpi_id !== kpi.id) return { state: 'skip', reason: 'kpi_unlinked' };
  const notice: NoticeView = { type: 'kpi_linked_update', keyResult: toKeyResultView(kr, now), kpi: toKpiView(kpi), previous: periods.length > 1 ? periods[periods.length - 2]! : null };
  return { state: 'ready', notice, channelRef: null };
}
