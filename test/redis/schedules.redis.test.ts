import { spawn } from 'node:child_process';
import path from 'node:path';
import { createQueues, type Queues } from '../../src/jobs/queues';
import { createRedis } from '../../src/jobs/redis-connection';
import { SCHEDULE } from '../../src/jobs/schedules';
import { openTestRedis, type TestRedis } from '../support/test-redis';

// The child runs from dist/ (npm test builds first), as a real worker process would.
const CHILD = path.join(__dirname, '../../dist/test/support/upsert-schedules.child.js');

let redis: TestRedis;
beforeAll(async () => {
  redis = await openTestRedis();
});
afterAll(() => redis.close());

function runChild(startAt: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, redis.url, redis.prefix, String(startAt)], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

it('should leave exactly one schedule per id when four processes upsert them at once, five times each', async () => {
  const startAt = Date.now() + 1_500;
  const codes = await Promise.all([0, 1, 2, 3].map(() => runChild(startAt)));
  expect(codes).toEqual([0, 0, 0, 0]);

  const connection = createRedis(redis.url, { blocking: true });
  const queues: Queues = createQueues(connection, redis.prefix);
  try {
    const schedulers = await queues.ticks.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([SCHEDULE.tick]);
    expect(schedulers[0]?.every).toBe(300_000);
    // One upcoming tick job, not one per upsert.
    const counts = await queues.ticks.getJobCounts('delayed', 'waiting', 'active', 'completed');
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
  } finally {
    await queues.close();
    connection.disconnect();
  }
}, 60_000);
