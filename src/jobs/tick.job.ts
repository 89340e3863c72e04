import type { Logger } from '../logger';
import type { UseCaseDeps } from '../use-cases/deps';
import { runTick } from '../use-cases/scheduler/run-tick';
import { relayOutbox } from './outbox-relay';
import type { Queues } from './queues';

/**
 * The `tick` processor: plans what fell due into the outbox, then relays it at once rather than
 * waiting for the relay loop's next turn.
 */
export async function processTick(deps: UseCaseDeps, queues: Queues, logger: Logger): Promise<void> {
  const report = await runTick(deps);
  const relayed = await relayOutbox(deps.db, queues, () => deps.clock.now());
  if (Object.values(report).some((n) => n > 0)) logger.info({ ...report, relayed }, 'scheduler tick');
}
