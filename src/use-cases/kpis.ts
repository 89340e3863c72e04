import type { KpiCommand, Reference } from '../domain/command/command';
import { localDay } from '../domain/calendar';
import { kpiBand } from '../domain/kpi-band';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { formatKeyResultRef } from '../domain/references';
import { writeAudit } from '../db/audit.repository';
import type { KpiRow } from '../db/database';
import { findKpiByKey, insertKpi, insertReading, kpiHistory, linkedKeyResultRefs, listKpis, suggestKpiKeys, type KpiDetailRow } from '../db/kpi.repository';
import { updateKeyResult } from '../db/key-result.repository';
import { isTeamMember } from '../db/team.repository';
import type { UseCaseDeps } from './deps';
import { mayChange } from './goal-access';
import type { Outcome, UseCaseError } from './outcome';
import { resolveKeyResult } from './resolve-goal';
import { resolveTeam } from './resolve-member';
import { transact } from './transact';
import { afterKpiReadings } from './kpi-health/after-kpi-readings';
import type { KpiReadingView, KpiView } from './views';
import { closest } from 'fastest-levenshtein';

const HISTORY = 12;

function bandOf(k: KpiRow) {
  if (k.latest_value === null) return null;
  return kpiBand(k.latest_value, { kind: k.threshold_kind, greenMin: k.green_min, greenMax: k.green_max, yellowMin: k.yellow_min, yellowMax: k.yellow_max });
}

/** A KPI row as the read model every adapter renders. */
export function toKpiView(k: KpiDetailRow, linked: readonly number[] = []): KpiView {
  return {
    key: k.key,
    name: k.name,
    unit: k.unit,
    direction: k.direction,
    frequency: k.frequency,
    target: k.target,
    latest: k.latest_value === null || k.latest_observed_on === null ? null : { on: k.latest_observed_on, value: k.latest_value, source: '' },
    band: bandOf(k),
    teamName: k.team_name,
    ownerName: k.owner_name,
    linkedKeyResults: linked.map(formatKeyResultRef),
  };
}

async function findKpi(deps: UseCaseDeps, ws: number, key: string): Promise<Result<KpiDetailRow, UseCaseError>> {
  const kpi = await findKpiByKey(deps.db, ws, key);
  if (kpi) return ok(kpi);
  const keys = (await suggestKpiKeys(deps.db, ws)).map((k) => k.key);
  return fail({ code: 'not_found', what: key, suggestions: keys.length > 0 ? [closest(key.toLowerCase(), keys)] : [] });
}

/** Every active KPI with its latest reading and band. */
export async function listKpiViews(deps: UseCaseDeps, actor: Actor): Promise<Result<Outcome, UseCaseError>> {
  return ok({ type: 'kpi_list', kpis: (await listKpis(deps.db, actor.workspaceId)).map((k) => toKpiView(k)) });
}

/** One KPI with its recent readings, newest first, and the key results linked to it. */
export async function showKpi(deps: UseCaseDeps, actor: Actor, key: string): Promise<Result<Outcome, UseCaseError>> {
  const found = await findKpi(deps, actor.workspaceId, key);
  if (!found.ok) return found;
  const k = found.value;
  const [history, linked] = await Promise.all([kpiHistory(deps.db, actor.workspaceId, k.id, HISTORY), linkedKeyResultRefs(deps.db, actor.workspaceId, k.id)]);
  const readings: KpiReadingView[] = history.map((h) => ({ on: h.observed_on, value: h.value, source: h.source }));
  return ok({ type: 'kpi_detail', kpi: toKpiView(k, linked), history: readings });
}

/**
 * Defines a KPI. Admins and managers define KPIs; thresholds follow the direction: for "up" KPIs
 * green is at least `green` and yellow at least `yellow`, for "down" KPIs at most.
 * @returns errors: admin_only, kpi_exists, invalid_kpi, unknown_team
 */
export async function createKpi(deps: UseCaseDeps, actor: Actor, cmd: Extract<KpiCommand, { verb: 'kpi_new' }>): Promise<Result<Outcome, UseCaseError>> {
  if (!cmd.key) return ok({ type: 'form', form: 'new_kpi', openKeyResults: [] });
  if (actor.role === 'member') return fail({ code: 'admin_only' });
  const key = cmd.key.toLowerCase();
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(key)) return fail({ code: 'invalid_kpi', reason: 'key' });
  const direction = cmd.direction ?? 'up';
  const up = direction === 'up';
  if (cmd.green !== undefined && cmd.yellow !== undefined && (up ? cmd.yellow > cmd.green : cmd.yellow < cmd.green)) {
    return fail({ code: 'invalid_kpi', reason: 'thresholds' });
  }
  const ws = actor.workspaceId;
  return transact(deps.db, async (trx) => {
    let teamId: number | null = null;
    if (cmd.team) {
      const team = await resolveTeam(trx, ws, cmd.team);
      if (!team.ok) return team;
      teamId = team.value.id;
    }
    const green = cmd.green ?? cmd.target?.value ?? null;
    const yellow = cmd.yellow ?? null;
    const row = await insertKpi(trx, {
      workspaceId: ws,
      key,
      name: cmd.name ?? key,
      unit: cmd.target?.unit ?? null,
      ownerId: actor.memberId,
      teamId,
      direction,
      target: cmd.target?.value ?? null,
      thresholdKind: up ? 'at_least' : 'at_most',
      greenMin: up ? green : null,
      greenMax: up ? null : green,
      yellowMin: up ? yellow : null,
      yellowMax: up ? null : yellow,
      frequency: cmd.frequency ?? 'weekly',
      ...(cmd.alertAfter === undefined ? {} : { alertAfter: cmd.alertAfter }),
    });
    if (!row) return fail({ code: 'kpi_exists', key } as const);
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'kpi.create', entityType: 'kpi', entityId: row.id, after: row });
    return ok({ type: 'kpi_created', kpi: toKpiView({ ...row, team_name: null, owner_name: null }) } as const);
  });
}

/**
 * Logs a KPI reading for a day (default today). The KPI's owner, its team's members and
 * managers, and admins may log.
 * @returns errors: not_found, forbidden
 */
export async function logKpiReading(deps: UseCaseDeps, actor: Actor, key: string, value: number, date?: string): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  const found = await findKpi(deps, ws, key);
  if (!found.ok) return found;
  const k = found.value;
  const allowed = actor.role !== 'member' || k.owner_id === actor.memberId || (k.team_id !== null && (await isTeamMember(deps.db, ws, k.team_id, actor.memberId)));
  if (!allowed) return fail({ code: 'forbidden', ref: k.key });
  const observedOn = date ?? localDay(deps.clock.now(), actor.timeZone);
  return transact(deps.db, async (trx) => {
    const previous = (await kpiHistory(trx, ws, k.id, 1))[0];
    const reading = await insertReading(trx, { workspaceId: ws, kpiId: k.id, value, observedOn, source: 'chat', authorId: actor.memberId });
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'kpi.log', entityType: 'kpi', entityId: k.id, after: reading });
    await afterKpiReadings(trx, ws, [k.id], deps.clock.now());
    const updated = (await findKpiByKey(trx, ws, k.key))!;
    return ok({
      type: 'kpi_logged',
      kpi: toKpiView(updated),
      previous: previous ? { on: previous.observed_on, value: previous.value, source: previous.source } : null,
    } as const);
  });
}

/**
 * Links a key result to a KPI, so the KPI's readings can feed its check-ins.
 * @returns errors: not_found, wrong_kind, forbidden
 */
export async function linkKpi(deps: UseCaseDeps, actor: Actor, keyResult: Reference, key: string): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  const found = await findKpi(deps, ws, key);
  if (!found.ok) return found;
  return transact(deps.db, async (trx) => {
    const kr = await resolveKeyResult(trx, ws, keyResult);
    if (!kr.ok) return kr;
    const ref = formatKeyResultRef(kr.value.ref);
    if (!mayChange(actor, { type: 'key_result', row: kr.value })) return fail({ code: 'forbidden', ref } as const);
    await updateKeyResult(trx, ws, kr.value.id, { kpi_id: found.value.id });
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'key_result.link_kpi', entityType: 'key_result', entityId: kr.value.id, before: { kpi_id: kr.value.kpi_id }, after: { kpi_id: found.value.id } });
    return ok({ type: 'kpi_linked', keyResultRef: ref, kpiKey: found.value.key } as const);
  });
}
