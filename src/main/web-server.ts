import type http from 'node:http';
import express from 'express';
import { sql } from 'kysely';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createSlackApp, type SlackAppHandle } from '../slack/slack-app';
import type { UseCaseDeps } from '../use-cases/deps';
import { createApiRouter } from '../api/api-router';

export interface WebApp {
  readonly express: express.Application;
  readonly slack: SlackAppHandle | undefined;
  /** Listens on `port` (0: any free port) and resolves once the server accepts requests. */
  listen(port: number): Promise<http.Server>;
  /** Stops the Slack side (Socket Mode connection, pending Home refreshes). */
  stop(): Promise<void>;
}

export interface WebOptions {
  readonly botId?: string;
  readonly botUserId?: string;
  /** `GET|POST /wecom/callback` when the WeCom app is configured (src/main/wecom-runtime.ts). */
  readonly wecomCallback?: express.Router;
}

/**
 * The web process: health probes, the Slack receiver at /slack/events (plus the OAuth routes in
 * multi-workspace mode), the WeCom callback and the token-authenticated REST API at /api/v1.
 */
export function createWebApp(config: Config, deps: UseCaseDeps, logger: Logger, options: WebOptions = {}): WebApp {
  const app = express();
  app.disable('x-powered-by');
  let ready = false;
  app.get('/healthz', (_req, res) => {
    res.status(ready ? 200 : 503).json({ ok: ready });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await sql`SELECT 1`.execute(deps.db);
      res.status(200).json({ ok: true, database: 'up' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ ok: false, database: 'down' });
    }
  });
  if (options.wecomCallback) app.use(options.wecomCallback);
  app.use('/api/v1', createApiRouter(deps, logger));
  const { wecomCallback: _wecom, ...slackOptions } = options;
  const slack =
    config.slack.mode === 'off'
      ? undefined
      : createSlackApp(config.slack, { ...deps, logger, defaults: { timeZone: config.defaultTimeZone, locale: config.defaultLocale } }, { express: app, ...slackOptions });
  return {
    express: app,
    slack,
    async listen(port) {
      await slack?.start();
      const server = await new Promise<http.Server>((resolve, reject) => {
        const s = app.listen(port, '0.0.0.0', (error?: Error) => (error ? reject(error) : resolve(s)));
      });
      // Longer than the idle timeout of load balancers (60 s) and HTTP clients that reuse
      // connections: otherwise the server may close a kept-alive socket just as a request arrives
      // on it, and the caller (WeCom, Slack) sees a reset instead of an answer.
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
      ready = true;
      logger.info({ port: (server.address() as { port: number }).port, slack: slack?.mode ?? 'off', wecom: options.wecomCallback ? 'on' : 'off' }, 'web listening');
      return server;
    },
    async stop() {
      await slack?.stop();
    },
  };
}
