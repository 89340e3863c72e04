import { Router, type Request, type Response } from 'express';
import type { UseCaseDeps } from '../../use-cases/deps';
import { ingestKpiReadings, type ReadingInput as Reading } from '../../use-cases/ingest-kpi-readings';
import { sendError, sendInvalid, sendUseCaseError } from '../api-errors';
import { callerOf } from '../authenticate';
import { presentKpi } from '../present';
import { ReadingBatch, ReadingInput } from '../schemas';
import { isJsonObject, kpiKeyParam, requestKeyHeader } from './request-parts';

/** The readings a body holds: a batch when it has `readings`, else one reading; errors name the exact field. */
function readingsOf(req: Request, res: Response): Reading[] | undefined {
  const body: unknown = req.body;
  if (!isJsonObject(body)) {
    sendError(res, 400, { error: 'invalid_body', field: '', message: 'expected a JSON object (Content-Type: application/json)' });
    return undefined;
  }
  if ('readings' in body) {
    const batch = ReadingBatch.safeParse(body);
    if (batch.success) return batch.data.readings;
    sendInvalid(res, batch.error);
    return undefined;
  }
  const one = ReadingInput.safeParse(body);
  if (one.success) return [one.data];
  sendInvalid(res, one.error);
  return undefined;
}

/**
 * `POST /kpis/{key}/readings`: one reading or a batch, written all or nothing. A replay (every
 * reading already stored under its idempotency key) answers the same body with
 * `Idempotent-Replayed: true`.
 */
export function kpiReadingsRoute(deps: UseCaseDeps): Router {
  const router = Router();
  router.post('/kpis/:key/readings', async (req, res) => {
    const key = kpiKeyParam(req, res);
    if (key === undefined) return;
    const requestKey = requestKeyHeader(req, res);
    if (requestKey === null) return;
    const readings = readingsOf(req, res);
    if (!readings) return;
    const result = await ingestKpiReadings(deps, callerOf(res).actor, key, readings, requestKey);
    if (!result.ok) return sendUseCaseError(res, result.error);
    const { kpi, accepted, written } = result.value;
    // The body stays the same for a replay (the KPI as it stands); only this header tells them apart.
    if (written === 0) res.set('Idempotent-Replayed', 'true');
    res.status(200).json({ kpi: presentKpi(kpi), accepted });
  });
  return router;
}
