import { Router, type Response } from 'express';
import type { z } from 'zod';
import { readCycleObjectives, readKpi, readKpis } from '../../use-cases/api-reads';
import type { UseCaseDeps } from '../../use-cases/deps';
import { sendInvalid, sendUseCaseError } from '../api-errors';
import { callerOf } from '../authenticate';
import { presentCycle, presentKeyResult, presentKpi, presentLinkedRefs, presentObjective } from '../present';
import { CycleQuery, KpiQuery } from '../schemas';
import { kpiKeyParam } from './request-parts';

const DEFAULT_READINGS = 30;

/** The query string, or a 400 naming the bad parameter (`query.limit`). */
function query<T extends z.ZodType>(schema: T, raw: unknown, res: Response): z.infer<T> | undefined {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  sendInvalid(res, parsed.error, ['query']);
  return undefined;
}

/** `GET /objectives`, `/key-results`, `/kpis`, `/kpis/{key}`: the workspace as the chat commands see it. */
export function readRoutes(deps: UseCaseDeps): Router {
  const router = Router();
  router.get('/objectives', async (req, res) => {
    const q = query(CycleQuery, req.query, res);
    if (!q) return;
    const result = await readCycleObjectives(deps, callerOf(res).actor, q.cycle);
    if (!result.ok) return sendUseCaseError(res, result.error);
    res.json({ cycle: presentCycle(result.value.cycle), objectives: result.value.objectives.map(presentObjective) });
  });
  router.get('/key-results', async (req, res) => {
    const q = query(CycleQuery, req.query, res);
    if (!q) return;
    const result = await readCycleObjectives(deps, callerOf(res).actor, q.cycle);
    if (!result.ok) return sendUseCaseError(res, result.error);
    res.json({ cycle: presentCycle(result.value.cycle), keyResults: result.value.objectives.flatMap((o) => o.keyResults.map(presentKeyResult)) });
  });
  router.get('/kpis', async (_req, res) => {
    res.json({ kpis: (await readKpis(deps, callerOf(res).actor)).map(presentKpi) });
  });
  router.get('/kpis/:key', async (req, res) => {
    const key = kpiKeyParam(req, res);
    if (key === undefined) return;
    const q = query(KpiQuery, req.query, res);
    if (!q) return;
    const result = await readKpi(deps, callerOf(res).actor, key, q.limit ?? DEFAULT_READINGS);
    if (!result.ok) return sendUseCaseError(res, result.error);
    const { kpi, readings, linkedKeyResultRefs } = result.value;
    res.json({
      ...presentKpi(kpi),
      readings: readings.map((r) => ({ observedOn: r.observed_on, value: r.value, source: r.source })),
      linkedKeyResults: presentLinkedRefs(linkedKeyResultRefs),
    });
  });
  return router;
}
