import express, { Router, type ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';
import type { UseCaseDeps } from '../use-cases/deps';
import { sendError } from './api-errors';
import { requireToken } from './authenticate';
import { buildOpenApiDocument } from './openapi';
import { checkInsRoute } from './routes/check-ins.route';
import { csvRoutes } from './routes/csv.routes';
import { kpiReadingsRoute } from './routes/kpi-readings.route';
import { readRoutes } from './routes/reads.route';

/** 1,000 readings with 200-character idempotency keys are about 300 KB; twice that is plenty. */
const BODY_LIMIT = '2mb';

/**
 * `/api/v1`: JSON in and out, bearer-token authenticated except the OpenAPI document. Every
 * failure is a JSON body — unknown routes, bad JSON, oversized bodies and bugs included.
 */
export function createApiRouter(deps: UseCaseDeps, logger: Logger): Router {
  const router = Router();
  const document = buildOpenApiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  // The token first: an anonymous caller learns nothing, not even whether its JSON parsed.
  router.use(requireToken(deps));
  // CSV files are text bodies, parsed by their own route; the token was checked just above.
  router.use(csvRoutes(deps, (_req, _res, next) => next()));
  router.use(express.json({ limit: BODY_LIMIT }));
  router.use(kpiReadingsRoute(deps));
  router.use(readRoutes(deps));
  router.use(checkInsRoute(deps));
  router.use((req, res) => sendError(res, 404, { error: 'not_found', message: `no route ${req.method} ${req.baseUrl}${req.path}` }));
  const onError: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, _next) => {
    if (error.type === 'entity.parse.failed') return sendError(res, 400, { error: 'invalid_json', message: 'the body is not valid JSON' });
    if (error.type === 'entity.too.large') return sendError(res, 413, { error: 'body_too_large', message: `the body is over ${BODY_LIMIT}` });
    logger.error({ err: error }, 'api request failed');
    sendError(res, 500, { error: 'internal', message: 'something went wrong; nothing was changed' });
  };
  router.use(onError);
  return router;
}
