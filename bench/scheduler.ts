import { startFakeSlackApi } from '../test/support/fake-slack-api';
import { benchDelivery } from './scheduler-delivery';
import { benchPlanning } from './scheduler-planning';
import { openBenchRedis, PostTally, PRODUCTION } from './scheduler-rig';
import { benchStorm } from './scheduler-storm';
import { openBenchDb } from './support';

// The scheduler's three performance targets (issue 4): planning 10,000 prompts into the queue,
// delivery against a workspace's Slack budget, and one workspace's 429 storm not slowing another.
// Each next to a bare BullMQ / bare Slack client baseline measured in the same run.
// BENCH_QUICK=1: one planning run, and fewer messages to deliver.

export async function runSchedulerBench(): Promise<boolean> {
  const quick = process.env.BENCH_QUICK === '1';
  // The delivery worker runs at production concurrency, so it gets production's pool (10).
  const handle = await openBenchDb({ poolSize: 10 });
  const redis = await openBenchRedis();
  const fake = await startFakeSlackApi();
  const tally = new PostTally(fake);
  console.log(`on ${handle.label}, ${redis.label}; fake Slack in this process; delivery worker concurrency ${PRODUCTION.concurrency}`);
  let pass = true;
  try {
    pass = (await benchPlanning(handle.db, redis, quick)) && pass;
    pass = (await benchDelivery(handle.db, redis, fake, tally, quick)) && pass;
    pass = (await benchStorm(handle.db, redis, fake, tally, quick)) && pass;
  } finally {
    await fake.close();
    await redis.close();
    await handle.close();
  }
  return pass;
}
