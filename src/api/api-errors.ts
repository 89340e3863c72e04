import type { Response } from 'express';
import type { z } from 'zod';
import type { UseCaseError } from '../use-cases/outcome';
import type { ApiError } from './schemas';

type ErrorBody = z.infer<typeof ApiError>;

export function sendError(res: Response, status: number, body: ErrorBody): void {
  res.status(status).json(body);
}

/**
 * The first problem zod found, as `{ field: 'readings.3.value', message }`. An unknown key is
 * named itself (`readings.0.observed_on`), which is what a caller has to fix.
 */
export function firstIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: prefix.join('.'), message: 'invalid' };
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return { field: path.map(String).join('.'), message: issue.message };
}

export function sendInvalid(res: Response, error: z.ZodError, prefix: readonly PropertyKey[] = []): void {
  sendError(res, 400, { error: 'invalid_body', ...firstIssue(error, prefix) });
}

/**
 * A use-case's refusal as HTTP. Missing things are 404 whether they do not exist or belong to
 * another workspace: every query is scoped to the token's workspace, so the two look the same.
 */
export function sendUseCaseError(res: Response, error: UseCaseError): void {
  switch (error.code) {
    case 'not_found':
    case 'wrong_kind':
      return sendError(res, 404, { error: 'not_found', message: `${error.code === 'not_found' ? error.what : error.ref} not found` });
    case 'unknown_cycle':
      return sendError(res, 404, { error: 'not_found', message: `cycle ${error.name} not found` });
    case 'forbidden':
    case 'admin_only':
      return sendError(res, 403, { error: 'forbidden', message: 'the token’s creator may not change this' });
    case 'closed':
      return sendError(res, 409, { error: 'closed', message: `${error.ref} is closed` });
    case 'value_needed':
    case 'milestone_value':
      return sendError(res, 422, { error: 'invalid_value', message: error.code === 'milestone_value' ? `${error.ref} is a milestone: value must be 0 or 1` : `${error.ref} needs a value` });
    default:
      return sendError(res, 422, { error: 'invalid_value', message: error.code });
  }
}
