import type express from 'express';
import type { Booted } from './boot';
import { createWebApp } from './web-server';

export interface StartWebOptions {
  /** What else runs in this process and stops after the server (the in-process worker of `npm start`). */
  readonly alsoStop?: () => Promise<void>;
  readonly wecomCallback?: express.Router;
}

/**
 * Serves HTTP until SIGTERM/SIGINT, then stops accepting, finishes in-flight requests, stops what
 * else runs in this process and closes the database.
 */
export async function startWeb({ config, logger, database, deps }: Booted, options: StartWebOptions = {}): Promise<void> {
  const web = createWebApp(config, deps, logger, options.wecomCallback ? { wecomCallback: options.wecomCallback } : {});
  const server = await web.listen(config.port);
  const alsoStop = options.alsoStop ?? (async () => {});
  const stop = () => {
    logger.info('web stopping');
    server.close(() => {
      void web
        .stop()
        .then(alsoStop)
        .finally(() => database.close().then(() => process.exit(0)));
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
