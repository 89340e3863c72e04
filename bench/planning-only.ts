import { benchPlanning } from './scheduler-planning';
import { openBenchRedis } from './scheduler-rig';
import { openBenchDb } from './support';

// Runs only the scheduler planning bench (issue 4), BENCH_REPEAT times (default 1) in one process,
// each repeat printing its own median next to the bare addBulk baseline of the same run. Tuning aid.

async function main(): Promise<void> {
  const repeat = Number(process.env.BENCH_REPEAT ?? 1);
  const redis = await openBenchRedis();
  try {
    for (let i = 0; i < repeat; i++) {
      // A fresh scratch database each time: the bench seeds its workspace under a fixed id.
      const handle = await openBenchDb({ poolSize: 10 });
      if (i === 0) console.log(`on ${handle.label}, ${redis.label}`);
      try {
        await benchPlanning(handle.db, redis, false);
      } finally {
        await handle.close();
      }
    }
  } finally {
    await redis.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
