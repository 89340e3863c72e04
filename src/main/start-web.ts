import type { Booted } from './boot';
import { createWebApp } from './web-server';

/** Serves HTTP until SIGTERM/SIGINT, then stops accepting, finishes in-flight requests and closes the database. */
export async function startWeb({ config, logger, database, deps }: Booted): Promise<void> {
  const web = createWebApp(config, deps, logger);
  const server = await web.listen(config.port);
  const stop = () => {
    logger.info('web stopping');
    server.close(() => {
      void web.stop().finally(() => database.close().then(() => process.exit(0)));
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
