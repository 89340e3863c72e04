import { createQueues } from '../../src/jobs/queues';
import { createRedis } from '../../src/jobs/redis-connection';
import { upsertSchedules } from '../../src/jobs/schedules';

// One "worker boot" for the schedules race test: connects, waits for the common start instant
// (argv[4], epoch ms) so that all processes upsert at once, upserts, and exits.
async function main(): Promise<void> {
  const [url, prefix, startAt] = process.argv.slice(2) as [string, string, string];
  const connection = createRedis(url, { blocking: true });
  const queues = createQueues(connection, prefix);
  await queues.ticks.waitUntilReady();
  await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
  for (let i = 0; i < 5; i++) await upsertSchedules(queues, 300_000);
  await queues.close();
  connection.disconnect();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
