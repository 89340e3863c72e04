// What bench/slack-ack.ts (the load generator) and bench/slack-server.ts (the child) agree on.

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const BENCH_TEAM = 'T0BENCH';
export const BENCH_USER = 'U0BENCH';

/** Messages the child sends over IPC; the parent sends the strings 'memory', 'count' and 'stop'. */
export type ChildReply =
  | { type: 'ready'; port: number; responseUrlBase?: string }
  | { type: 'memory'; rssBeforeGc: number; memory: NodeJS.MemoryUsage; cpuMsSinceReady: number }
  | { type: 'count'; counts: WorkCounts }
  | { type: 'error'; message: string };

/** What the child's app has done so far: database writes and calls it made to the fake Slack. */
export interface WorkCounts {
  /** Rows in check_in. */
  readonly checkIns: number;
  /** Posts to response_url (the command replies). */
  readonly replies: number;
  /** Of those, replies reporting an unexpected failure. */
  readonly failedReplies: number;
  /** Web API calls (views.publish of the Home tab, ...). */
  readonly apiCalls: number;
}
