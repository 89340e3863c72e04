import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAppChatRoutes } from './fake-wecom-appchat';
import { getUser, listDepartments, listUsers } from './fake-wecom-directory';
import { createMessageRoutes } from './fake-wecom-messages';
import { createFakeWecomState, fail, type FakeAnswer, type FakeContext, type FakeDirectory, type FakeWecomState } from './fake-wecom-state';

export type * from './fake-wecom-state';
export { BAD_RESPONSE_CODE_ERRCODE, RESPONSE_CODE_TTL_MS } from './fake-wecom-messages';

// A local stand-in for https://qyapi.weixin.qq.com (platform-facts Part B, Part C: no WeCom mock
// project exists). It enforces what WeCom enforces, including what WeCom does *silently* (content
// truncated at 2,048 bytes, messages over a member's 30/min or 1,000/h dropped with errcode 0): the
// fake records those in `state.violations` and `state.dropped`, so tests can assert they stay
// empty. Message handlers live in fake-wecom-messages.ts (+ cards, limits), appchat in
// fake-wecom-appchat.ts, the directory in fake-wecom-directory.ts.

export interface FakeWecomOptions {
  readonly corpId?: string;
  readonly secret?: string;
  readonly agentId?: string;
  /** The fake's clock in ms (token expiry, rate windows, response_code age); default Date.now. */
  readonly now?: () => number;
}

export const FAKE_WECOM_APP = { corpId: 'wwfakecorp0001', secret: 'fake-app-secret', agentId: '1000002' } as const;

/** WeCom's token lifetime ("expires_in": 7200). */
export const TOKEN_LIFETIME_S = 7_200;

export interface FakeWecomApi {
  /** http://127.0.0.1:PORT — the client's `baseUrl`. */
  readonly url: string;
  readonly state: FakeWecomState;
  /** Every token issued so far answers 42001 from now on; the next gettoken issues a new one. */
  expireAllTokens(): void;
  /** The next `times` calls to `path` (e.g. 'message/send' or '/cgi-bin/gettoken') answer `errcode`. */
  failNext(path: string, errcode: number, times?: number): void;
  /** The response_code a template_card_event callback would carry for this user's click. */
  issueResponseCode(userId: string, taskId: string): string;
  setDirectory(directory: FakeDirectory): void;
  close(): Promise<void>;
}

type Route = { method: 'GET' | 'POST'; handle: (query: URLSearchParams, body: Record<string, unknown>) => FakeAnswer };

export async function startFakeWecomApi(options: FakeWecomOptions = {}): Promise<FakeWecomApi> {
  const corpId = options.corpId ?? FAKE_WECOM_APP.corpId;
  const secret = options.secret ?? FAKE_WECOM_APP.secret;
  const agentId = options.agentId ?? FAKE_WECOM_APP.agentId;
  const now = options.now ?? Date.now;
  const state = createFakeWecomState();
  const tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  const injected = new Map<string, number[]>();
  let current: string | null = null;
  let seq = 0;

  const ctx: FakeContext = {
    state,
    agentId,
    now,
    nextId: (prefix) => `${prefix}-${(seq += 1)}-${randomBytes(6).toString('hex')}`,
    violation: (path, rule, detail) => void state.violations.push({ path, rule, detail, at: now() }),
  };
  const messages = createMessageRoutes(ctx);
  const appchat = createAppChatRoutes(ctx);

  function gettoken(query: URLSearchParams): FakeAnswer {
    if (query.get('corpid') !== corpId) return fail(40013, 'invalid corpid');
    if (query.get('corpsecret') !== secret) return fail(40001, 'invalid credential');
    const live = current === null ? undefined : tokens.get(current);
    // Within its validity WeCom answers the same token again (platform-facts B4).
    if (current !== null && live && !live.revoked && live.expiresAt > now()) {
      return { errcode: 0, errmsg: 'ok', access_token: current, expires_in: Math.floor((live.expiresAt - now()) / 1000) };
    }
    current = randomBytes(48).toString('base64url');
    tokens.set(current, { expiresAt: now() + TOKEN_LIFETIME_S * 1000, revoked: false });
    return { errcode: 0, errmsg: 'ok', access_token: current, expires_in: TOKEN_LIFETIME_S };
  }

  function tokenProblem(token: string | null): FakeAnswer | null {
    if (!token) return fail(41001, 'access_token missing');
    const known = tokens.get(token);
    if (!known) return fail(40014, 'invalid access_token');
    if (known.revoked || known.expiresAt <= now()) return fail(42001, 'access_token expired');
    return null;
  }

  const routes: Record<string, Route> = {
    'message/send': { method: 'POST', handle: (_q, b) => messages.send(b) },
    'message/update_template_card': { method: 'POST', handle: (_q, b) => messages.updateTemplateCard(b) },
    'appchat/create': { method: 'POST', handle: (_q, b) => appchat.create(b) },
    'appchat/update': { method: 'POST', handle: (_q, b) => appchat.update(b) },
    'appchat/get': { method: 'GET', handle: (q) => appchat.get(q) },
    'appchat/send': { method: 'POST', handle: (_q, b) => appchat.send(b) },
    'department/list': { method: 'GET', handle: (q) => listDepartments(state, q) },
    'user/list': { method: 'GET', handle: (q) => listUsers(state, q) },
    'user/get': { method: 'GET', handle: (q) => getUser(state, q) },
  };

  function answer(path: string, method: string, query: URLSearchParams, raw: string): FakeAnswer | null {
    const injectedCode = injected.get(path)?.shift();
    if (path === 'gettoken') {
      state.gettokenCalls += 1;
      if (injectedCode !== undefined) return fail(injectedCode, 'injected by failNext');
      return method === 'GET' ? gettoken(query) : fail(43001, 'require GET method');
    }
    const route = routes[path];
    if (!route) return null;
    const body = parseJson(raw);
    const answered = ((): FakeAnswer => {
      if (route.method !== method) return fail(route.method === 'GET' ? 43001 : 43002, `require ${route.method} method`);
      if (injectedCode !== undefined) return fail(injectedCode, 'injected by failNext');
      const problem = tokenProblem(query.get('access_token'));
      if (problem) return problem;
      if (body === null) return fail(47001, 'data format error');
      return route.handle(query, body);
    })();
    const recordedQuery = Object.fromEntries([...query].filter(([k]) => k !== 'access_token'));
    state.calls.push({ path, query: recordedQuery, body: body ?? {}, errcode: answered.errcode, at: now() });
    return answered;
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    const json = url.pathname.startsWith('/cgi-bin/') ? answer(normalize(url.pathname), req.method ?? 'GET', url.searchParams, raw) : null;
    if (json === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`fake WeCom: no route ${req.method} ${url.pathname}`);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify(json));
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) res.writeHead(500, { 'content-type': 'text/plain' }).end(`fake WeCom crashed: ${String(e)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    expireAllTokens() {
      for (const token of tokens.values()) token.revoked = true;
      current = null;
    },
    failNext(path, errcode, times = 1) {
      const key = normalize(path);
      injected.set(key, [...(injected.get(key) ?? []), ...Array.from({ length: times }, () => errcode)]);
    },
    issueResponseCode: (userId, taskId) => messages.issueResponseCode([userId], taskId),
    setDirectory(directory) {
      state.directory = { departments: directory.departments.map((d) => ({ ...d })), users: directory.users.map((u) => ({ ...u })) };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** '/cgi-bin/message/send', 'cgi-bin/message/send' and 'message/send' all name the same route. */
function normalize(path: string): string {
  return path.replace(/^\/+/, '').replace(/^cgi-bin\//, '');
}

function parseJson(raw: string): Record<string, unknown> | null {
  if (raw === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
