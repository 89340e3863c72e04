import type { Logger } from '../logger';

export interface HomeRefresher {
  /** Asks for a refresh of one member's Home tab; requests within the delay share one publish. */
  schedule(key: string, publish: () => Promise<void>): void;
  /** Drops pending refreshes (shutdown). */
  stop(): void;
}

/**
 * Coalesces Home tab refreshes per member. A Home tab re-renders the member's whole dashboard —
 * several queries and a large view — so doing it after every command would cost more than the
 * command itself and hold up other people's acks; one publish a couple of seconds after a burst
 * of changes shows the same result. Opening the tab always refreshes at once.
 */
export function createHomeRefresher(logger: Logger, delayMs = 2_000): HomeRefresher {
  const pending = new Map<string, NodeJS.Timeout>();
  return {
    schedule(key, publish) {
      if (pending.has(key)) return;
      const timer = setTimeout(() => {
        pending.delete(key);
        publish().catch((error) => logger.warn({ err: error }, 'home refresh failed'));
      }, delayMs);
      timer.unref();
      pending.set(key, timer);
    },
    stop() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
