import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ApiError, CheckInInput, CheckInResult, CycleQuery, IngestResult, KeyResultList, KpiDetail, KpiList, KpiQuery, ObjectiveList, ReadingsBody } from './schemas';

// The OpenAPI 3.1 document of /api/v1, generated from the schemas the routes validate with.

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(ApiError, 'Invalid body, query or header; `field` names the first bad one.'),
  401: json(ApiError, 'Missing, unknown or revoked token.'),
  404: json(ApiError, 'Not found in the token’s workspace.'),
};
const idempotencyHeader = z.object({ 'Idempotency-Key': z.string().min(1).max(200).optional() });
const kpiKey = z.object({ key: z.string().describe('The KPI key, e.g. nps') });
const csvKind = z.object({ kind: z.enum(['org', 'okrs', 'kpis', 'kpi-readings']) });

const ROUTES: readonly RouteConfig[] = [
  {
    method: 'post',
    path: '/kpis/{key}/readings',
    summary: 'Record one KPI reading or a batch of up to 1,000 (one transaction)',
    request: { params: kpiKey, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: ReadingsBody } } } },
    responses: { 200: json(IngestResult, 'Written (or replayed: header Idempotent-Replayed: true)'), ...errors, 413: json(ApiError, 'Body over 2 MB.') },
  },
  { method: 'get', path: '/objectives', summary: 'Objectives of a cycle (default: the current one) with their key results', request: { query: CycleQuery }, responses: { 200: json(ObjectiveList, 'Objectives'), ...errors } },
  { method: 'get', path: '/key-results', summary: 'Key results of a cycle (default: the current one)', request: { query: CycleQuery }, responses: { 200: json(KeyResultList, 'Key results'), ...errors } },
  { method: 'get', path: '/kpis', summary: 'Every active KPI with its latest reading and band', responses: { 200: json(KpiList, 'KPIs'), ...errors } },
  { method: 'get', path: '/kpis/{key}', summary: 'One KPI with its recent readings, newest first', request: { params: kpiKey, query: KpiQuery }, responses: { 200: json(KpiDetail, 'The KPI'), ...errors } },
  {
    method: 'post',
    path: '/key-results/{ref}/check-ins',
    summary: 'Check in a key result as the token’s creator (source: api)',
    request: {
      params: z.object({ ref: z.string().describe('KR-12, kr12 or 12') }),
      headers: idempotencyHeader,
      body: { required: true, content: { 'application/json': { schema: CheckInInput } } },
    },
    responses: { 200: json(CheckInResult, 'Recorded (or replayed)'), ...errors, 403: json(ApiError, 'The token’s creator may not change it.'), 409: json(ApiError, 'Closed.'), 422: json(ApiError, 'Value does not fit the key result.') },
  },
  {
    method: 'post',
    path: '/import/{kind}',
    summary: 'Import a CSV file (admins): a dry run by default, reporting every row and every error with its line; dryRun=false applies it in one transaction',
    request: {
      params: csvKind,
      query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
      body: { required: true, content: { 'text/csv': { schema: z.string() } } },
    },
    responses: { 200: { description: 'The import report (JSON)' }, 422: { description: 'The file has errors; the report lists them; nothing was changed' }, 403: json(ApiError, 'Admins only.'), 415: json(ApiError, 'Not a text/csv body.'), ...errors },
  },
  { method: 'get', path: '/export/{kind}', summary: 'Export the same CSV format (admins)', request: { params: csvKind }, responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } }, 403: json(ApiError, 'Admins only.'), ...errors } },
];

/** Builds the document; paths are relative to the `servers` entry `/api/v1`. */
export function buildOpenApiDocument(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'okr_… token from /okr token new <name>' });
  for (const route of ROUTES) registry.registerPath({ ...route, security: [{ [bearer.name]: [] }] });
  registry.registerPath({ method: 'get', path: '/openapi.json', summary: 'This document (no token needed)', responses: { 200: { description: 'OpenAPI 3.1' } } });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'OKR bot API', version: '1.0.0', description: 'KPI ingest and OKR/KPI reads for one workspace, chosen by the bearer token.' },
    servers: [{ url: '/api/v1' }],
  });
}
