import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver } from '@slack/bolt';
import { sql } from 'kysely';
import { loadConfig } from '../src/config';
import { createDatabase } from '../src/db/create-db';
import { migrateToLatest } from '../src/db/migrate-to-latest';
import { parseCommand } from '../src/domain/command/parse-command';
import { createLogger } from '../src/logger';
import { createWebApp } from '../src/main/web-server';
import { systemClock } from '../src/ports/clock';
import type { UseCaseDeps } from '../src/use-cases/deps';
import { identifyMember } from '../src/use-cases/identify-member';
import { runCommand } from '../src/use-cases/run-command';
import { startFakeSlackApi } from '../test/support/fake-slack-api';
import { createScratchDatabase } from '../test/support/scratch-database';
import { BENCH_SIGNING_SECRET, BENCH_TEAM, BENCH_USER, type ChildReply, type WorkCounts } from './slack-bench-shared';

// Child process of bench/slack-ack.ts (`--mode=full|bare`), so each app's latency and memory are
// its own. full: the production web app (single-workspace mode) over a scratch database on the
// real PostgreSQL server, replying to a local fake Slack API. bare: a Bolt app whose /okr only acks.
// IPC: sends { type: 'ready', port, responseUrlBase? }; answers 'memory' and 'count'; exits on 'stop'.

const BOT = { botId: 'B0BENCH', botUserId: 'U0BENCHBOT' } as const;

interface Running {
  readonly port: number;
  readonly responseUrlBase?: string;
  counts(): Promise<WorkCounts>;
  close(): Promise<void>;
}

async function startBare(): Promise<Running> {
  const receiver = new ExpressReceiver({ signingSecret: BENCH_SIGNING_SECRET, endpoints: '/slack/events' });
  const app = new App({ receiver, token: 'xoxb-bare', ...BOT, tokenVerificationEnabled: false });
  app.command('/okr', async ({ ack }) => {
    await ack();
  });
  const server = (await receiver.start({ port: 0, host: '127.0.0.1' })) as http.Server;
  return {
    port: (server.address() as AddressInfo).port,
    counts: async () => ({ checkIns: 0, replies: 0, failedReplies: 0, apiCalls: 0 }),
    close: () => closeServer(server),
  };
}

async function startFull(): Promise<Running> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('the Slack ack benchmark needs BENCH_DATABASE_URL or DATABASE_URL (a real PostgreSQL server)');
  const scratch = await createScratchDatabase(serverUrl, 'okr_bench_slack');
  try {
    const database = await createDatabase({ databaseUrl: scratch.url });
    await migrateToLatest(database.db);
    const deps = { db: database.db, clock: systemClock };
    await seed(deps);
    const fake = await startFakeSlackApi();
    // The fake records every call with its body (Home views included); tally and forget them, so
    // the fake's bookkeeping is not counted as the web app's memory.
    const tally = { replies: 0, failedReplies: 0, apiCalls: 0 };
    const drainFake = () => {
      for (const call of fake.calls) {
        if (!call.method.startsWith('response_url:')) tally.apiCalls += 1;
        else {
          tally.replies += 1;
          if (/went wrong/i.test(JSON.stringify(call.body))) tally.failedReplies += 1;
        }
      }
      fake.reset();
    };
    const drainTimer = setInterval(drainFake, 200);
    drainTimer.unref();
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
      SLACK_API_URL: fake.url,
      DATABASE_URL: scratch.url,
      DEFAULT_TIMEZONE: 'UTC',
    });
    // warn, not info: nothing is logged per request on the happy path, but failures still show.
    const web = createWebApp(config, deps, createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn'), BOT);
    const server = await web.listen(0);
    return {
      port: (server.address() as AddressInfo).port,
      responseUrlBase: fake.responseUrl(''),
      counts: async () => {
        drainFake();
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM check_in`.execute(database.db);
        return { checkIns: r.rows[0]?.n ?? 0, ...tally };
      },
      close: async () => {
        clearInterval(drainTimer);
        await closeServer(server);
        await fake.close();
        await database.close();
        // pg's pool.end() resolves before its connections have closed; dropping WITH (FORCE) at
        // once would kill them mid-close and crash this process from an idle client's 'error'.
        await new Promise((r) => setTimeout(r, 250));
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop().catch(() => undefined);
    throw error;
  }
}

/** One Slack member owning O-1 with KR-1, created through the real use-cases with the ids the load uses. */
async function seed(deps: UseCaseDeps): Promise<void> {
  const actor = await identifyMember(deps.db, {
    platform: 'slack',
    workspaceExternalId: BENCH_TEAM,
    workspaceName: 'Bench',
    userExternalId: BENCH_USER,
    displayName: 'Bench User',
    timeZone: 'UTC',
    locale: 'en',
  });
  for (const text of ['new "Benchmark objective"', 'kr add O-1 "Count check-ins from 0 to 1000000"']) {
    const cmd = parseCommand('okr', text);
    if (!cmd.ok) throw new Error(`bench seed: cannot parse ${text}: ${JSON.stringify(cmd.error)}`);
    const r = await runCommand(deps, actor, cmd.value);
    if (!r.ok) throw new Error(`bench seed: ${text} failed: ${JSON.stringify(r.error)}`);
  }
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Memory once garbage is gone. V8 hands the pages a full GC freed back to the OS in the
 * background, so rss read right after gc() still counts them (after this load: ~330 MB read at
 * once vs ~140 MB 100 ms later); two GCs, each followed by a pause, settle it.
 */
async function settledMemory(): Promise<{ rssBeforeGc: number; memory: NodeJS.MemoryUsage }> {
  const rssBeforeGc = process.memoryUsage.rss();
  for (let i = 0; i < 2; i++) {
    global.gc?.();
    await new Promise((r) => setTimeout(r, 200));
  }
  return { rssBeforeGc, memory: process.memoryUsage() };
}

function reply(message: ChildReply): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const mode = process.argv.find((a) => a.startsWith('--mode='))?.slice('--mode='.length);
  if (mode !== 'full' && mode !== 'bare') throw new Error('usage: slack-server --mode=full|bare');
  const running = mode === 'full' ? await startFull() : await startBare();
  const cpuAtReady = process.cpuUsage();
  let closing: Promise<void> | undefined;
  const shutdown = () => (closing ??= running.close());
  process.on('message', (message: unknown) => {
    if (message === 'memory') {
      const cpu = process.cpuUsage(cpuAtReady);
      void settledMemory().then((m) => reply({ type: 'memory', ...m, cpuMsSinceReady: (cpu.user + cpu.system) / 1000 }));
    } else if (message === 'count') {
      running.counts().then(
        (counts) => reply({ type: 'count', counts }),
        (e: unknown) => reply({ type: 'error', message: String(e) }),
      );
    } else if (message === 'stop') {
      shutdown().then(
        () => process.exit(0),
        (e: unknown) => {
          console.error(e);
          process.exit(1);
        },
      );
    }
  });
  // The parent died without 'stop': still drop the scratch database.
  process.on('disconnect', () => void shutdown().finally(() => process.exit(0)));
  reply(running.responseUrlBase === undefined ? { type: 'ready', port: running.port } : { type: 'ready', port: running.port, responseUrlBase: running.responseUrlBase });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    reply({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    console.error(error);
    process.exit(1);
  });
}
