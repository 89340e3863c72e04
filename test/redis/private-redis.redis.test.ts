import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createLogger } from '../../src/logger';
import { startPrivateRedis } from '../../src/main/private-redis';

const logger = createLogger('silent');

/** Alive and not a zombie: a daemonized server's parent is init, which may never reap it in a container. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitUntilGone(pid: number): Promise<void> {
  while (isRunning(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('startPrivateRedis', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'okr-private-redis-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should start a redis-server on 127.0.0.1 that answers PING, with its files in DATA_DIR/redis', async () => {
    const server = await startPrivateRedis(dataDir, logger);
    const redis = new Redis(server.url);
    try {
      expect(server.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(await redis.ping()).toBe('PONG');
      expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      expect(await redis.config('GET', 'dir')).toEqual(['dir', await realpath(path.join(dataDir, 'redis'))]);
      expect(await redis.config('GET', 'save')).toEqual(['save', '']);
    } finally {
      redis.disconnect();
      await server.stop();
    }
  });

  it('should leave no process behind after stop(), and stop() twice is harmless', async () => {
    const server = await startPrivateRedis(dataDir, logger);
    const pid = Number(await readFile(path.join(dataDir, 'redis', 'redis.pid'), 'utf8'));
    expect(isRunning(pid)).toBe(true);
    const exitListeners = process.listenerCount('exit');
    await server.stop();
    await server.stop();
    expect(isRunning(pid)).toBe(false);
    expect(process.listenerCount('exit')).toBe(exitListeners - 1);
  });

  it('should kill redis-server when our process exits', async () => {
    const before = process.listeners('exit');
    const server = await startPrivateRedis(dataDir, logger);
    const pid = Number(await readFile(path.join(dataDir, 'redis', 'redis.pid'), 'utf8'));
    const added = process.listeners('exit').filter((l) => !before.includes(l));
    expect(added).toHaveLength(1);
    (added[0] as () => void)();
    await waitUntilGone(pid);
    expect(isRunning(pid)).toBe(false);
    await server.stop();
    expect(process.listeners('exit')).toEqual(before);
  });

  it('should say exactly how to get redis-server when PATH lacks it', async () => {
    const emptyBin = path.join(dataDir, 'empty-bin');
    await mkdir(emptyBin);
    const exitListeners = process.listenerCount('exit');
    const attempt = startPrivateRedis(dataDir, logger, { env: { PATH: emptyBin } });
    await expect(attempt).rejects.toThrow('redis-server was not found on PATH');
    await expect(attempt).rejects.toThrow('`apt-get install redis-server` (Debian/Ubuntu)');
    await expect(attempt).rejects.toThrow('`brew install redis` (macOS)');
    await expect(attempt).rejects.toThrow(/or set REDIS_URL/);
    expect(process.listenerCount('exit')).toBe(exitListeners);
  });

  it('should fail with the tail of the log when redis-server exits during start-up', async () => {
    const bin = path.join(dataDir, 'fake-bin');
    await mkdir(bin);
    await writeFile(path.join(bin, 'redis-server'), '#!/bin/sh\necho "*** FATAL CONFIG FILE ERROR: fake failure ***" >&2\nexit 1\n');
    await chmod(path.join(bin, 'redis-server'), 0o755);
    const attempt = startPrivateRedis(dataDir, logger, { env: { PATH: `${bin}:/usr/bin:/bin` } });
    await expect(attempt).rejects.toThrow(/exited during start-up \(code 1\)[\s\S]*FATAL CONFIG FILE ERROR: fake failure/);
  });

  it('should give up when redis-server never answers PING, and kill it', async () => {
    const bin = path.join(dataDir, 'fake-bin');
    await mkdir(bin);
    await writeFile(path.join(bin, 'redis-server'), '#!/bin/sh\necho "pretending to start" >&2\necho $$ > "$PIDHINT"\nexec sleep 30\n');
    await chmod(path.join(bin, 'redis-server'), 0o755);
    const pidHint = path.join(dataDir, 'fake.pid');
    const attempt = startPrivateRedis(dataDir, logger, { env: { PATH: `${bin}:/usr/bin:/bin`, PIDHINT: pidHint }, startTimeoutMs: 300 });
    await expect(attempt).rejects.toThrow(/did not answer PING on 127\.0\.0\.1:\d+ within 300 ms[\s\S]*pretending to start/);
    const pid = Number(await readFile(pidHint, 'utf8'));
    await waitUntilGone(pid);
    expect(isRunning(pid)).toBe(false);
  });

  it('should not mistake a server that took its port first for its own, and try other ports', async () => {
    // The fake starts a real, daemonized redis-server on the chosen port (the "other process"),
    // then idles without binding anything itself.
    const realRedis = execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
    const bin = path.join(dataDir, 'fake-bin');
    const foreign = path.join(dataDir, 'foreign');
    await mkdir(bin);
    await mkdir(foreign);
    await writeFile(path.join(bin, 'redis-server'), [
      '#!/bin/sh',
      'port=$4',
      `${realRedis} --bind 127.0.0.1 --port "$port" --daemonize yes --save '' --appendonly no --dir "${foreign}" --pidfile "${foreign}/$port.pid" --logfile "${foreign}/$port.log"`,
      'exec sleep 30',
      '',
    ].join('\n'));
    await chmod(path.join(bin, 'redis-server'), 0o755);
    try {
      const attempt = startPrivateRedis(dataDir, logger, { env: { PATH: `${bin}:/usr/bin:/bin` } });
      await expect(attempt).rejects.toThrow(/could not get 127\.0\.0\.1:\d+: another process took it first/);
      expect((await readdir(foreign)).filter((f) => f.endsWith('.pid'))).toHaveLength(3);
    } finally {
      for (const f of (await readdir(foreign)).filter((name) => name.endsWith('.pid'))) {
        const pid = Number(await readFile(path.join(foreign, f), 'utf8'));
        process.kill(pid, 'SIGTERM');
        await waitUntilGone(pid);
      }
    }
  });
});
