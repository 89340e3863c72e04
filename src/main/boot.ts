import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config';
import { createDatabase, type DatabaseHandle } from '../db/create-db';
import { createLogger, type Logger } from '../logger';
import { systemClock } from '../ports/clock';
import type { UseCaseDeps } from '../use-cases/deps';

export interface Booted {
  readonly config: Config;
  readonly logger: Logger;
  readonly database: DatabaseHandle;
  readonly deps: UseCaseDeps;
}

/**
 * Configuration, logger and database for any process. A bad variable stops start-up with one line
 * naming it (design.md §6).
 */
export async function boot(options: { quietLogs?: boolean } = {}): Promise<Booted> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // In the console, routine info lines would interleave with the chat; warnings still show.
  const level = options.quietLogs && !process.env.LOG_LEVEL ? 'warn' : config.logLevel;
  const logger = createLogger(level);
  const database = await createDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'pglite') }),
  });
  logger.info({ engine: database.engine }, 'database open');
  return { config, logger, database, deps: { db: database.db, clock: systemClock } };
}

/** Prints the reason and exits non-zero: used for failures that must stop a process. */
export function die(logger: Logger | undefined, message: string, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  logger?.fatal({ err: error }, message);
  process.stderr.write(`${message}: ${reason}\n`);
  process.exit(1);
}
