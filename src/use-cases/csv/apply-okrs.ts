import type { Transaction } from 'kysely';
import type { OkrChanges, OkrSnapshot } from '../../domain/csv/plan-okrs';
import { nextConfidenceFalls } from '../../domain/lag';
import type { Actor } from '../../domain/member';
import { keyResultProgress } from '../../domain/progress';
import { appendCheckIn } from '../../db/check-in.repository';
import { cycleIdsWithObjectives, insertCycles, insertKeyResultsWithRefs, insertObjectivesWithRefs, raiseRefCounter, setObjectiveParents, writeAudits, type AuditEntry } from '../../db/csv-write.repository';
import type { Database, KeyResultUpdate } from '../../db/database';
import { updateKeyResult } from '../../db/key-result.repository';
import { updateObjective } from '../../db/objective.repository';
import type { UseCaseDeps } from '../deps';
import { recomputeRollUp } from '../recompute-roll-up';

const closedAt = (status: string, before: string | undefined, now: Date) => (status === 'active' ? null : before === status ? undefined : now);

/**
 * Writes a planned okrs.csv import inside the caller's transaction: cycles, objectives (new ones
 * with the file's refs), alignment, key results, then check-ins for new values (source "import"),
 * and finally the roll-up of every cycle it touched.
 */
export async function applyOkrChanges(deps: UseCaseDeps, trx: Transaction<Database>, actor: Actor, s: OkrSnapshot, c: OkrChanges): Promise<void> {
  const ws = actor.workspaceId;
  const now = deps.clock.now();
  const audits: AuditEntry[] = [];
  const cycleIds = new Map(s.cycles.map((x) => [x.name.toLowerCase(), x.id]));
  for (const x of await insertCycles(trx, ws, c.newCycles)) cycleIds.set(x.name.toLowerCase(), x.id);

  const objectiveIds = new Map(s.objectives.map((o) => [o.ref, o.id]));
  const fresh = c.objectives.filter((o) => !o.stored);
  const inserted = await insertObjectivesWithRefs(
    trx,
    fresh.map(({ ref, values: v }) => ({
      workspace_id: ws, ref, cycle_id: cycleIds.get(v.cycle.toLowerCase())!, title: v.title, level: v.level, owner_id: v.ownerId, team_id: v.teamId,
      weight: v.weight, status: v.status, closed_at: v.status === 'active' ? null : now,
    })),
  );
  for (const o of inserted) {
    objectiveIds.set(o.ref, o.id);
    audits.push({ action: 'objective.create', entityType: 'objective', entityId: o.id, after: o });
  }
  for (const { stored, values: v } of c.objectives) {
    if (!stored) continue;
    const closed = closedAt(v.status, stored.status, now);
    const after = { cycle_id: cycleIds.get(v.cycle.toLowerCase())!, title: v.title, level: v.level, owner_id: v.ownerId, team_id: v.teamId, weight: v.weight, status: v.status };
    await updateObjective(trx, ws, stored.id, { ...after, ...(closed !== undefined ? { closed_at: closed } : {}) });
    audits.push({ action: 'objective.update', entityType: 'objective', entityId: stored.id, before: stored, after });
  }
  // Parents are cleared first and set after, in one statement: no intermediate state can loop.
  const aligned = c.objectives.map((o) => ({ id: objectiveIds.get(o.ref)!, parentId: o.values.parentRef === null ? null : objectiveIds.get(o.values.parentRef)!, before: o.stored?.parentId ?? null }));
  await setObjectiveParents(trx, ws, aligned.filter((a) => a.before !== null && a.before !== a.parentId).map((a) => ({ id: a.id, parentId: null })));
  await setObjectiveParents(trx, ws, aligned.filter((a) => a.parentId !== null));

  const krIds = new Map(s.keyResults.map((k) => [k.ref, k]));
  const newKrs = await insertKeyResultsWithRefs(
    trx,
    c.keyResults.filter((k) => !k.stored).map(({ ref, values: v }) => ({
      workspace_id: ws, ref, objective_id: objectiveIds.get(v.objectiveRef)!, owner_id: v.ownerId, title: v.title, kind: v.kind, start_value: v.start, target_value: v.target,
      unit: v.unit, weight: v.weight, status: v.status, pace_curve: v.pace, kpi_id: v.kpiId, closed_at: v.status === 'active' ? null : now,
      progress: keyResultProgress({ kind: v.kind, start: v.start, target: v.target, current: null }),
    })),
  );
  for (const k of newKrs) audits.push({ action: 'key_result.create', entityType: 'key_result', entityId: k.id, after: k });
  for (const { stored, values: v } of c.keyResults) {
    if (!stored) continue;
    const closed = closedAt(v.status, stored.status, now);
    const after: KeyResultUpdate = {
      objective_id: objectiveIds.get(v.objectiveRef)!, owner_id: v.ownerId, title: v.title, kind: v.kind, start_value: v.start, target_value: v.target, unit: v.unit,
      weight: v.weight, status: v.status, pace_curve: v.pace, kpi_id: v.kpiId, progress: keyResultProgress({ kind: v.kind, start: v.start, target: v.target, current: stored.current }),
    };
    await updateKeyResult(trx, ws, stored.id, { ...after, ...(closed !== undefined ? { closed_at: closed } : {}) });
    audits.push({ action: 'key_result.update', entityType: 'key_result', entityId: stored.id, before: stored, after });
  }
  await writeAudits(trx, ws, actor.memberId, audits);

  const byRef = new Map(newKrs.map((k) => [k.ref, { id: k.id, current: null as number | null, confidence: null as typeof k.confidence }]));
  for (const [ref, k] of krIds) byRef.set(ref, { id: k.id, current: k.current, confidence: k.confidence });
  const measures = new Map(c.keyResults.map((k) => [k.ref, k.values]));
  for (const ci of c.checkIns) {
    const kr = byRef.get(ci.ref)!;
    const m = measures.get(ci.ref) ?? krIds.get(ci.ref)!;
    const progress = keyResultProgress({ kind: m.kind, start: m.start, target: m.target, current: ci.value });
    const confidence = ci.confidence ?? kr.confidence;
    const move = { current_value: ci.value, confidence, progress };
    await appendCheckIn(
      trx,
      { workspaceId: ws, keyResultId: kr.id, authorId: actor.memberId, value: ci.value, previousValue: kr.current, progress, confidence: ci.confidence, note: null, source: 'import', at: now },
      { currentValue: ci.value, progress, confidence, confidenceFalls: nextConfidenceFalls(kr.confidence, ci.confidence, 0), before: { current_value: kr.current, confidence: kr.confidence }, after: move },
    );
  }

  const maxO = Math.max(0, ...c.objectives.map((o) => o.ref));
  const maxK = Math.max(0, ...c.keyResults.map((k) => k.ref));
  if (maxO > 0) await raiseRefCounter(trx, ws, 'O', maxO);
  if (maxK > 0) await raiseRefCounter(trx, ws, 'KR', maxK);
  // Every cycle is recomputed: next to the import itself a full roll-up is cheap, and always right.
  for (const cycleId of await cycleIdsWithObjectives(trx, ws)) await recomputeRollUp({ ...deps, db: trx }, ws, cycleId);
}
