import { z } from 'zod';
import { CONFIDENCES, KEY_RESULT_KINDS } from '../domain/key-result';
import { KPI_DIRECTIONS, KPI_FREQUENCIES } from '../domain/kpi';
import { OBJECTIVE_LEVELS, OBJECTIVE_STATUSES } from '../domain/objective';
import { MAX_READINGS_PER_BATCH } from '../use-cases/ingest-kpi-readings';

// Every request and response body of /api/v1, once: the routes validate with these and
// openapi.ts documents them, so the document cannot drift from what the server accepts.
// `.meta({ id })` names a schema in the document's components.

/** The database's bound on stored numbers (`CHECK (value BETWEEN -1e15 AND 1e15)`). */
const MAX_ABS = 1e15;
const value = z.number().min(-MAX_ABS).max(MAX_ABS);
const idempotencyKey = z.string().min(1).max(200).describe('A retried request with the same key writes nothing new and gets the same answer.');
const day = z.iso.date().describe('ISO day, YYYY-MM-DD');

export const ReadingInput = z
  .strictObject({ value, observedOn: day.optional().describe('Default: today where the token’s creator is.'), idempotencyKey: idempotencyKey.optional() })
  .meta({ id: 'ReadingInput' });
export const ReadingBatch = z
  .strictObject({ readings: z.array(ReadingInput).min(1).max(MAX_READINGS_PER_BATCH) })
  .meta({ id: 'ReadingBatch', description: `Up to ${MAX_READINGS_PER_BATCH} readings, written in one transaction: all or nothing.` });
/** For the document only: the route picks one of the two by the presence of `readings`, so errors name the exact field. */
export const ReadingsBody = z.union([ReadingInput, ReadingBatch]);

export const CheckInInput = z
  .strictObject({
    value,
    confidence: z.enum(CONFIDENCES).optional(),
    note: z.string().max(2000).optional(),
    idempotencyKey: idempotencyKey.optional(),
  })
  .meta({ id: 'CheckInInput' });

export const ApiError = z
  .object({
    error: z.enum(['unauthorized', 'invalid_body', 'invalid_json', 'body_too_large', 'not_found', 'forbidden', 'closed', 'invalid_value', 'internal']),
    message: z.string(),
    field: z.string().optional().describe('For invalid_body: the first bad field as a dotted path, e.g. readings.3.value'),
  })
  .meta({ id: 'Error' });

const latest = z.object({ value: z.number(), observedOn: day }).nullable();
export const Kpi = z
  .object({
    key: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    direction: z.enum(KPI_DIRECTIONS),
    frequency: z.enum(KPI_FREQUENCIES),
    target: z.number().nullable(),
    latest,
    band: z.enum(['green', 'yellow', 'red']).nullable(),
    team: z.string().nullable(),
    owner: z.string().nullable(),
  })
  .meta({ id: 'Kpi' });
export const KpiReading = z.object({ observedOn: day, value: z.number(), source: z.string() }).meta({ id: 'KpiReading' });
export const KpiDetail = Kpi.extend({ readings: z.array(KpiReading).describe('Newest first.'), linkedKeyResults: z.array(z.string()) }).meta({ id: 'KpiDetail' });
export const KpiList = z.object({ kpis: z.array(Kpi) }).meta({ id: 'KpiList' });
export const IngestResult = z
  .object({ kpi: Kpi, accepted: z.number().int().describe('Readings in the request, whether written now or by an earlier request with the same idempotency keys.') })
  .meta({ id: 'IngestResult', description: 'A replay gets this same body, with the header Idempotent-Replayed: true.' });

export const KeyResult = z
  .object({
    ref: z.string(),
    objectiveRef: z.string(),
    title: z.string(),
    kind: z.enum(KEY_RESULT_KINDS),
    start: z.number(),
    target: z.number(),
    current: z.number().nullable(),
    unit: z.string().nullable(),
    progress: z.number().describe('Unclamped fraction: 1.2 is 120 %.'),
    weight: z.number(),
    confidence: z.enum(CONFIDENCES).nullable(),
    owner: z.string(),
    status: z.enum(OBJECTIVE_STATUSES),
    lastCheckInAt: z.iso.datetime().nullable(),
    kpiKey: z.string().nullable(),
    lagging: z.boolean(),
  })
  .meta({ id: 'KeyResult' });
export const Objective = z
  .object({
    ref: z.string(),
    title: z.string(),
    level: z.enum(OBJECTIVE_LEVELS),
    status: z.enum(OBJECTIVE_STATUSES),
    owner: z.string(),
    team: z.string().nullable(),
    cycle: z.string(),
    parentRef: z.string().nullable(),
    weight: z.number(),
    progress: z.number(),
    keyResults: z.array(KeyResult),
  })
  .meta({ id: 'Objective' });
const cycle = z.object({ name: z.string(), startsOn: day, endsOn: day }).nullable().describe('Null when no cycle is running.');
export const ObjectiveList = z.object({ cycle, objectives: z.array(Objective) }).meta({ id: 'ObjectiveList' });
export const KeyResultList = z.object({ cycle, keyResults: z.array(KeyResult) }).meta({ id: 'KeyResultList' });
export const CheckInResult = z
  .object({ keyResult: KeyResult, previous: z.number().nullable(), objectiveRef: z.string(), objectiveProgress: z.number() })
  .meta({ id: 'CheckInResult' });

export const CycleQuery = z.strictObject({ cycle: z.string().min(1).max(100).optional() });
export const KpiQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).optional() });
