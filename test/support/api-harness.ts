import type http from 'node:http';
import { loadConfig } from '../../src/config';
import type { Actor } from '../../src/domain/member';
import { insertKpi } from '../../src/db/kpi.repository';
import { createLogger } from '../../src/logger';
import { createWebApp } from '../../src/main/web-server';
import type { Clock } from '../../src/ports/clock';
import { createApiToken } from '../../src/use-cases/api-tokens';
import { openTestDb, type TestDb } from './test-db';

export interface ApiHarness {
  readonly db: TestDb;
  /** http://127.0.0.1:PORT/api/v1 */
  readonly apiUrl: string;
  close(): Promise<void>;
}

/** The production web app with no chat platform configured (API and probes only) on an ephemeral port. */
export async function startApiHarness(clock: Clock): Promise<ApiHarness> {
  const db = await openTestDb();
  const config = loadConfig({ DEFAULT_TIMEZONE: 'UTC', LOG_LEVEL: 'silent' });
  const web = createWebApp(config, { db: db.db, clock }, createLogger(process.env.E2E_LOG_LEVEL ?? 'silent'));
  const server: http.Server = await web.listen(0);
  const port = (server.address() as { port: number }).port;
  return {
    db,
    apiUrl: `http://127.0.0.1:${port}/api/v1`,
    async close() {
      await web.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await db.close();
    },
  };
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

/** One JSON request; `token` goes in as a bearer token. */
export async function call(url: string, init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const payload = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method: init.method ?? (payload === undefined ? 'GET' : 'POST'), headers, ...(payload === undefined ? {} : { body: payload }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** A fresh token for `admin`, through the chat use-case. */
export async function tokenFor(db: TestDb, clock: Clock, admin: Actor, name: string): Promise<string> {
  const created = await createApiToken({ db: db.db, clock }, admin, name);
  if (!created.ok || created.value.type !== 'api_token_created') throw new Error(`token: ${JSON.stringify(created)}`);
  return created.value.token;
}

/** An "up" KPI with green ≥ 40 and yellow ≥ 30. */
export async function kpiIn(db: TestDb, workspaceId: number, key: string): Promise<number> {
  const row = await insertKpi(db.db, {
    workspaceId, key, name: key.toUpperCase(), unit: 'pts', ownerId: null, teamId: null, direction: 'up', target: 45,
    thresholdKind: 'at_least', greenMin: 40, greenMax: null, yellowMin: 30, yellowMax: null, frequency: 'weekly',
  });
  if (!row) throw new Error(`kpi ${key} exists`);
  return row.id;
}

export async function readingCount(db: TestDb, kpiId: number): Promise<number> {
  const row = await db.db.selectFrom('kpi_reading').select((eb) => eb.fn.countAll<number>().as('n')).where('kpi_id', '=', kpiId).executeTakeFirstOrThrow();
  return Number(row.n);
}
