import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { authenticateApiToken, type ApiCaller } from '../use-cases/api-tokens';
import type { UseCaseDeps } from '../use-cases/deps';
import { sendError } from './api-errors';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** The caller `requireToken` found; only reachable behind it. */
export const callerOf = (res: Response): ApiCaller => res.locals.caller as ApiCaller;

/**
 * `Authorization: Bearer okr_…` → the token's workspace and creator, else 401. Missing, malformed,
 * unknown and revoked tokens get the same answer, so probing tells nothing.
 */
export function requireToken(deps: UseCaseDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    const caller = match?.[1] ? await authenticateApiToken(deps, match[1]) : undefined;
    if (!caller) {
      res.set('WWW-Authenticate', 'Bearer realm="okr-bot"');
      sendError(res, 401, { error: 'unauthorized', message: 'a valid API token is required: Authorization: Bearer <token> (admins create one with /okr token new <name>)' });
      return;
    }
    res.locals.caller = caller;
    next();
  };
}
