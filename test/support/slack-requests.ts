import { createHmac, randomBytes } from 'node:crypto';

// Correctly signed requests to the app's Slack endpoint (platform-facts A1–A3), shaped like the real
// payloads so Bolt routes them. Signature verification is exercised, never disabled.
//
// Bolt's HTTPReceiver compares Content-Type *exactly* with 'application/x-www-form-urlencoded' (no
// charset); anything else is parsed as JSON (→ 400). So every form post here sets that exact header.
// Longer than ~200 lines because each payload builder spells out the full Slack shape.

export interface SlackRequestOptions {
  signingSecret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Override to test bad signatures. */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  body: string;
  /** The parsed body when it is JSON. */
  json?: unknown;
  headers: Record<string, string>;
}

export const TEST_TEAM_ID = 'T0TEST';
export const TEST_CHANNEL_ID = 'C0CHAN';
export const TEST_APP_ID = 'A0TEST';
export const TEST_VERIFICATION_TOKEN = 'legacy-verification-token';
const FORM = 'application/x-www-form-urlencoded';

/** `v0=` + hex HMAC-SHA256 of `v0:${timestamp}:${rawBody}` keyed with the signing secret (A1). */
export function sign(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** POSTs `rawBody` with Slack's signature headers; the building block of the helpers below. */
export async function postSigned(
  appUrl: string,
  rawBody: string,
  contentType: string,
  opts: SlackRequestOptions,
): Promise<SlackResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(appUrl, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': opts.signature ?? sign(opts.signingSecret, timestamp, rawBody),
      ...opts.headers,
    },
    body: rawBody,
  });
  const body = await res.text();
  const headers = Object.fromEntries(res.headers.entries());
  let json: unknown;
  try {
    json = body === '' ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  return json === undefined ? { status: res.status, body, headers } : { status: res.status, body, json, headers };
}

let triggerSeq = 0;
/** Unique, realistic-looking trigger ids (`398738663015.47445629121.803a0b…`). */
export function newTriggerId(): string {
  triggerSeq += 1;
  return `${Date.now()}${triggerSeq}.47445629121.${randomBytes(16).toString('hex')}`;
}

export function postSlashCommand(
  appUrl: string,
  opts: SlackRequestOptions & {
    command: '/okr' | '/kpi';
    text: string;
    userId: string;
    teamId?: string;
    channelId?: string;
    responseUrl: string;
    triggerId?: string;
    userName?: string;
  },
): Promise<SlackResponse> {
  const channelId = opts.channelId ?? TEST_CHANNEL_ID;
  const form = new URLSearchParams({
    token: TEST_VERIFICATION_TOKEN,
    team_id: opts.teamId ?? TEST_TEAM_ID,
    team_domain: 'testteam',
    channel_id: channelId,
    channel_name: channelId.startsWith('D') ? 'directmessage' : 'okrs',
    user_id: opts.userId,
    user_name: opts.userName ?? opts.userId.toLowerCase(),
    command: opts.command,
    text: opts.text,
    api_app_id: TEST_APP_ID,
    is_enterprise_install: 'false',
    response_url: opts.responseUrl,
    trigger_id: opts.triggerId ?? newTriggerId(),
  });
  return postSigned(appUrl, form.toString(), FORM, opts);
}

/** Interactivity: form-encoded with one `payload` field holding the JSON (A2). */
export function postInteraction(appUrl: string, payload: object, opts: SlackRequestOptions): Promise<SlackResponse> {
  return postSigned(appUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, opts);
}

/** An `event_callback` envelope; `retryNum`/`retryReason` set X-Slack-Retry-Num/-Reason (A3). */
export function postEvent(
  appUrl: string,
  event: object,
  opts: SlackRequestOptions & { eventId: string; teamId?: string; retryNum?: number; retryReason?: string },
): Promise<SlackResponse> {
  const teamId = opts.teamId ?? TEST_TEAM_ID;
  const envelope = {
    token: TEST_VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: TEST_APP_ID,
    event,
    type: 'event_callback',
    event_id: opts.eventId,
    event_time: opts.timestamp ?? Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(`${teamId}:${opts.eventId}`).toString('base64url')}`,
  };
  const retryHeaders: Record<string, string> = {};
  if (opts.retryNum !== undefined) {
    retryHeaders['X-Slack-Retry-Num'] = String(opts.retryNum);
    retryHeaders['X-Slack-Retry-Reason'] = opts.retryReason ?? 'http_timeout';
  }
  return postSigned(appUrl, JSON.stringify(envelope), 'application/json', {
    ...opts,
    headers: { ...retryHeaders, ...opts.headers },
  });
}

function userAndTeam(userId: string, teamId: string) {
  return {
    team: { id: teamId, domain: 'testteam' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    api_app_id: TEST_APP_ID,
    token: TEST_VERIFICATION_TOKEN,
    enterprise: null,
    is_enterprise_install: false,
  };
}

export function viewSubmission(opts: {
  userId: string;
  teamId?: string;
  callbackId: string;
  values: Record<string, Record<string, unknown>>;
  privateMetadata?: string;
  viewId?: string;
  triggerId?: string;
}): object {
  const teamId = opts.teamId ?? TEST_TEAM_ID;
  const viewId = opts.viewId ?? `V${randomBytes(5).toString('hex').toUpperCase()}`;
  return {
    type: 'view_submission',
    ...userAndTeam(opts.userId, teamId),
    trigger_id: opts.triggerId ?? newTriggerId(),
    view: {
      id: viewId,
      team_id: teamId,
      type: 'modal',
      blocks: [],
      private_metadata: opts.privateMetadata ?? '',
      callback_id: opts.callbackId,
      state: { values: opts.values },
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      title: { type: 'plain_text', text: 'OKR', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: { type: 'plain_text', text: 'Save', emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: TEST_APP_ID,
      external_id: '',
      app_installed_team_id: teamId,
      bot_id: 'B0BOT',
    },
    response_urls: [],
  };
}

/**
 * A `block_actions` payload. With `view` (Home tab or modal) the container is the view and there is
 * no channel unless `channelId` is given; otherwise it is a message in `channelId` (default C0CHAN).
 * `response_url` is only present when `responseUrl` is given (Bolt then offers `respond`).
 */
export function blockAction(opts: {
  userId: string;
  teamId?: string;
  actionId: string;
  value?: string;
  triggerId?: string;
  responseUrl?: string;
  channelId?: string;
  container?: object;
  view?: object;
  blockId?: string;
  /** Element type; default 'button'. */
  actionType?: string;
  /** For selects: the chosen option. */
  selectedOption?: { text: { type: 'plain_text'; text: string }; value: string };
}): object {
  const teamId = opts.teamId ?? TEST_TEAM_ID;
  const messageTs = '1700000000.000100';
  const view = opts.view as { id?: string } | undefined;
  const channelId = opts.channelId ?? (view ? undefined : TEST_CHANNEL_ID);
  const container =
    opts.container ??
    (view
      ? { type: 'view', view_id: view.id ?? 'V0VIEW' }
      : { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false });
  const action: Record<string, unknown> = {
    type: opts.actionType ?? 'button',
    action_id: opts.actionId,
    block_id: opts.blockId ?? `b-${opts.actionId}`,
    action_ts: `${(Date.now() / 1000).toFixed(6)}`,
  };
  if (action.type === 'button') action.text = { type: 'plain_text', text: opts.actionId, emoji: true };
  if (opts.value !== undefined) action.value = opts.value;
  if (opts.selectedOption !== undefined) action.selected_option = opts.selectedOption;
  return {
    type: 'block_actions',
    ...userAndTeam(opts.userId, teamId),
    container,
    trigger_id: opts.triggerId ?? newTriggerId(),
    ...(channelId !== undefined ? { channel: { id: channelId, name: 'okrs' } } : {}),
    ...(view ? { view } : { message: { type: 'message', user: 'U0BOT', bot_id: 'B0BOT', ts: messageTs, text: '', blocks: [] } }),
    ...(opts.responseUrl !== undefined ? { response_url: opts.responseUrl } : {}),
    state: { values: {} },
    actions: [action],
  };
}

/** A `block_suggestion` (external_select typeahead) from a modal; Bolt routes it to `app.options()`. */
export function blockSuggestion(opts: {
  userId: string;
  teamId?: string;
  actionId: string;
  blockId: string;
  value: string;
  callbackId: string;
}): object {
  const teamId = opts.teamId ?? TEST_TEAM_ID;
  const viewId = 'V0SUGGEST';
  return {
    type: 'block_suggestion',
    ...userAndTeam(opts.userId, teamId),
    container: { type: 'view', view_id: viewId },
    action_id: opts.actionId,
    block_id: opts.blockId,
    value: opts.value,
    view: {
      id: viewId,
      team_id: teamId,
      type: 'modal',
      callback_id: opts.callbackId,
      private_metadata: '',
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.suggest`,
      root_view_id: viewId,
      previous_view_id: null,
      app_id: TEST_APP_ID,
      external_id: '',
      bot_id: 'B0BOT',
    },
  };
}
