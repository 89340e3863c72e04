import { boot, die } from './boot';
import { startWeb } from './start-web';
import { createWecomRuntime } from './wecom-runtime';

// The Procfile's web process. Migrations are the release step's job here, not start-up's. The
// WeCom callback only enqueues: it needs the shared REDIS_URL the worker reads from.
async function main(): Promise<void> {
  const booted = await boot();
  const { config, logger, deps } = booted;
  if (config.wecom && !config.redisUrl) die(logger, 'Web start-up failed', new Error('REDIS_URL: expected a redis:// URL (the WeCom callback hands messages to the worker through Redis; `npm start` runs both with a private Redis)'));
  const wecom = config.wecom ? await createWecomRuntime(config.wecom, { deps, logger, redisUrl: config.redisUrl!, prefix: config.redisPrefix }) : undefined;
  await startWeb(booted, { ...(wecom ? { wecomCallback: wecom.callback, alsoStop: () => wecom.stop() } : {}) });
}

main().catch((error) => die(undefined, 'Web start-up failed', error));
