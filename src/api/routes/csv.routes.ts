import express, { Router, type RequestHandler, type Response } from 'express';
import { isCsvKind, type CsvKind } from '../../domain/csv/csv-issue';
import type { Actor } from '../../domain/member';
import { exportCsv } from '../../use-cases/csv/export-csv';
import { importCsv } from '../../use-cases/csv/import-csv';
import type { UseCaseDeps } from '../../use-cases/deps';

/**
 * What `authenticate` must leave on `res.locals.caller`: the acting member, whose workspace scopes
 * everything. The API router's token middleware already sets exactly this shape.
 */
export interface CsvCaller {
  readonly actor: Actor;
}

/** 10,000 rows of long titles and CJK text stay well under this. */
const BODY_LIMIT = '16mb';
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];

function kindOf(raw: string | string[] | undefined, res: Response): CsvKind | undefined {
  const kind = String(raw ?? '');
  if (isCsvKind(kind)) return kind;
  res.status(404).json({ error: 'not_found', message: `no CSV kind "${kind}"; expected org, okrs, kpis or kpi-readings` });
  return undefined;
}

function forbidden(res: Response): void {
  res.status(403).json({ error: 'forbidden', message: 'CSV import and export are for admins' });
}

/**
 * `POST /import/{kind}?dryRun=true|false` (a text/csv body; a dry run unless `dryRun=false`) answers
 * the JSON report — 200 when the file is clean, 422 when it lists errors (nothing was written);
 * `GET /export/{kind}` answers the file as text/csv. Mount under `/api/v1`.
 */
export function csvRoutes(deps: UseCaseDeps, authenticate: RequestHandler): Router {
  const router = Router();
  router.post('/import/:kind', authenticate, express.text({ type: CSV_TYPES, limit: BODY_LIMIT }), async (req, res) => {
    const kind = kindOf(req.params.kind, res);
    if (kind === undefined) return;
    if (typeof req.body !== 'string') {
      res.status(415).json({ error: 'unsupported_media_type', message: 'send the file as the body with Content-Type: text/csv' });
      return;
    }
    const dryRun = String(req.query.dryRun ?? 'true').toLowerCase() !== 'false';
    const { actor } = res.locals.caller as CsvCaller;
    const result = await importCsv(deps, actor, kind, req.body, { dryRun });
    if (!result.ok) return forbidden(res);
    res.status(result.value.errors.length > 0 ? 422 : 200).json(result.value);
  });
  router.get('/export/:kind', authenticate, async (req, res) => {
    const kind = kindOf(req.params.kind, res);
    if (kind === undefined) return;
    const { actor } = res.locals.caller as CsvCaller;
    const result = await exportCsv(deps, actor, kind);
    if (!result.ok) return forbidden(res);
    res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${kind}.csv"`).send(result.value);
  });
  return router;
}
