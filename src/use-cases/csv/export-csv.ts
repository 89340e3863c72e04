import { writeCsv } from '../../domain/csv/csv-formats';
import type { CsvKind } from '../../domain/csv/csv-issue';
import { kpiRecordsOf, okrRecordsOf, orgRecordsOf, readingRecordsOf } from '../../domain/csv/export-records';
import type { Actor } from '../../domain/member';
import { fail, ok, type Result } from '../../domain/result';
import { loadKpiSnapshot, loadOkrSnapshot, loadOrgSnapshot, loadReadingSnapshot } from '../../db/csv-snapshot.repository';
import type { UseCaseDeps } from '../deps';
import { currentActor } from '../org-access';
import type { CsvAccessError } from './import-csv';

/**
 * One kind of CSV file for the actor's workspace, in the format importCsv reads (admins only: the
 * org chart and every goal leave the bot). Read at REPEATABLE READ, so the file is one moment's state.
 * @returns errors: admin_only
 */
export async function exportCsv(deps: UseCaseDeps, actor: Actor, kind: CsvKind): Promise<Result<string, CsvAccessError>> {
  if ((await currentActor(deps.db, actor)).role !== 'admin') return fail({ code: 'admin_only' });
  const ws = actor.workspaceId;
  const text = await deps.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    switch (kind) {
      case 'org':
        return writeCsv('org', orgRecordsOf(await loadOrgSnapshot(trx, ws)));
      case 'okrs':
        return writeCsv('okrs', okrRecordsOf(await loadOkrSnapshot(trx, ws)));
      case 'kpis':
        return writeCsv('kpis', kpiRecordsOf(await loadKpiSnapshot(trx, ws)));
      case 'kpi-readings':
        return writeCsv('kpi-readings', readingRecordsOf(await loadReadingSnapshot(trx, ws)));
    }
  });
  return ok(text);
}
