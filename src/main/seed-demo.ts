import { CONSOLE_WORKSPACE } from '../console/console-session';
import { loadDemoCompany } from '../demo/load-demo';
import { boot, die } from './boot';
import { runMigrations } from './run-migrations';

// `npm run seed:demo`: the demo company, without opening the console.
async function main(): Promise<void> {
  const { logger, database, deps } = await boot();
  try {
    if (database.engine === 'pglite') await runMigrations(database.db, logger);
    const loaded = await loadDemoCompany(deps, CONSOLE_WORKSPACE);
    process.stdout.write(loaded ? 'Demo company loaded into the local workspace.\n' : 'The local workspace already has goals; nothing loaded.\n');
  } catch (error) {
    die(logger, 'Loading the demo failed', error);
  } finally {
    await database.close();
  }
}

void main();
