import { sql } from 'kysely';
import { readCsv } from '../../domain/csv/csv-formats';
import { sortIssues, type CsvIssue, type CsvKind } from '../../domain/csv/csv-issue';
import type { Plan, RowAction, RowReport } from '../../domain/csv/csv-plan';
import { planKpiImport, planReadingImport } from '../../domain/csv/plan-kpis';
import { planOkrImport } from '../../domain/csv/plan-okrs';
import { planOrgImport } from '../../domain/csv/plan-org';
import type { Actor } from '../../domain/member';
import { fail, ok, type Result } from '../../domain/result';
import { loadKpiSnapshot, loadOkrSnapshot, loadOrgSnapshot, loadReadingSnapshot } from '../../db/csv-snapshot.repository';
import type { Database } from '../../db/database';
import type { Transaction } from 'kysely';
import { MAX_KEY_RESULTS } from '../add-key-result';
import type { UseCaseDeps } from '../deps';
import { currentActor } from '../org-access';
import { transact } from '../transact';
import { applyKpiChanges, applyReadingChanges } from './apply-kpis';
import { applyOkrChanges } from './apply-okrs';
import { applyOrgChanges } from './apply-org';

/** What an import did, or would do in a dry run: per row, and every error with its line. */
export interface CsvImportReport {
  readonly kind: CsvKind;
  readonly dryRun: boolean;
  /** True only when the changes were written (no dry run, no errors). */
  readonly applied: boolean;
  readonly summary: Readonly<Record<RowAction, number>> & { readonly errors: number };
  readonly rows: readonly RowReport[];
  readonly errors: readonly CsvIssue[];
}

export type CsvAccessError = { readonly code: 'admin_only' };

type Planned = { plan: Plan<unknown>; apply: () => Promise<void> };

/** Reads the workspace, plans the file against it, and says how to apply the plan — per kind. */
async function planFor(deps: UseCaseDeps, trx: Transaction<Database>, actor: Actor, kind: CsvKind, text: string): Promise<{ readIssues: CsvIssue[]; planned: Planned }> {
  const ws = actor.workspaceId;
  switch (kind) {
    case 'org': {
      const { records, issues } = readCsv('org', text);
      const plan = planOrgImport(await loadOrgSnapshot(trx, ws), records);
      return { readIssues: issues, planned: { plan, apply: () => applyOrgChanges(trx, actor, plan.changes) } };
    }
    case 'okrs': {
      const { records, issues } = readCsv('okrs', text);
      const snapshot = await loadOkrSnapshot(trx, ws);
      const plan = planOkrImport(snapshot, records, MAX_KEY_RESULTS);
      return { readIssues: issues, planned: { plan, apply: () => applyOkrChanges(deps, trx, actor, snapshot, plan.changes) } };
    }
    case 'kpis': {
      const { records, issues } = readCsv('kpis', text);
      const plan = planKpiImport(await loadKpiSnapshot(trx, ws), records);
      return { readIssues: issues, planned: { plan, apply: () => applyKpiChanges(trx, actor, plan.changes) } };
    }
    case 'kpi-readings': {
      const { records, issues } = readCsv('kpi-readings', text);
      const plan = planReadingImport(await loadReadingSnapshot(trx, ws), records);
      return { readIssues: issues, planned: { plan, apply: () => applyReadingChanges(trx, actor, plan.changes) } };
    }
  }
}

class DryRun extends Error {
  constructor(readonly report: CsvImportReport) {
    super('dry run');
  }
}

/**
 * Imports one CSV file (admins only). Every row is checked against the workspace as it is; with
 * any error, or with `dryRun`, nothing is written and the report says what would happen. Without
 * errors and without `dryRun`, every change is written in ONE transaction. Importing the same file
 * again changes nothing: rows match by ref, external id, handle or key.
 * @returns errors: admin_only (a bad file is not an error: its report lists every bad line)
 */
export async function importCsv(deps: UseCaseDeps, actor: Actor, kind: CsvKind, text: string, options: { dryRun: boolean }): Promise<Result<CsvImportReport, CsvAccessError>> {
  if ((await currentActor(deps.db, actor)).role !== 'admin') return fail({ code: 'admin_only' });
  try {
    return await transact<CsvImportReport, CsvAccessError>(deps.db, async (trx) => {
      // One import per workspace at a time: two would plan against the same rows and collide on refs.
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`csv-import:${actor.workspaceId}`}, 0))`.execute(trx);
      const { readIssues, planned } = await planFor(deps, trx, actor, kind, text);
      const errors = sortIssues([...readIssues, ...planned.plan.issues]);
      const report = reportOf(kind, options.dryRun, planned.plan.rows, errors);
      if (errors.length > 0 || options.dryRun) throw new DryRun(report);
      await planned.apply();
      return ok({ ...report, applied: true });
    });
  } catch (error) {
    // Thrown, not returned, so the transaction rolls back even though nothing was meant to be written.
    if (error instanceof DryRun) return ok(error.report);
    throw error;
  }
}

function reportOf(kind: CsvKind, dryRun: boolean, rows: readonly RowReport[], errors: readonly CsvIssue[]): CsvImportReport {
  const summary = { create: 0, update: 0, unchanged: 0, errors: errors.length };
  for (const r of rows) summary[r.action] += 1;
  return { kind, dryRun, applied: false, summary, rows, errors };
}
