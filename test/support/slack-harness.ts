import type http from 'node:http';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createWebApp } from '../../src/main/web-server';
import type { Clock } from '../../src/ports/clock';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api';
import { openTestDb, type TestDb } from './test-db';

export const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';

export interface SlackHarness {
  readonly db: TestDb;
  readonly fake: FakeSlackApi;
  /** http://127.0.0.1:PORT/slack/events */
  readonly eventsUrl: string;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * The production web app (Express + Bolt, single-workspace mode) on an ephemeral port, over a
 * fresh database, talking to a local fake of the Slack Web API.
 */
export async function startSlackHarness(clock: Clock, env: Record<string, string> = {}): Promise<SlackHarness> {
  const db = await openTestDb();
  const fake = await startFakeSlackApi();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-e2e',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url,
    DEFAULT_TIMEZONE: 'UTC',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const web = createWebApp(config, { db: db.db, clock }, createLogger(process.env.E2E_LOG_LEVEL ?? 'silent'), { botId: 'B0BOT', botUserId: 'U0BOT' });
  const server: http.Server = await web.listen(0);
  const port = (server.address() as { port: number }).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    db,
    fake,
    eventsUrl: `${baseUrl}/slack/events`,
    baseUrl,
    async close() {
      await web.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await fake.close();
      await db.close();
    },
  };
}
