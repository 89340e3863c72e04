import type { Booted } from './boot';
import { createWebApp } from './web-server';

/**
 * Serves HTTP until SIGTERM/SIGINT, then stops accepting, finishes in-flight requests, stops what
 * else runs in this process (`alsoStop`: the in-process scheduler of `npm start`) and closes the
 * database.
 */
export async function startWeb({ config, logger, database, deps }: Booted, alsoStop: () => Promise<void> = async () => {}): Promise<void> {
  const web = createWebApp(config, deps, logger);
  const server = await web.listen(config.port);
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
