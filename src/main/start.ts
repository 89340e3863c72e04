import { CONSOLE_WORKSPACE, ConsoleSession } from '../console/console-session';
import { runConsole } from '../console/run-console';
import { hasAnyGoals, loadDemoCompany } from '../demo/load-demo';
import { createTranslator } from '../i18n/translate';
import { adjustableClock } from '../ports/clock';
import { boot, die } from './boot';
import { runMigrations } from './run-migrations';
import { createNotifiers } from './notifiers';
import { openRedis, startScheduler } from './scheduler-runtime';
import { createWecomRuntime } from './wecom-runtime';
import { startWeb } from './start-web';

/** The console ticks coarser than the worker so that `:tick 7d` takes seconds, not minutes. */
const CONSOLE_TICK_MS = 15 * 60_000;

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
    // The local default runs the worker in the same process (PGlite is single-process anyway).
    const redis = await openRedis(config, logger);
    const wecom = config.wecom ? await createWecomRuntime(config.wecom, { deps, logger, redisUrl: redis.url, prefix: config.redisPrefix }) : undefined;
    const scheduler = await startScheduler(config, deps, logger, createNotifiers(config, database.db, logger, wecom ? { wecom: wecom.notifier } : {}), { redisUrl: redis.url });
    wecom?.startWorker({ concurrency: config.scheduler.concurrency, lockMs: config.scheduler.lockMs });
    await startWeb(booted, {
      ...(wecom ? { wecomCallback: wecom.callback } : {}),
      alsoStop: async () => {
        await scheduler.stop();
        await wecom?.stop();
        await redis.stop();
      },
    });
    return;
  }
  const t = createTranslator(config.defaultLocale);
  // The console's clock moves with `:tick`; the scheduler runs in-process on it (no Redis needed).
  const clock = adjustableClock();
  const consoleDeps = { ...deps, clock };
  const session = new ConsoleSession(consoleDeps, {
    defaultLocale: config.defaultLocale,
    defaultTimeZone: config.defaultTimeZone,
    logger,
    loadDemo: () => loadDemoCompany(consoleDeps, CONSOLE_WORKSPACE),
    timeTravel: { clock, tickMs: CONSOLE_TICK_MS },
  });
  const empty = !(await hasAnyGoals(deps.db, CONSOLE_WORKSPACE));
  await runConsole(session, { input: process.stdin, output: process.stdout }, [t('console.welcome'), empty ? t('console.offerDemo') : ''].filter(Boolean).join('\n'));
  await database.close();
}

main().catch((error) => die(undefined, 'Start-up failed', error));
