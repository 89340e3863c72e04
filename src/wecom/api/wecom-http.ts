import { WecomTransportError } from './wecom-errors';

export interface WecomHttpRequest {
  readonly method: 'GET' | 'POST';
  /** e.g. `/cgi-bin/message/send` */
  readonly path: string;
  /** Query parameters, including `access_token` (or `corpsecret` for gettoken). */
  readonly query: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface WecomHttp {
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  /** Values that must never appear in an error message (the app secret, the token). */
  readonly secrets: readonly string[];
}

/**
 * One HTTP round trip to WeCom, answering the parsed JSON object (errcode not yet inspected).
 * Failures become WecomTransportError whose message names only the path: the URL carries the
 * token or the secret, and fetch errors may quote it, so no original message or `cause` is kept
 * unredacted.
 */
export async function requestWecomJson(http: WecomHttp, request: WecomHttpRequest): Promise<Record<string, unknown>> {
  const url = `${http.baseUrl.replace(/\/+$/, '')}${request.path}?${new URLSearchParams(request.query).toString()}`;
  const { path } = request;
  let status = 0;
  let text: string;
  try {
    const res = await http.fetch(url, {
      method: request.method,
      signal: AbortSignal.timeout(http.timeoutMs),
      ...(request.body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(request.body) }),
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    const name = field(error, 'name') ?? 'Error';
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new WecomTransportError(path, 'timeout', `no answer within ${http.timeoutMs} ms`);
    }
    throw new WecomTransportError(path, 'network', redact(describe(error), http.secrets));
  }
  if (status < 200 || status >= 300) {
    throw new WecomTransportError(path, 'http-status', 'unexpected HTTP status', status);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new WecomTransportError(path, 'bad-json', `answer is not JSON (${text.length} chars)`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WecomTransportError(path, 'bad-json', 'answer is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Replaces every secret (raw and URL-encoded) in a message, and drops query strings from URLs in
 * it: they carry `corpsecret` or `access_token`.
 */
export function redact(message: string, secrets: readonly string[]): string {
  let out = message.replace(/(https?:\/\/[^\s?#]*)\?[^\s#]*/g, '$1?[query removed]');
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])) {
      out = out.split(form).join('[redacted]');
    }
  }
  return out;
}

// Duck-typed rather than `instanceof Error`: fetch's errors (DOMException, undici's TypeError) may
// come from another realm (jest's vm context, for one), where instanceof is false.
function field(value: unknown, key: 'name' | 'message' | 'cause'): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const v: unknown = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

function describe(error: unknown): string {
  const message = field(error, 'message');
  if (message === undefined) return String(error);
  // undici puts the useful part (ECONNREFUSED …) into `cause`.
  const cause = typeof error === 'object' && error !== null ? field((error as { cause?: unknown }).cause, 'message') : undefined;
  return `${field(error, 'name') ?? 'Error'}: ${message}${cause === undefined ? '' : `: ${cause}`}`;
}
