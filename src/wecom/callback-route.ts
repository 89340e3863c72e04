import express, { type Request, type Response } from 'express';
import type { Logger } from '../logger';
import { assertEncodingAesKey, openEnvelope, type CallbackRejection, type CallbackSecrets, type SignedQuery } from './callback-crypto';
import { parseEnvelope, parseInboundMessage, type XmlRejection } from './callback-xml';
import { inboundDedupKey, type InboundMessage } from './inbound-message';
import type { ReplayGuard } from './replay-guard';

// The WeCom callback URL (platform-facts B1, B3): GET answers the URL verification, POST takes
// encrypted messages and events. A POST is answered within milliseconds with an empty 200 once
// the message is handed to `accept` (a queue); anything that should make WeCom try again answers
// non-200, and anything forged or replayed answers 403 without reaching `accept`.

export const WECOM_CALLBACK_PATH = '/wecom/callback';
const BODY_LIMIT = '64kb';
const DEDUP_TTL_SECONDS = 3_600;
const MAX_NONCE_LENGTH = 128;

export interface WecomCallbackOptions {
  readonly secrets: CallbackSecrets;
  readonly guard: ReplayGuard;
  /** Hands the message on (enqueues it); throwing makes WeCom retry. */
  accept(msg: InboundMessage, dedupKey: string): Promise<void>;
  readonly logger: Logger;
  /** Milliseconds since the epoch; default Date.now. */
  readonly now?: () => number;
  /** How far `timestamp` may be from now, either way; default 300. */
  readonly maxSkewSeconds?: number;
}

type Rejection = CallbackRejection | XmlRejection | 'missing-parameters' | 'unreadable-body' | 'timestamp-out-of-window' | 'replayed-nonce';

const STATUS: Record<Rejection, number> = {
  'missing-parameters': 400,
  'unreadable-body': 400,
  doctype: 400,
  'malformed-xml': 400,
  'missing-field': 400,
  'timestamp-out-of-window': 403,
  'bad-signature': 403,
  undecryptable: 403,
  'foreign-receive-id': 403,
  'malformed-plaintext': 403,
  'replayed-nonce': 403,
};

export function wecomCallbackRouter(options: WecomCallbackOptions): express.Router {
  assertEncodingAesKey(options.secrets.encodingAesKey);
  const { secrets, guard, logger } = options;
  const now = options.now ?? Date.now;
  const skew = options.maxSkewSeconds ?? 300;
  const router = express.Router();
  const readBody = express.text({ type: () => true, limit: BODY_LIMIT });

  const reject = (req: Request, res: Response, reason: Rejection, status = STATUS[reason]) => {
    logger.warn({ reason, method: req.method, status }, 'wecom callback rejected');
    res.status(status).end();
  };
  const fresh = (timestamp: string) => /^\d{1,12}$/.test(timestamp) && Math.abs(now() / 1000 - Number(timestamp)) <= skew;

  router.get(WECOM_CALLBACK_PATH, (req, res) => {
    const query = signedQuery(req.originalUrl, ['echostr']);
    if (!query) return reject(req, res, 'missing-parameters');
    if (!fresh(query.timestamp)) return reject(req, res, 'timestamp-out-of-window');
    const opened = openEnvelope(secrets, query, query.echostr);
    if (!opened.ok) return reject(req, res, opened.error);
    // Exactly the plaintext: no quotes, no BOM, no newline (platform-facts B1).
    res.status(200).type('text/plain').send(opened.value);
  });

  router.post(
    WECOM_CALLBACK_PATH,
    (req, res, next) => readBody(req, res, (error?: unknown) => (error ? reject(req, res, 'unreadable-body', bodyErrorStatus(error)) : next())),
    async (req, res) => {
      const query = signedQuery(req.originalUrl, []);
      if (!query) return reject(req, res, 'missing-parameters');
      if (!fresh(query.timestamp)) return reject(req, res, 'timestamp-out-of-window');
      const envelope = parseEnvelope(typeof req.body === 'string' ? req.body : '');
      if (!envelope.ok) return reject(req, res, envelope.error);
      const opened = openEnvelope(secrets, query, envelope.value.encrypt);
      if (!opened.ok) return reject(req, res, opened.error);
      const parsed = parseInboundMessage(opened.value);
      if (!parsed.ok) return reject(req, res, parsed.error);
      const msg = parsed.value;

      const claimed: string[] = [];
      try {
        const nonceKey = `nonce:${query.timestamp}:${query.nonce}`;
        if (!(await guard.claim(nonceKey, 2 * skew))) return reject(req, res, 'replayed-nonce');
        claimed.push(nonceKey);
        const dedupKey = inboundDedupKey(secrets.corpId, msg);
        if (!(await guard.claim(dedupKey, DEDUP_TTL_SECONDS))) {
          // WeCom's retry of a message we already have: an empty 200 stops its retries.
          logger.debug({ kind: msg.kind }, 'wecom callback duplicate; already accepted');
          res.status(200).end();
          return;
        }
        claimed.push(dedupKey);
        await options.accept(msg, dedupKey);
        res.status(200).end();
      } catch (error) {
        // Release both claims so that WeCom's retry of this very request is taken.
        await Promise.allSettled(claimed.map((key) => guard.release(key)));
        logger.error({ err: error, kind: msg.kind }, 'wecom callback could not be accepted; answering 500 so WeCom retries');
        res.status(500).end();
      }
    },
  );
  return router;
}

function bodyErrorStatus(error: unknown): number {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
}

/**
 * msg_signature, timestamp and nonce (and `extra`) from the raw query string, percent-decoded
 * with decodeURIComponent only. Express's parser (node:querystring) turns a literal '+' into a
 * space, and base64 echostr values are full of '+' (platform-facts B1). Undefined when one is
 * missing, empty, repeated or badly encoded.
 */
export function signedQuery<E extends string>(url: string, extra: readonly E[]): (SignedQuery & Record<E, string>) | undefined {
  const wanted = new Map<string, string>([
    ['msg_signature', 'msgSignature'],
    ['timestamp', 'timestamp'],
    ['nonce', 'nonce'],
    ...extra.map((name): [string, string] => [name, name]),
  ]);
  const found = new Map<string, string>();
  const queryAt = url.indexOf('?');
  const raw = queryAt < 0 ? '' : url.slice(queryAt + 1).split('#')[0]!;
  for (const pair of raw.split('&')) {
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const field = name === undefined ? undefined : wanted.get(name);
    if (field === undefined) continue;
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (value === undefined || value === '' || found.has(field)) return undefined;
    found.set(field, value);
  }
  if (found.size !== wanted.size || found.get('nonce')!.length > MAX_NONCE_LENGTH) return undefined;
  return Object.fromEntries(found) as SignedQuery & Record<E, string>;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
