import http from 'node:http';
import { sql } from 'kysely';
import type { Booted } from './boot';

/**
 * The web process's HTTP server. For now it answers health probes; the Slack, WeCom and API
 * routes mount here as their adapters arrive.
 */
export async function startWeb({ config, logger, database }: Booted): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (req.method === 'GET' && req.url === '/readyz') {
      try {
        await sql`SELECT 1`.execute(database.db);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"database":"up"}');
      } catch (error) {
        logger.warn({ err: error }, 'readiness check failed');
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false,"database":"down"}');
      }
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"ok":false,"error":"not_found"}');
  });
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  logger.info({ port: config.port }, 'web listening');
  const stop = () => server.close(() => void database.close().then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server;
}
