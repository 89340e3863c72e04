import { CONSOLE_WORKSPACE, ConsoleSession } from '../console/console-session';
import { runConsole } from '../console/run-console';
import { hasAnyGoals, loadDemoCompany } from '../demo/load-demo';
import { createTranslator } from '../i18n/translate';
import { boot, die } from './boot';
import { runMigrations } from './run-migrations';
import { startWeb } from './start-web';

/**
 * `npm start`: the local default. Embedded PGlite is migrated on every start; with no chat
 * platform configured, the terminal console opens.
 */
async function main(): Promise<void> {
  const booted = await boot({ quietLogs: true });
  const { config, logger, database, deps } = booted;
  if (database.engine === 'pglite') {
    try {
      await runMigrations(database.db, logger);
    } catch (error) {
      await database.close();
      die(logger, 'Migration failed', error);
    }
  }
  if (config.hasChatPlatform) {
    await startWeb(booted);
    return;
  }
  const t = createTranslator(config.defaultLocale);
  const session = new ConsoleSession(deps, {
    defaultLocale: config.defaultLocale,
    defaultTimeZone: config.defaultTimeZone,
    logger,
    loadDemo: () => loadDemoCompany(deps, CONSOLE_WORKSPACE),
  });
  const empty = !(await hasAnyGoals(deps.db, CONSOLE_WORKSPACE));
  await runConsole(session, { input: process.stdin, output: process.stdout }, [t('console.welcome'), empty ? t('console.offerDemo') : ''].filter(Boolean).join('\n'));
  await database.close();
}

main().catch((error) => die(undefined, 'Start-up failed', error));
