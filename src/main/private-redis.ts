import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../logger';

export interface PrivateRedis {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  /** SHUTDOWN NOSAVE (SIGTERM, then SIGKILL, if it doesn't answer) and waits for the process to exit. Idempotent. */
  stop(): Promise<void>;
}

export interface PrivateRedisOptions {
  /** Environment for the child; its PATH is where `redis-server` is looked up. Default: process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** How long to wait for the first PONG. Default 5 s. */
  readonly startTimeoutMs?: number;
}

export const REDIS_SERVER_MISSING =
  'redis-server was not found on PATH. With REDIS_URL unset the bot starts a private Redis and needs it: ' +
  'install it with `apt-get install redis-server` (Debian/Ubuntu) or `brew install redis` (macOS), ' +
  'or set REDIS_URL to an existing Redis (for example REDIS_URL=redis://127.0.0.1:6379).';

const PORT_ATTEMPTS = 3;

/**
 * The local default (design.md §6): with REDIS_URL unset, a private redis-server from PATH on a
 * free 127.0.0.1 port, its files in `<dataDir>/redis`. Nothing is persisted (`--save ''`,
 * `--appendonly no`): queued jobs are a cache of work the database can recreate, and a local run
 * should never trip over a stale dump. The policy is `noeviction` because BullMQ loses jobs otherwise.
 *
 * The child runs in its own process group (`detached`), so a Ctrl-C in the terminal reaches only
 * us and Redis stays up while workers shut down gracefully; it is killed when our process exits.
 * A SIGKILL of our process can still orphan it (no portable parent-death signal in Node).
 */
export async function startPrivateRedis(dataDir: string, logger: Pick<Logger, 'info' | 'debug'>, options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    try {
      const redis = await launch(dir, port, options);
      logger.info({ url: redis.url, dir }, 'private redis-server started');
      return redis;
    } catch (error) {
      // Another process can take the port between our probe and redis-server's bind.
      if (!(error instanceof PortTakenError) || attempt >= PORT_ATTEMPTS) throw error;
      logger.debug({ port }, 'port taken before redis-server could bind it; trying another');
    }
  }
}

class PortTakenError extends Error {}

async function launch(dir: string, port: number, options: PrivateRedisOptions): Promise<PrivateRedis> {
  const logFile = path.join(dir, 'redis.log');
  // Truncated per start so a failure's log tail is about this attempt; stderr goes there too,
  // because redis-server reports bad arguments on stderr before it opens its log file.
  const logFd = openSync(logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn('redis-server', [
      '--bind', '127.0.0.1', '--port', String(port), '--dir', dir,
      '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--daemonize', 'no',
      '--pidfile', path.join(dir, 'redis.pid'), '--logfile', logFile,
    ], { env: options.env ?? process.env, stdio: ['ignore', logFd, logFd], detached: true });
  } finally {
    closeSync(logFd);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(REDIS_SERVER_MISSING) : error)));
  spawnError.catch(() => undefined);
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', killOnExit);
  child.unref();

  const fail = async (reason: string): Promise<never> => {
    killOnExit();
    if (!(await Promise.race([exited.then(() => true), delay(1000).then(() => false)]))) child.kill('SIGKILL');
    process.removeListener('exit', killOnExit);
    const tail = logTail(logFile);
    if (/Address already in use/i.test(`${reason}\n${tail}`)) throw new PortTakenError(`redis-server could not get 127.0.0.1:${port}: another process took it first`);
    throw new Error(`redis-server ${reason}. Last lines of ${logFile}:\n${tail || '(empty)'}`);
  };

  const timeoutMs = options.startTimeoutMs ?? 5000;
  const deadline = Date.now() + timeoutMs;
  const exitedEarly = exited.then(() => 'exited' as const);
  try {
    for (;;) {
      const outcome = await Promise.race([ping(port), exitedEarly, spawnError]);
      // A PONG may come from a server that took the port first; only ours will do.
      if (outcome === true && (await serverPid(port)) === child.pid) break;
      if (outcome === true) return await fail('lost the race for its port: Address already in use');
      if (outcome === 'exited') return await fail(`exited during start-up (${child.exitCode !== null ? `code ${child.exitCode}` : child.signalCode})`);
      if (Date.now() > deadline) return await fail(`did not answer PING on 127.0.0.1:${port} within ${timeoutMs} ms`);
      await delay(50, true);
    }
  } catch (error) {
    process.removeListener('exit', killOnExit);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          await send(port, 'SHUTDOWN NOSAVE').catch(() => undefined);
          if (!(await Promise.race([exited.then(() => true), delay(5000).then(() => false)]))) {
            child.kill('SIGTERM');
            if (!(await Promise.race([exited.then(() => true), delay(2000).then(() => false)]))) child.kill('SIGKILL');
            await exited;
          }
        }
        process.removeListener('exit', killOnExit);
      })();
      return stopping;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function ping(port: number): Promise<boolean> {
  const reply = await send(port, 'PING').catch(() => '');
  return reply.startsWith('+PONG');
}

async function serverPid(port: number): Promise<number | undefined> {
  const info = await send(port, 'INFO server').catch(() => '');
  const pid = /^process_id:(\d+)/m.exec(info)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/** One inline command on a fresh socket; resolves with its reply ('' if the server just closes). */
function send(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let reply = Buffer.alloc(0);
    socket.setTimeout(1000, () => socket.destroy(new Error('timeout')));
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk]);
      if (replyComplete(reply)) socket.end();
    });
    socket.once('error', reject);
    socket.once('close', () => resolve(reply.toString('utf8')));
  });
}

/** A simple (+, -, :) reply ends at its first CRLF; a bulk one ($n) after n more bytes and a CRLF. */
function replyComplete(reply: Buffer): boolean {
  const lineEnd = reply.indexOf('\r\n');
  if (lineEnd < 0) return false;
  if (reply[0] !== 0x24 /* $ */) return true;
  const length = Number(reply.subarray(1, lineEnd).toString('ascii'));
  return length < 0 || reply.length >= lineEnd + 2 + length + 2;
}

function logTail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Timers racing an exit are unref'd so they never hold a finished process open. The start-up poll
 * passes `keepAlive`: while we wait for redis-server (whose child handle is unref'd) nothing else
 * may keep the event loop alive, and the process would exit mid-start-up.
 */
function delay(ms: number, keepAlive = false): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (!keepAlive) timer.unref();
  });
}
