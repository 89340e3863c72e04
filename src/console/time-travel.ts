import type { AdjustableClock } from '../ports/clock';
import type { UseCaseDeps } from '../use-cases/deps';
import { deliverPending } from '../use-cases/delivery/deliver-pending';
import type { NotifierFor } from '../use-cases/delivery/deliver-outbox-row';
import { runTick } from '../use-cases/scheduler/run-tick';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
/** Longer jumps would take the console minutes of ticking. */
export const MAX_TRAVEL_MS = 8 * UNIT_MS.w;

/** `7d`, `36h`, `90m`, `2w` (also `1d12h`) in ms; null when it isn't a duration. */
export function parseDuration(text: string): number | null {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  if (!/^(\d+[mhdw])+$/.test(compact)) return null;
  let ms = 0;
  for (const [, n, unit] of compact.matchAll(/(\d+)([mhdw])/g)) ms += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return ms > 0 ? ms : null;
}

/**
 * Moves the console's clock forward tick by tick, running the scheduler as the worker would and
 * delivering what falls due through the console notifier, so prompts, reminders, digests and
 * alerts print in the order and at the times they would arrive. @returns how many arrived.
 */
export async function travel(deps: UseCaseDeps, clock: AdjustableClock, notifierFor: NotifierFor, ms: number, tickMs: number): Promise<number> {
  let arrived = 0;
  for (let left = ms; left > 0; left -= tickMs) {
    clock.advance(Math.min(tickMs, left));
    await runTick(deps);
    const outcomes = await deliverPending(deps, notifierFor);
    arrived += outcomes.filter((o) => o.status === 'sent').length;
  }
  return arrived;
}
