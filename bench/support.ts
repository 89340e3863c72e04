import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDatabase, type DatabaseHandle } from '../src/db/create-db';
import { migrateToLatest } from '../src/db/migrate-to-latest';
import { createScratchDatabase } from '../test/support/scratch-database';

/**
 * A fresh, migrated database for one benchmark on the real PostgreSQL server named by
 * BENCH_DATABASE_URL or DATABASE_URL; without either, embedded PGlite (figures then say so).
 * `poolSize` (server only, default 4): the scheduler bench runs a delivery worker at production
 * concurrency and so asks for the production pool (10).
 */
export async function openBenchDb(options: { poolSize?: number } = {}): Promise<DatabaseHandle & { label: string }> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await createDatabase({});
    await migrateToLatest(handle.db);
    return { ...handle, label: 'PGlite (embedded; set DATABASE_URL for the real server)' };
  }
  const scratch = await createScratchDatabase(serverUrl, 'okr_bench');
  const url = new URL(scratch.url);
  const handle = await createDatabase({ databaseUrl: scratch.url, poolSize: options.poolSize ?? 4 });
  await migrateToLatest(handle.db);
  const version = await sql<{ server_version: string }>`SHOW server_version`.execute(handle.db);
  return {
    ...handle,
    label: `PostgreSQL ${version.rows[0]?.server_version ?? '?'} at ${url.host}`,
    close: async () => {
      await handle.close();
      // pg-pool's end() resolves before the last sockets have closed; DROP … WITH (FORCE) would
      // then terminate them and crash the process with an unhandled pool 'error'.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await scratch.drop();
    },
  };
}

export interface Timing {
  readonly median: number;
  readonly p90: number;
  readonly min: number;
  readonly runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns milliseconds. */
export async function measure(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { median: at(0.5), p90: at(0.9), min: samples[0]!, runs };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2)).padStart(9);

/** One line of the report: ours next to its baseline, and the target. */
export function report(name: string, ours: Timing, baseline: Timing, baselineName: string, targetMs: number): boolean {
  const pass = ours.median <= targetMs;
  console.log(
    `${name.padEnd(44)} median ${ms(ours.median)} ms  p90 ${ms(ours.p90)} ms  (n=${ours.runs})  | ${baselineName}: median ${ms(baseline.median)} ms` +
      `  | target ≤ ${targetMs} ms  ${pass ? 'OK' : 'OVER'}`,
  );
  return pass;
}
