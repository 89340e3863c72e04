import { Router } from 'express';
import type { UseCaseDeps } from '../../use-cases/deps';
import { recordCheckIn } from '../../use-cases/record-check-in';
import { sendError, sendInvalid, sendUseCaseError } from '../api-errors';
import { callerOf } from '../authenticate';
import { presentKeyResult } from '../present';
import { CheckInInput } from '../schemas';
import { isJsonObject, keyResultRefParam, requestKeyHeader } from './request-parts';

/**
 * `POST /key-results/{ref}/check-ins`: the chat's check-in with source `api`, acting as the
 * token's creator (so the usual rule applies: an admin's token may check in any key result).
 * The body's idempotencyKey wins over the `Idempotency-Key` header.
 */
export function checkInsRoute(deps: UseCaseDeps): Router {
  const router = Router();
  router.post('/key-results/:ref/check-ins', async (req, res) => {
    const ref = keyResultRefParam(req, res);
    if (ref === undefined) return;
    const headerKey = requestKeyHeader(req, res);
    if (headerKey === null) return;
    if (!isJsonObject(req.body)) return sendError(res, 400, { error: 'invalid_body', field: '', message: 'expected a JSON object (Content-Type: application/json)' });
    const parsed = CheckInInput.safeParse(req.body);
    if (!parsed.success) return sendInvalid(res, parsed.error);
    const body = parsed.data;
    const key = body.idempotencyKey ?? headerKey;
    const result = await recordCheckIn(deps, callerOf(res).actor, {
      keyResult: { type: 'key_result', number: ref },
      value: { mode: 'absolute', quantity: { value: body.value } },
      source: 'api',
      ...(key === undefined ? {} : { idempotencyKey: `api:${key}` }),
      ...(body.confidence ? { confidence: body.confidence } : {}),
      ...(body.note ? { note: body.note } : {}),
    });
    if (!result.ok) return sendUseCaseError(res, result.error);
    if (result.value.type !== 'checked_in') throw new Error(`unexpected outcome ${result.value.type}`);
    const o = result.value;
    res.json({ keyResult: presentKeyResult(o.keyResult), previous: o.previous, objectiveRef: o.objectiveRef, objectiveProgress: o.objectiveProgress });
  });
  return router;
}
