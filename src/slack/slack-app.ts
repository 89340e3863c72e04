import { App, ExpressReceiver, type InstallationStore } from '@slack/bolt';
import type { Application } from 'express';
import type { SlackConfig } from '../config';
import { boltLogger } from './bolt-logger';
import { createInstallationStore } from './installation-store';
import { registerActions } from './listeners/actions';
import { registerCommands } from './listeners/commands';
import { registerDedupe } from './listeners/dedupe';
import { registerHome } from './listeners/home';
import { registerLifecycle } from './listeners/lifecycle';
import { registerMessages } from './listeners/messages';
import { registerOptions } from './listeners/options';
import { registerViews } from './listeners/views';
import type { SlackDeps } from './slack-deps';
import { createTokenCipher } from './token-cipher';
import { requireFreshTimestamp } from './fresh-timestamp';
import { createHomeRefresher } from './home-refresher';

/** Bot scopes the app asks for on install; they match slack-manifest.json. */
export const BOT_SCOPES = [
  'commands', 'chat:write', 'chat:write.public', 'im:write', 'im:history', 'channels:history', 'groups:history',
  'app_mentions:read', 'users:read', 'users:read.email', 'team:read',
];

export interface SlackAppOptions {
  /** The web process's Express app; the receiver mounts /slack/events (and OAuth routes) on it. */
  readonly express: Application;
  /** Tests pass these to skip Bolt's auth.test round trip. */
  readonly botId?: string;
  readonly botUserId?: string;
}

export interface SlackAppHandle {
  readonly app: App;
  readonly mode: 'single' | 'oauth' | 'socket';
  /** Socket Mode connects here; HTTP modes are served by the web process's server. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Bolt app in the mode the configuration asks for: one workspace with a bot token, many
 * through OAuth (installations in PostgreSQL, tokens sealed), or Socket Mode when an app token
 * is set. Every Web API client honours SLACK_API_URL.
 */
export function createSlackApp(config: SlackConfig, baseDeps: Omit<SlackDeps, 'homeRefresher'>, options: SlackAppOptions): SlackAppHandle {
  const deps: SlackDeps = { ...baseDeps, homeRefresher: createHomeRefresher(baseDeps.logger) };
  const logger = boltLogger(deps.logger);
  // Bolt's default retries a failed call for ~30 minutes inside one request; two quick retries
  // are enough for a user waiting on a reply.
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: withTrailingSlash(config.apiUrl) } : {}), retryConfig: { retries: 2, maxRetryTime: 5_000 } };
  const botIds = options.botId && options.botUserId ? { botId: options.botId, botUserId: options.botUserId, tokenVerificationEnabled: false } : {};
  let app: App;
  let installationStore: InstallationStore | undefined;
  let mode: SlackAppHandle['mode'];
  if (config.appToken) {
    mode = 'socket';
    app = new App({ token: config.botToken!, appToken: config.appToken, socketMode: true, clientOptions, logger, ...botIds });
  } else if (config.mode === 'oauth') {
    options.express.post('/slack/events', requireFreshTimestamp());
    mode = 'oauth';
    installationStore = createInstallationStore(deps.db, createTokenCipher(config.tokenEncryptionKey ?? config.stateSecret!));
    const receiver = new ExpressReceiver({
      signingSecret: config.signingSecret!,
      endpoints: '/slack/events',
      app: options.express,
      clientId: config.clientId!,
      clientSecret: config.clientSecret!,
      stateSecret: config.stateSecret!,
      scopes: BOT_SCOPES,
      installationStore,
      installerOptions: { installPath: '/slack/install', redirectUriPath: '/slack/oauth_redirect', directInstall: true, clientOptions },
      logger,
    });
    app = new App({ receiver, clientOptions, logger });
  } else {
    mode = 'single';
    options.express.post('/slack/events', requireFreshTimestamp());
    const receiver = new ExpressReceiver({ signingSecret: config.signingSecret!, endpoints: '/slack/events', app: options.express, logger });
    app = new App({ receiver, token: config.botToken!, clientOptions, logger, ...botIds });
  }
  registerDedupe(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerOptions(app, deps);
  registerHome(app, deps);
  registerMessages(app, deps);
  registerLifecycle(app, deps, installationStore);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled slack error');
  });
  return {
    app,
    mode,
    start: async () => {
      if (mode === 'socket') await app.start();
    },
    stop: async () => {
      deps.homeRefresher.stop();
      if (mode === 'socket') await app.stop();
    },
  };
}

const withTrailingSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
