import type http from 'node:http';
import { loadConfig } from '../src/config';
import { insertKpi } from '../src/db/kpi.repository';
import { createLogger } from '../src/logger';
import { createWebApp } from '../src/main/web-server';
import { systemClock } from '../src/ports/clock';
import { createApiToken } from '../src/use-cases/api-tokens';
import { seedWorkspace } from './seed';
import { measure, openBenchDb, type Timing } from './support';

// KPI readings per second through the REST API: 10,000 readings POSTed over HTTP in batches of
// 1,000 (validation, token lookup, one transaction per batch with the KPI's latest value, audit
// and the health hook), next to a bare multi-row INSERT of 10,000 rows into kpi_reading measured
// in the same run on the same server: the floor any ingest path pays.

const TOTAL = 10_000;
const BATCH = 1_000;
/** Rows per second the API must reach; a CRM nightly sync of 100,000 readings then takes seconds. */
const TARGET_ROWS_PER_SECOND = 5_000;

const rowsPerSecond = (t: Timing): number => Math.round(TOTAL / (t.median / 1000));

export async function runApiReadingsBench(): Promise<boolean> {
  const runs = process.env.BENCH_QUICK === '1' ? 3 : 7;
  const handle = await openBenchDb();
  const { db } = handle;
  const deps = { db, clock: systemClock };
  const ws = await seedWorkspace(db, 'bench-api', new Date());
  const kpi = await insertKpi(db, {
    workspaceId: ws.workspaceId, key: 'orders', name: 'Orders', unit: null, ownerId: ws.memberId, teamId: null, direction: 'up', target: 100,
    thresholdKind: 'at_least', greenMin: 100, greenMax: null, yellowMin: 80, yellowMax: null, frequency: 'daily',
  });
  const admin = { workspaceId: ws.workspaceId, memberId: ws.memberId, role: 'admin' as const, locale: 'en' as const, timeZone: 'UTC' };
  const created = await createApiToken(deps, admin, 'bench');
  if (!kpi || !created.ok || created.value.type !== 'api_token_created') throw new Error('bench setup failed');
  const token = created.value.token;
  const web = createWebApp(loadConfig({ DEFAULT_TIMEZONE: 'UTC', LOG_LEVEL: 'silent' }), deps, createLogger('silent'));
  const server: http.Server = await web.listen(0);
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v1/kpis/orders/readings`;
  const day = (i: number): string => new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
  const bodies = Array.from({ length: TOTAL / BATCH }, (_, b) =>
    JSON.stringify({ readings: Array.from({ length: BATCH }, (_, i) => ({ value: (b * BATCH + i) % 137, observedOn: day(b * BATCH + i) })) }),
  );
  try {
    const api = await measure(async () => {
      for (const body of bodies) {
        const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
        if (res.status !== 200) throw new Error(`API answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }
    }, runs, 1);
    // 5 columns × 10,000 rows = 50,000 parameters: one statement, under PostgreSQL's 65,535.
    const bare = await measure(async () => {
      const rows = Array.from({ length: TOTAL }, (_, i) => ({ workspace_id: ws.workspaceId, kpi_id: kpi.id, value: i % 137, observed_on: day(i), source: 'api' as const }));
      await db.insertInto('kpi_reading').values(rows).execute();
    }, runs, 1);
    const ours = rowsPerSecond(api);
    const floor = rowsPerSecond(bare);
    const pass = ours >= TARGET_ROWS_PER_SECOND;
    console.log(`KPI readings on ${handle.label}: ${TOTAL.toLocaleString('en')} per run, medians of ${runs} runs`);
    console.log(
      `${'API, 10 batches of 1,000 over HTTP'.padEnd(44)} median ${api.median.toFixed(0).padStart(6)} ms  ${ours.toLocaleString('en').padStart(9)} rows/s` +
        `  | target ≥ ${TARGET_ROWS_PER_SECOND.toLocaleString('en')} rows/s  ${pass ? 'OK' : 'UNDER'}`,
    );
    console.log(
      `${'bare multi-row INSERT of 10,000 rows'.padEnd(44)} median ${bare.median.toFixed(0).padStart(6)} ms  ${floor.toLocaleString('en').padStart(9)} rows/s` +
        `  | API at ${Math.round((100 * ours) / floor)} % of it`,
    );
    return pass;
  } finally {
    await web.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections?.();
    await handle.close();
  }
}

if (require.main === module) {
  runApiReadingsBench().then(
    (pass) => process.exit(pass ? 0 : 1),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
