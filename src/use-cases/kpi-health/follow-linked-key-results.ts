import type { Kysely } from 'kysely';
import { keyResultProgress } from '../../domain/progress';
import { writeAudit } from '../../db/audit.repository';
import type { Database } from '../../db/database';
import { latestReading, lockLinkedKeyResults, type KpiHealthRow } from '../../db/kpi-alert.repository';
import { updateKeyResult } from '../../db/key-result.repository';
import type { NewOutboxRow } from '../../db/outbox.repository';
import { propagateProgress } from '../propagate-progress';

/** What a `kpi_linked_update` outbox row carries. */
export interface KpiLinkedUpdatePayload {
  readonly keyResultId: number;
  readonly kpiId: number;
  readonly readingId: number;
}

/**
 * Moves every open key result linked to these KPIs to its KPI's latest value (audited, roll-up
 * refreshed) and returns one confirm notice per key result for its owner. Automation moves the
 * number, never the confidence: the owner confirms or adjusts it as a normal check-in. The notice
 * is keyed by the KPI's latest reading, so a batch asks once and a replayed batch not at all.
 * Milestones are left alone: a KPI's value is not done / not done.
 */
export async function followLinkedKeyResults(db: Kysely<Database>, workspaceId: number, kpis: readonly KpiHealthRow[]): Promise<NewOutboxRow[]> {
  const rows: NewOutboxRow[] = [];
  const touched = new Set<number>();
  for (const k of kpis) {
    const latest = await latestReading(db, workspaceId, k.id);
    if (!latest) continue;
    for (const kr of await lockLinkedKeyResults(db, workspaceId, k.id)) {
      if (kr.kind === 'milestone') continue;
      if (kr.current_value !== latest.value) {
        const progress = keyResultProgress({ kind: kr.kind, start: kr.start_value, target: kr.target_value, current: latest.value });
        await updateKeyResult(db, workspaceId, kr.id, { current_value: latest.value, progress });
        await writeAudit(db, {
          workspaceId,
          actorId: null,
          action: 'key_result.follow_kpi',
          entityType: 'key_result',
          entityId: kr.id,
          before: { current_value: kr.current_value, progress: kr.progress },
          after: { current_value: latest.value, progress, kpi_id: k.id, kpi_reading_id: latest.id },
        });
        touched.add(kr.objective_id);
      }
      const payload: KpiLinkedUpdatePayload = { keyResultId: kr.id, kpiId: k.id, readingId: latest.id };
      rows.push({ workspaceId, kind: 'kpi_linked_update', dedupeKey: `kpi-linked:${kr.id}:${latest.id}`, payload, recipientMemberId: kr.owner_id });
    }
  }
  for (const objectiveId of touched) await propagateProgress(db, workspaceId, objectiveId);
  return rows;
}
