import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBudgetBook, type PostBudget } from './fake-slack-budget';
import { createMessageHistory, type PostedMessage } from './fake-slack-history';

export type { PostBudget, PostedMessage };

// A local stand-in for https://slack.com/api/ (platform-facts Part C, house style §7.9): a node:http
// server that records every Web API call and every response_url post, and answers like Slack.
// Point a WebClient at `url` (`slackApiUrl`) and put `responseUrl(id)` into slash-command payloads.
// Longer than ~200 lines because it is a table of canned Slack answers, one short case each.
// Per-token postMessage budgets live in fake-slack-budget.ts, the message history (conversations.
// history / replies) in fake-slack-history.ts.

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  token: string | null;
  at: number;
  /** HTTP status the fake answered with (429 for rate-limited calls). */
  status: number;
  /** The JSON the fake answered with. */
  response: Record<string, unknown>;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  locale: string;
  is_bot?: boolean;
  deleted?: boolean;
}

export interface FakeSlackApi {
  /** e.g. http://127.0.0.1:PORT/api/ — the value for `slackApiUrl`. */
  url: string;
  /** http://127.0.0.1:PORT/response-url/<id> — for slash command / block_actions payloads. */
  responseUrl(id: string): string;
  /** Every call in arrival order, response_url posts as method `response_url:<id>`. */
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Polls until at least `count` (default 1) calls to `method` were recorded. */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** What users.info answers. */
  users: Map<string, FakeUser>;
  /** The next call to `method` gets HTTP 429 + `Retry-After: retryAfterSeconds`. Calls queue up. */
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  /** The next call to `method` answers `{ ok: false, error }`. Calls queue up. */
  failNext(method: string, error: string): void;
  /**
   * Limits chat.postMessage with this bot token by a token bucket (Slack's per-workspace limit):
   * over budget → HTTP 429 + `Retry-After` (whole seconds, ≥ 1). null removes the limit.
   */
  setBudget(token: string, budget: PostBudget | null): void;
  /** Delays every answer by `ms` (network + Slack latency); the call takes effect on arrival. */
  setLatency(ms: number): void;
  /** Every chat.postMessage to this channel or user id answers `{ ok: false, error }` until reset. */
  failDestination(channelOrUser: string, error: string): void;
  /** Accepted chat.postMessage calls, in order (a copy). */
  posted(): PostedMessage[];
  /** chat.postMessage outcomes so far: accepted, answered 429, answered `ok: false`. O(1). */
  counts(): { ok: number; rateLimited: number; failed: number };
  /** Clears recorded calls, posted messages and history, one-shot and persistent behaviours (keeps `users`). */
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_BOT = { userId: 'U0BOT', botId: 'B0BOT', teamId: 'T0TEST', team: 'Test', appId: 'A0TEST' } as const;
export const FAKE_INSTALLED_TOKEN = 'xoxb-installed';
export const FAKE_OAUTH_SCOPES = [
  'commands', 'chat:write', 'chat:write.public', 'im:write', 'im:history', 'channels:history',
  'groups:history', 'app_mentions:read', 'users:read', 'users:read.email', 'team:read',
];

/** Form fields WebClient JSON-stringifies (objects/arrays); decoded back so tests can inspect them. */
const JSON_FIELDS = new Set([
  'blocks', 'attachments', 'view', 'metadata', 'unfurls', 'user_auth_blocks', 'options', 'option_groups',
  'inputs', 'outputs', 'chunks', 'event_context',
]);

type Answer = { status: number; json: Record<string, unknown>; headers?: Record<string, string> };
type Handler = (body: Record<string, unknown>, token: string | null) => Record<string, unknown>;

export interface FakeSlackOptions {
  /** The fake's clock in ms (budgets refill by it, message ts follow it); default Date.now. */
  readonly now?: () => number;
}

export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const now = options.now ?? Date.now;
  const calls: RecordedCall[] = [];
  const users = new Map<string, FakeUser>();
  const rateLimits = new Map<string, number[]>();
  const failures = new Map<string, string[]>();
  const budgets = createBudgetBook(now);
  const history = createMessageHistory();
  const failedDestinations = new Map<string, string>();
  const posts: PostedMessage[] = [];
  const postCounts = { ok: 0, rateLimited: 0, failed: 0 };
  let latencyMs = 0;
  let seq = 0;
  // Message ts follow the clock (so `oldest` bounds work) and stay unique and increasing.
  let lastTsMicros = 0;
  const nextTs = () => formatTs((lastTsMicros = Math.max(Math.round(now() * 1000), lastTsMicros + 100)));
  const nextId = (prefix: string) => `${prefix}${String(1000 + seq++).padStart(8, '0')}`;

  const handlers: Record<string, Handler> = {
    'auth.test': (_b, token) => {
      const installed = token === FAKE_INSTALLED_TOKEN;
      return {
        url: 'https://test.slack.com/', team: installed ? 'OAuth Team' : FAKE_BOT.team,
        user: 'okr', team_id: installed ? 'T0OAUTH' : FAKE_BOT.teamId,
        user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId, is_enterprise_install: false,
      };
    },
    'chat.postMessage': (b, token) => {
      const channel = dmFor(str(b.channel));
      const ts = nextTs();
      const message = botMessage(b, ts);
      const post: PostedMessage = {
        token, channel, threadTs: str(b.thread_ts) || null, ts, text: str(b.text), metadata: b.metadata ?? null,
      };
      posts.push(post);
      history.add(post, message);
      return { channel, ts, message };
    },
    'conversations.history': (b) => history.history(b),
    'conversations.replies': (b) => history.replies(b),
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'chat.update': (b) => ({ channel: str(b.channel), ts: str(b.ts), text: str(b.text), message: botMessage(b, str(b.ts)) }),
    'chat.getPermalink': (b) => ({
      channel: str(b.channel),
      permalink: `https://test.slack.com/archives/${str(b.channel)}/p${str(b.message_ts).replace('.', '')}`,
    }),
    'views.open': (b) => ({ view: fakeView(b, nextId('V'), nextId('h')) }),
    'views.push': (b) => ({ view: fakeView(b, nextId('V'), nextId('h')) }),
    'views.update': (b) => ({ view: fakeView(b, str(b.view_id) || nextId('V'), nextId('h')) }),
    'views.publish': (b) => ({ view: { ...fakeView(b, nextId('V'), nextId('h')), type: 'home' } }),
    'users.info': (b) => {
      const user = users.get(str(b.user));
      if (!user) return { ok: false, error: 'user_not_found' };
      return { user: userObject(user, b.include_locale === true || b.include_locale === 'true') };
    },
    'conversations.open': (b) => {
      const ids = str(b.users).split(',').filter(Boolean);
      return { channel: { id: ids.length > 1 ? `G${ids.join('')}` : `D${ids[0] ?? ''}` } };
    },
    'conversations.info': (b) => {
      const id = str(b.channel);
      return {
        channel: {
          id, name: id.toLowerCase(), is_channel: id.startsWith('C'), is_group: id.startsWith('G'),
          is_im: id.startsWith('D'), is_private: !id.startsWith('C'), is_member: true, is_archived: false,
        },
      };
    },
    'oauth.v2.access': () => ({
      access_token: FAKE_INSTALLED_TOKEN, token_type: 'bot', scope: FAKE_OAUTH_SCOPES.join(','),
      bot_user_id: FAKE_BOT.userId, app_id: FAKE_BOT.appId, team: { id: 'T0OAUTH', name: 'OAuth Team' },
      enterprise: null, is_enterprise_install: false, authed_user: { id: 'U0INSTALLER' },
    }),
    'apps.uninstall': () => ({}),
  };

  function answer(method: string, body: Record<string, unknown>, token: string | null): Answer {
    const retryAfter = rateLimits.get(method)?.shift();
    if (retryAfter !== undefined) {
      return { status: 429, json: { ok: false, error: 'ratelimited' }, headers: { 'Retry-After': String(retryAfter) } };
    }
    if (method === 'chat.postMessage') {
      const wait = budgets.take(token);
      if (wait !== null) return { status: 429, json: { ok: false, error: 'ratelimited' }, headers: { 'Retry-After': String(wait) } };
    }
    const error = failures.get(method)?.shift();
    if (error !== undefined) return { status: 200, json: { ok: false, error } };
    if (method === 'chat.postMessage' && failedDestinations.size > 0) {
      const failed = failedDestinations.get(dmFor(str(body.channel)));
      if (failed !== undefined) return { status: 200, json: { ok: false, error: failed } };
    }
    if (method.startsWith('response_url:')) return { status: 200, json: { ok: true } };
    const handler = handlers[method];
    if (!handler) return { status: 200, json: { ok: false, error: 'unknown_method' } };
    return { status: 200, json: { ok: true, ...handler(body, token) } };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = path.startsWith('/api/')
      ? path.slice('/api/'.length)
      : path.startsWith('/response-url/')
        ? `response_url:${decodeURIComponent(path.slice('/response-url/'.length))}`
        : null;
    if (method === null || req.method !== 'POST') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`fake Slack: no route ${req.method} ${path}`);
      return;
    }
    const raw = await readBody(req);
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    const token = bearer(req.headers.authorization) ?? (typeof body.token === 'string' ? body.token : null);
    const { status, json, headers } = answer(method, body, token);
    calls.push({ method, body, token, at: now(), status, response: json });
    if (method === 'chat.postMessage') {
      if (status === 429) postCounts.rateLimited += 1;
      else if (json.ok === true) postCounts.ok += 1;
      else postCounts.failed += 1;
    }
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(json));
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`fake Slack crashed: ${String(e)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  const queue = <T>(map: Map<string, T[]>, method: string, item: T) => map.set(method, [...(map.get(method) ?? []), item]);

  return {
    url: `${base}/api/`,
    responseUrl: (id) => `${base}/response-url/${encodeURIComponent(id)}`,
    calls,
    callsTo,
    users,
    async waitFor(method, count = 1, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = callsTo(method);
        if (found.length >= count) return found;
        if (Date.now() >= deadline) {
          const seen = calls.map((c) => c.method).join(', ') || '(none)';
          throw new Error(
            `fake Slack: waited ${timeoutMs} ms for ${count} call(s) to ${method}, got ${found.length}. Recorded: ${seen}`,
          );
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    rateLimitNext: (method, retryAfterSeconds) => queue(rateLimits, method, retryAfterSeconds),
    failNext: (method, error) => queue(failures, method, error),
    setBudget: (token, budget) => budgets.set(token, budget),
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    failDestination: (channelOrUser, error) => void failedDestinations.set(dmFor(channelOrUser), error),
    posted: () => posts.slice(),
    counts: () => ({ ...postCounts }),
    reset() {
      calls.length = 0;
      rateLimits.clear();
      failures.clear();
      budgets.clear();
      history.clear();
      failedDestinations.clear();
      posts.length = 0;
      Object.assign(postCounts, { ok: 0, rateLimited: 0, failed: 0 });
      latencyMs = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form bodies (WebClient) with JSON-stringified nested fields decoded, or JSON bodies (respond()). */
export function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { value: parsed };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** Like Slack: posting to a user ID lands in the bot's DM with that user (App Home Messages tab). */
function dmFor(channel: string): string {
  return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel}` : channel;
}

function formatTs(micros: number): string {
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
}

function botMessage(b: Record<string, unknown>, ts: string): Record<string, unknown> {
  return {
    type: 'message', subtype: 'bot_message', user: FAKE_BOT.userId, bot_id: FAKE_BOT.botId, app_id: FAKE_BOT.appId,
    text: str(b.text), ts, ...(b.blocks !== undefined ? { blocks: b.blocks } : {}),
    ...(b.thread_ts !== undefined ? { thread_ts: str(b.thread_ts) } : {}),
  };
}

function fakeView(b: Record<string, unknown>, id: string, hash: string): Record<string, unknown> {
  const view = typeof b.view === 'object' && b.view !== null ? (b.view as Record<string, unknown>) : {};
  return {
    type: 'modal', callback_id: '', private_metadata: '', external_id: '', state: { values: {} },
    ...view, id, hash, team_id: FAKE_BOT.teamId, app_id: FAKE_BOT.appId, bot_id: FAKE_BOT.botId,
    root_view_id: id, previous_view_id: null,
  };
}

function userObject(u: FakeUser, includeLocale: boolean): Record<string, unknown> {
  return {
    id: u.id, team_id: FAKE_BOT.teamId, name: u.name, real_name: u.real_name, deleted: u.deleted ?? false,
    is_bot: u.is_bot ?? false, tz: u.tz, tz_label: u.tz, tz_offset: tzOffsetSeconds(u.tz),
    profile: { real_name: u.real_name, display_name: u.name, email: `${u.name}@example.test` },
    ...(includeLocale ? { locale: u.locale } : {}),
  };
}

/** Current UTC offset of an IANA zone in seconds, as Slack's `tz_offset` (0 for unknown zones). */
function tzOffsetSeconds(tz: string): number {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
  } catch {
    return 0;
  }
}
