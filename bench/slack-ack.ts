import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sign } from '../test/support/slack-requests';
import { BENCH_SIGNING_SECRET, BENCH_TEAM, BENCH_USER, type ChildReply, type WorkCounts } from './slack-bench-shared';

// Ack latency of `/okr update` over signed HTTP: the production web app (real database write)
// next to a bare Bolt app that only acks, each in its own child process, under the same open-loop
// load from this process: a new request every 1000/rate ms whether or not earlier ones answered.

const WARMUP_SECONDS = 2;
const ACK_TARGET_MS = 250;
const ACK_VS_BARE = 1.5;
const RSS_VS_BARE = 2;
const FORM = 'application/x-www-form-urlencoded';

export interface SlackAckOptions {
  /** Requests per second. */
  readonly rate?: number;
  /** Measured seconds, after the warm-up. */
  readonly seconds?: number;
}

interface LoadResult {
  readonly sent: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  /** A few distinct failure descriptions, for the report. */
  readonly errorKinds: readonly string[];
}

interface ModeResult extends LoadResult {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly rssBeforeGc: number;
  /** The child's CPU time per request (user + system, startup excluded). */
  readonly cpuMsPerRequest: number;
  /** What the app did by the time it went idle (full mode; zeros for bare). */
  readonly work: WorkCounts;
  /** Requests sent including the warm-up. */
  readonly total: number;
}

/** Runs the bare app, then ours; prints a line each and the verdicts. Returns whether all targets were met. */
export async function runSlackAckBench(options: SlackAckOptions = {}): Promise<boolean> {
  const rate = options.rate ?? 100;
  const seconds = options.seconds ?? (process.env.BENCH_QUICK === '1' ? 10 : 30);
  console.log(
    `/okr update ack latency: ${rate} req/s for ${seconds} s after a ${WARMUP_SECONDS} s warm-up, open loop, signed HTTP over keep-alive; ` +
      'each app in its own process',
  );
  if (!(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL)) {
    console.log('  skipped: needs BENCH_DATABASE_URL or DATABASE_URL (the real PostgreSQL server)');
    return false;
  }
  const bare = await runMode('bare', rate, seconds);
  printLine('bare Bolt app (ack only)', bare);
  const full = await runMode('full', rate, seconds);
  printLine('okr-bot web app (/okr update)', full);

  const ackLimit = Math.min(ACK_VS_BARE * bare.p99, ACK_TARGET_MS);
  const ackPass = full.p99 <= ackLimit && full.errors === 0;
  const w = full.work;
  const workPass = w.checkIns >= full.total && w.replies >= full.total && w.failedReplies === 0;
  const rssPass = full.rss <= RSS_VS_BARE * bare.rss;
  console.log(
    `  ack p99 ${ms(full.p99)} ms | target ≤ ${ACK_VS_BARE} × bare p99 (${ms(ACK_VS_BARE * bare.p99)} ms) and ≤ ${ACK_TARGET_MS} ms, no errors` +
      `  ${ackPass ? 'OK' : 'OVER'}`,
  );
  console.log(
    `  work behind the acks: ${w.checkIns} check-ins written, ${w.replies} replies posted (${w.failedReplies} failures), ` +
      `${w.apiCalls} Web API calls, for ${full.total} requests incl. warm-up  ${workPass ? 'OK' : 'INCOMPLETE'}`,
  );
  console.log(
    `  web rss ${mb(full.rss)} MB | target ≤ ${RSS_VS_BARE} × bare rss (${mb(RSS_VS_BARE * bare.rss)} MB)  ${rssPass ? 'OK' : 'OVER'}`,
  );
  return ackPass && workPass && rssPass;
}

function printLine(name: string, r: ModeResult): void {
  const errors = r.errors === 0 ? 'errors 0' : `ERRORS ${r.errors} (${r.errorKinds.join('; ')})`;
  console.log(
    `  ${name.padEnd(30)} p50 ${ms(r.p50)} ms  p99 ${ms(r.p99)} ms  max ${ms(r.max)} ms  (n=${r.sent}, ${errors}; CPU ${r.cpuMsPerRequest.toFixed(2)} ms/req)` +
      `  | idle, after GC: rss ${mb(r.rss)} MB  heap ${mb(r.heapUsed)} / ${mb(r.heapTotal)} MB  (rss before GC ${mb(r.rssBeforeGc)} MB)`,
  );
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2)).padStart(7);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).padStart(6);

async function runMode(mode: 'bare' | 'full', rate: number, seconds: number): Promise<ModeResult> {
  const child = new Child(fork(path.join(__dirname, 'slack-server.js'), [`--mode=${mode}`], { execArgv: ['--expose-gc'] }));
  try {
    const ready = await child.request(undefined, 'ready', 120_000);
    const url = `http://127.0.0.1:${ready.port}/slack/events`;
    const responseUrlBase = ready.responseUrlBase ?? 'http://127.0.0.1:9/response-url/';
    const agent = new http.Agent({ keepAlive: true });
    let load: LoadResult;
    try {
      load = await openLoop(url, responseUrlBase, agent, rate, seconds);
    } finally {
      agent.destroy();
    }
    const total = Math.round(rate * (WARMUP_SECONDS + seconds));
    // The work behind each ack (write, reply, Home tab) runs after it: let it finish, so the
    // counts are complete and memory is read with the app idle.
    const work = await idleCounts(child);
    const { memory, rssBeforeGc, cpuMsSinceReady } = await child.request('memory', 'memory', 30_000);
    return {
      ...load, total, work, rss: memory.rss, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, rssBeforeGc,
      cpuMsPerRequest: cpuMsSinceReady / total,
    };
  } finally {
    await child.stop();
  }
}

/** Polls the child's counts until they have not moved for a second (at most a minute). */
async function idleCounts(child: Child): Promise<WorkCounts> {
  let last = '';
  let still = 0;
  let counts: WorkCounts | undefined;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline && still < 4; ) {
    await new Promise((r) => setTimeout(r, 250));
    counts = (await child.request('count', 'count', 30_000)).counts;
    const key = JSON.stringify(counts);
    still = key === last ? still + 1 : 0;
    last = key;
  }
  return counts!;
}

/**
 * Sends `rate` requests a second for WARMUP_SECONDS + `seconds`, each on schedule (late timers
 * catch up) regardless of outstanding ones; times each from send to the end of the HTTP response
 * (the ack). Only requests scheduled after the warm-up count.
 */
function openLoop(url: string, responseUrlBase: string, agent: http.Agent, rate: number, seconds: number): Promise<LoadResult> {
  const target = new URL(url);
  const interval = 1000 / rate;
  const warmup = Math.round(rate * WARMUP_SECONDS);
  const total = warmup + Math.round(rate * seconds);
  const samples: number[] = [];
  const errorKinds = new Set<string>();
  let errors = 0;
  let sent = 0;
  let done = 0;

  return new Promise<LoadResult>((resolve) => {
    const finish = () => {
      samples.sort((a, b) => a - b);
      const at = (q: number) => samples[Math.min(samples.length - 1, Math.max(0, Math.ceil(q * samples.length) - 1))] ?? NaN;
      resolve({ sent: total - warmup, p50: at(0.5), p99: at(0.99), max: samples[samples.length - 1] ?? NaN, errors, errorKinds: [...errorKinds].slice(0, 3) });
    };
    const settle = (i: number, latency: number | undefined, error: string | undefined) => {
      if (i >= warmup) {
        if (error !== undefined) {
          errors += 1;
          errorKinds.add(error);
        } else if (latency !== undefined) samples.push(latency);
      }
      if (++done === total) finish();
    };
    const send = (i: number) => {
      const body = slashCommandBody(`update KR-1 ${i + 1}`, `${responseUrlBase}r${i}`);
      const timestamp = Math.floor(Date.now() / 1000);
      let settled = false;
      const once = (latency: number | undefined, error: string | undefined) => {
        if (settled) return;
        settled = true;
        settle(i, latency, error);
      };
      const t0 = performance.now();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          timeout: 10_000,
          headers: {
            'Content-Type': FORM,
            'Content-Length': Buffer.byteLength(body),
            'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
            'X-Slack-Request-Timestamp': String(timestamp),
            'X-Slack-Signature': sign(BENCH_SIGNING_SECRET, timestamp, body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => once(performance.now() - t0, res.statusCode === 200 ? undefined : `HTTP ${res.statusCode}`));
          res.on('error', (e) => once(undefined, e.message));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout after 10 s')));
      req.on('error', (e) => once(undefined, e.message));
      req.end(body);
    };
    const start = performance.now();
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) send(sent++);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
}

/** A slash command as Slack posts it (platform-facts A2), for the bench member and workspace. */
function slashCommandBody(text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'bench-verification-token',
    team_id: BENCH_TEAM,
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'okrs',
    user_id: BENCH_USER,
    user_name: 'bench',
    command: '/okr',
    text,
    api_app_id: 'A0BENCH',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${Date.now()}.47445629121.${randomBytes(16).toString('hex')}`,
  }).toString();
}

type Reply<T extends ChildReply['type']> = Extract<ChildReply, { type: T }>;

/** The parent's side of the IPC protocol with bench/slack-server.ts. */
class Child {
  private readonly waiting: { type: string; resolve(m: ChildReply): void; reject(e: Error): void }[] = [];
  private readonly exited: Promise<void>;
  private gone = false;

  constructor(private readonly proc: ChildProcess) {
    proc.on('message', (m: ChildReply) => {
      if (m.type === 'error') return this.failAll(new Error(`bench child failed: ${m.message}`));
      const i = this.waiting.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(m);
    });
    this.exited = new Promise<void>((resolve) => {
      proc.once('exit', (code, signal) => {
        this.gone = true;
        this.failAll(new Error(`bench child exited (${signal ?? code})`));
        resolve();
      });
    });
  }

  /** Sends `message` (if any) and resolves with the next reply of type `type`. */
  request<T extends ChildReply['type']>(message: string | undefined, type: T, timeoutMs: number): Promise<Reply<T>> {
    return new Promise<Reply<T>>((resolve, reject) => {
      if (this.gone) return reject(new Error('bench child is not running'));
      const timer = setTimeout(() => reject(new Error(`bench child: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Reply<T>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      if (message !== undefined) this.proc.send(message);
    });
  }

  async stop(): Promise<void> {
    if (!this.gone) {
      this.proc.send('stop');
      const killer = setTimeout(() => this.proc.kill('SIGKILL'), 30_000);
      await this.exited;
      clearTimeout(killer);
    }
  }

  private failAll(error: Error): void {
    for (const w of this.waiting.splice(0)) w.reject(error);
  }
}
