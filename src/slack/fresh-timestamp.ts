import type { RequestHandler } from 'express';

/** Slack's replay window: five minutes either side of now (platform-facts A1). */
export const MAX_SKEW_SECONDS = 300;

/**
 * Refuses requests whose X-Slack-Request-Timestamp is missing or more than five minutes off in
 * either direction. Bolt's own check only looks backwards, so a request stamped in the future
 * would stay replayable until its stamp came due; this closes that gap before Bolt verifies
 * the signature.
 */
export function requireFreshTimestamp(now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const header = req.header('x-slack-request-timestamp');
    const ts = header && /^\d{1,12}$/.test(header) ? Number(header) : NaN;
    if (!Number.isFinite(ts) || Math.abs(now() / 1000 - ts) > MAX_SKEW_SECONDS) {
      res.status(401).send('');
      return;
    }
    next();
  };
}
