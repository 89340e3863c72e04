import type { Kysely } from 'kysely';
import { evaluateKpiHealth, streakWindowStart, type KpiAlertReason, type KpiHealthSpec } from '../../domain/kpi-health';
import type { KpiBand } from '../../domain/kpi';
import type { Database } from '../../db/database';
import { readingsFrom, rememberKpiHealth, type KpiHealthRow } from '../../db/kpi-alert.repository';
import type { NewOutboxRow } from '../../db/outbox.repository';

/** What a `kpi_alert` outbox row carries: the verdict as it was when the alert was raised. */
export interface KpiAlertPayload {
  readonly kpiId: number;
  readonly bandBefore: KpiBand;
  readonly band: KpiBand;
  readonly reasons: readonly KpiAlertReason[];
}

export const healthSpec = (k: KpiHealthRow): KpiHealthSpec => ({
  kind: k.threshold_kind,
  greenMin: k.green_min,
  greenMax: k.green_max,
  yellowMin: k.yellow_min,
  yellowMax: k.yellow_max,
  direction: k.direction,
  target: k.target,
  frequency: k.frequency,
  alertAfter: k.alert_after,
});

/**
 * Evaluates each KPI's health after new readings, remembers what it saw and, when an alert is due,
 * returns the outbox row for the owning team: its channel, else its manager, else the KPI's owner.
 * The alert's number is its dedupe key, so running this twice for one change queues it once.
 */
export async function kpiAlertRows(db: Kysely<Database>, workspaceId: number, kpis: readonly KpiHealthRow[], now: Date): Promise<NewOutboxRow[]> {
  const rows: NewOutboxRow[] = [];
  for (const k of kpis) {
    if (k.latest_observed_on === null) continue;
    const spec = healthSpec(k);
    const readings = await readingsFrom(db, workspaceId, k.id, streakWindowStart(k.latest_observed_on, k.frequency, k.alert_after));
    const memory = k.memory_band === null ? null : { band: k.memory_band, streakAlerted: k.memory_streak_alerted === true };
    const verdict = evaluateKpiHealth(spec, readings.map((r) => ({ on: r.observed_on, value: r.value })), memory);
    if (!verdict) continue;
    const alerted = verdict.reasons.length > 0;
    const count = await rememberKpiHealth(db, workspaceId, k.id, verdict.memory, alerted, now);
    if (!alerted) continue;
    const recipient = k.team_channel_ref ? null : (k.team_manager_id ?? k.owner_id);
    if (!k.team_channel_ref && recipient === null) continue;
    const payload: KpiAlertPayload = { kpiId: k.id, bandBefore: verdict.bandBefore, band: verdict.band, reasons: verdict.reasons };
    rows.push({ workspaceId, kind: 'kpi_alert', dedupeKey: `kpi-alert:${k.id}:${count}`, payload, recipientMemberId: recipient });
  }
  return rows;
}
