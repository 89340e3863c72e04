import type { UseCaseDeps } from '../deps';
import { planCadencePrompts } from './plan-cadence-prompts';
import { planCheckInPrompts } from './plan-check-in-prompts';
import { planFollowUps } from './plan-follow-ups';
import { planTeamDigests } from './plan-team-digests';
import { runDailyLagScans } from './run-daily-lag-scans';
import { loadTickContext } from './tick-context';

export interface TickReport {
  readonly prompts: number;
  readonly reminders: number;
  readonly escalations: number;
  readonly digests: number;
  readonly lagAlerts: number;
  readonly cadence: number;
}

/**
 * One scheduler tick at the clock's now: plans whatever fell due since the last one into the
 * outbox. Every step is idempotent in PostgreSQL, so ticks may overlap, repeat or be missed.
 */
export async function runTick(deps: UseCaseDeps): Promise<TickReport> {
  const tick = await loadTickContext(deps);
  const prompts = await planCheckInPrompts(deps, tick);
  const { reminders, escalations } = await planFollowUps(deps, tick);
  const digests = await planTeamDigests(deps, tick);
  const lagAlerts = await runDailyLagScans(deps, tick);
  const cadence = await planCadencePrompts(deps, tick);
  return { prompts, reminders, escalations, digests, lagAlerts, cadence };
}
