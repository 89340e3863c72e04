import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The real `npm start` program (compiled by `npm test`'s build step), driven through piped stdin
// on an embedded PGlite in a temporary DATA_DIR — what a newcomer gets on a clean clone.

const START = path.join(__dirname, '../../dist/src/main/start.js');
const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-e2e-'));
  dataDirs.push(dir);
  return dir;
}

function session(dataDir: string, lines: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: dataDir, DEFAULT_TIMEZONE: 'UTC' };
    const child = spawn(process.execPath, [START], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(lines.join('\n') + '\n');
  });
}

/** `recipient period` of every weekly prompt printed (`── … · DM to Alice` then `Weekly check-in — 2026-W48`). */
function promptsIn(out: string): string[] {
  return [...out.matchAll(/(?:DM to|私信给) (.+)\n(?:Weekly check-in|每周签到) — (\d{4}-W\d{2})/g)].map((m) => `${m[1]} ${m[2]}`);
}

/** The reply printed after the echoed command `> line`, up to the next echo. */
function replyTo(out: string, line: string): string {
  const start = out.indexOf(`> ${line}\n`);
  if (start < 0) throw new Error(`no echo of ${line} in:\n${out}`);
  const rest = out.slice(start + line.length + 3);
  const next = rest.search(/^> /m);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('console session (npm start, piped)', () => {
  it('should run a scripted OKR session and keep everything across a restart', async () => {
    const dir = freshDataDir();
    const first = await session(dir, [
      ':as Alice',
      '/okr new "Delight customers"',
      '/okr kr add O-1 "Raise NPS from 30 to 45"',
      '/okr kr add O-1 "Cut churn from 5% to 3%"',
      '/okr update KR-1 39 on-track survey done',
      '/okr update KR-2 4% at-risk',
      '/okr new "Personal: talk to 20 customers"',
      '/okr align O-2 O-1',
      '/okr kr add O-2 "Talk to customers from 0 to 20"',
      '/okr update KR-3 5',
      '/okr tree',
      '/okr show O-1',
      '/okr lagging',
    ]);
    expect(first.code).toBe(0);
    expect(first.err).not.toMatch(/error/i);
    // KR-1: (39-30)/(45-30) = 60 %; KR-2: (5-4)/(5-3) = 50 %; O-2 = KR-3 = 25 %;
    // O-1 = mean(60, 50, 25) = 45 %.
    expect(replyTo(first.out, '/okr update KR-1 39 on-track survey done')).toMatch(/60%/);
    expect(replyTo(first.out, '/okr update KR-2 4% at-risk')).toMatch(/50%/);
    const tree = replyTo(first.out, '/okr tree');
    expect(tree).toMatch(/O-1[^\n]*45%/);
    expect(tree).toMatch(/O-2[^\n]*25%/);
    const show = replyTo(first.out, '/okr show O-1');
    expect(show).toMatch(/KR-1/);
    expect(show).toMatch(/KR-2/);
    expect(show).toMatch(/O-2/);

    const second = await session(dir, [':as Alice', '/okr show KR-1', '/okr mine']);
    expect(second.code).toBe(0);
    expect(replyTo(second.out, '/okr show KR-1')).toMatch(/60%/);
    expect(replyTo(second.out, '/okr mine')).toMatch(/O-1[\s\S]*45%/);
  }, 60_000);

  it('should load the demo company and answer in Chinese', async () => {
    const run = await session(freshDataDir(), [':demo', ':as 王芳', '/okr team', '滞后', ':as Carol', '/okr update KR-8 99']);
    expect(run.code).toBe(0);
    expect(replyTo(run.out, ':demo')).not.toMatch(/went wrong|出错/);
    expect(replyTo(run.out, '/okr team')).toMatch(/销售部/);
    // Carol joins as a plain member and may not update 王芳's key result.
    expect(replyTo(run.out, '/okr update KR-8 99')).toMatch(/KR-8/);
    expect(replyTo(run.out, '/okr update KR-8 99')).not.toMatch(/99 /);
  }, 60_000);

  it('should move time on with :tick and print the week\'s prompts as they arrive, once', async () => {
    const run = await session(freshDataDir(), [':demo', ':as Alice', ':tick 8d', ':tick 2h', ':tick nonsense']);
    expect(run.code).toBe(0);
    const week = replyTo(run.out, ':tick 8d');
    // Every demo member with open key results hears from the scheduler within a week.
    expect(week).toMatch(/DM to Alice[\s\S]*Weekly check-in/);
    expect(week).toMatch(/⏩ It is now .*\. Messages that arrived: [1-9]\d*\./);
    const prompts = promptsIn(week);
    expect(prompts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(prompts).size).toBe(prompts.length);
    // Nothing is sent twice: two more hours bring no prompt already printed.
    const later = promptsIn(replyTo(run.out, ':tick 2h'));
    expect(later.filter((p) => prompts.includes(p))).toEqual([]);
    expect(replyTo(run.out, ':tick nonsense')).toMatch(/Usage: :tick/);
  }, 180_000);
});
