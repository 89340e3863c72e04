// What the fake WeCom API remembers, in WeCom's own wire shapes where tests feed it data
// (directory) and in plain records where tests read it back. See fake-wecom-api.ts.

/** A department as department/list returns it. */
export interface FakeDepartment {
  id: number;
  name: string;
  name_en?: string;
  parentid: number;
  order?: number;
  department_leader?: string[];
}

/** A member as user/get and user/list return it. */
export interface FakeUser {
  userid: string;
  name: string;
  department: number[];
  main_department?: number;
  /** 1 active, 2 disabled, 4 not activated, 5 left. */
  status?: number;
  enable?: number;
  direct_leader?: string[];
}

export interface FakeDirectory {
  departments: FakeDepartment[];
  /** When empty, message/send accepts any userid (tests that don't care about the directory). */
  users: FakeUser[];
}

export interface RecordedWecomCall {
  /** e.g. `message/send` (without /cgi-bin/). */
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  errcode: number;
  at: number;
}

export interface DeliveredMessage {
  toUser: string;
  msgtype: string;
  /** text / markdown content as delivered (after WeCom's truncation). */
  content: string | null;
  /** template_card (or any other msgtype's object). */
  card: Record<string, unknown> | null;
  at: number;
  msgid: string;
}

export interface DeliveredChatMessage {
  chatId: string;
  msgtype: string;
  content: string | null;
  card: Record<string, unknown> | null;
  /** Members it reached (members over their per-minute limit are in `dropped` instead). */
  recipients: string[];
  at: number;
}

/** A limit or rule WeCom enforces by truncating or failing; tests assert this stays empty. */
export interface Violation {
  path: string;
  rule: string;
  detail: string;
  at: number;
}

/** A message WeCom accepted (errcode 0) but silently did not deliver. */
export interface DroppedMessage {
  toUser: string;
  reason: 'member-per-minute' | 'member-per-hour' | 'appchat-member-per-minute';
  chatId: string | null;
  msgid: string | null;
  at: number;
}

export interface SuppressedDuplicate {
  toUser: string;
  msgid: string;
  at: number;
}

export interface CardUpdate {
  responseCode: string;
  userIds: string[];
  body: Record<string, unknown>;
  at: number;
}

export interface IssuedResponseCode {
  taskId: string;
  userIds: string[];
  issuedAt: number;
  usedAt: number | null;
}

export interface FakeChat {
  chatId: string;
  name: string;
  owner: string;
  userIds: string[];
}

export interface FakeWecomState {
  /** How many times gettoken was called (accepted or not). */
  gettokenCalls: number;
  /** Every API call after the token check, with the errcode it got (0 = accepted). */
  calls: RecordedWecomCall[];
  /** message/send deliveries, one per recipient. */
  messages: DeliveredMessage[];
  chatMessages: DeliveredChatMessage[];
  violations: Violation[];
  dropped: DroppedMessage[];
  duplicatesSuppressed: SuppressedDuplicate[];
  /** update_template_card calls per task id. */
  cardUpdates: Map<string, CardUpdate[]>;
  responseCodes: Map<string, IssuedResponseCode>;
  /** Template-card task ids already used (WeCom: unique per app). */
  taskIds: Set<string>;
  chats: Map<string, FakeChat>;
  directory: FakeDirectory;
}

export function createFakeWecomState(): FakeWecomState {
  return {
    gettokenCalls: 0,
    calls: [],
    messages: [],
    chatMessages: [],
    violations: [],
    dropped: [],
    duplicatesSuppressed: [],
    cardUpdates: new Map(),
    responseCodes: new Map(),
    taskIds: new Set(),
    chats: new Map(),
    directory: { departments: [], users: [] },
  };
}

/** What every route handler gets. */
export interface FakeContext {
  readonly state: FakeWecomState;
  readonly agentId: string;
  now(): number;
  nextId(prefix: string): string;
  violation(path: string, rule: string, detail: string): void;
}

export type FakeAnswer = Record<string, unknown> & { errcode: number; errmsg: string };

export const ok = (extra: Record<string, unknown> = {}): FakeAnswer => ({ errcode: 0, errmsg: 'ok', ...extra });
export const fail = (errcode: number, errmsg: string): FakeAnswer => ({ errcode, errmsg });

export function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

export function record(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
