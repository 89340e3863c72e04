import type { Request, Response } from 'express';
import { sendError } from '../api-errors';

// Small readers of path parameters and headers shared by the routes. Each answers the request
// itself when the part is unusable, and returns undefined (or null) so the route just stops.

const KPI_KEY = /^[a-z][a-z0-9_-]{0,39}$/i;
const KR_REF = /^(?:kr-?)?(\d{1,9})$/i;
const MAX_KEY = 200;

export const isJsonObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function notFound(res: Response, what: string): undefined {
  sendError(res, 404, { error: 'not_found', message: `${what} not found` });
  return undefined;
}

/** A KPI key; anything that can't be one is simply not found. */
export function kpiKeyParam(req: Request, res: Response): string | undefined {
  const key = String(req.params.key ?? '');
  return KPI_KEY.test(key) ? key.toLowerCase() : notFound(res, 'KPI');
}

/** `KR-12`, `kr12` or `12` → 12. */
export function keyResultRefParam(req: Request, res: Response): number | undefined {
  const m = KR_REF.exec(String(req.params.ref ?? ''));
  return m ? Number(m[1]) : notFound(res, 'key result');
}

/** The `Idempotency-Key` header: undefined when absent, null (answered 400) when unusable. */
export function requestKeyHeader(req: Request, res: Response): string | undefined | null {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (key.trim() === '' || key.length > MAX_KEY) {
    sendError(res, 400, { error: 'invalid_body', field: 'Idempotency-Key', message: `expected 1 to ${MAX_KEY} characters` });
    return null;
  }
  return key;
}
