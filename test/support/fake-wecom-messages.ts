import { INTERACTIVE_CARD_TYPES, checkTemplateCard } from './fake-wecom-cards';
import { CONTENT_LIMIT_BYTES, SlidingWindows, truncateUtf8 } from './fake-wecom-limits';
import { fail, ok, record, str, type FakeAnswer, type FakeContext } from './fake-wecom-state';

// message/send and message/update_template_card as WeCom behaves (platform-facts B5).

/** "每个response_code只能调用一次…有效期为72小时" (update_template_card). */
export const RESPONSE_CODE_TTL_MS = 72 * 3_600_000;
/**
 * Answer for an unknown, used or expired response_code. WeCom's docs don't name the code; 40058
 * (不合法的参数) is the fake's stand-in, so tests should assert "non-zero", not this number.
 */
export const BAD_RESPONSE_CODE_ERRCODE = 40058;
const DEFAULT_DUPLICATE_INTERVAL_S = 1_800;
const MAX_DUPLICATE_INTERVAL_S = 4 * 3_600;

export interface MessageRoutes {
  send(body: Record<string, unknown>): FakeAnswer;
  updateTemplateCard(body: Record<string, unknown>): FakeAnswer;
  /** A response_code as WeCom puts it into a template_card_event callback. */
  issueResponseCode(userIds: string[], taskId: string): string;
}

export function createMessageRoutes(ctx: FakeContext): MessageRoutes {
  const { state } = ctx;
  // Per app and member at most 30 a minute and 1,000 an hour; WeCom drops the excess without an
  // error ("超过部分会被丢弃不下发", platform-facts B5).
  const perMember = new SlidingWindows([
    { windowMs: 60_000, max: 30, reason: 'member-per-minute' as const },
    { windowMs: 3_600_000, max: 1_000, reason: 'member-per-hour' as const },
  ]);
  /** user + message → when it was last delivered, for enable_duplicate_check. */
  const lastDelivered = new Map<string, number>();

  function issueResponseCode(userIds: string[], taskId: string): string {
    const code = ctx.nextId('rc');
    state.responseCodes.set(code, { taskId, userIds, issuedAt: ctx.now(), usedAt: null });
    return code;
  }

  function recipients(body: Record<string, unknown>): { valid: string[]; invalid: string[] } | FakeAnswer {
    if (body.toparty !== undefined || body.totag !== undefined) return fail(40058, 'the fake supports touser only');
    const users = state.directory.users;
    const wanted = str(body.touser) === '@all' ? users.map((u) => u.userid) : str(body.touser).split('|').filter(Boolean);
    if (wanted.length === 0) return fail(82001, 'touser, toparty and totag are all empty');
    if (wanted.length > 1_000) return fail(40032, 'invalid userid list size: at most 1000');
    if (users.length === 0) return { valid: [...new Set(wanted)], invalid: [] };
    const byLower = new Map(users.map((u) => [u.userid.toLowerCase(), u.userid]));
    const valid = [...new Set(wanted.flatMap((w) => byLower.get(w.toLowerCase()) ?? []))];
    const invalid = wanted.filter((w) => !byLower.has(w.toLowerCase())).map((w) => w.toLowerCase());
    if (valid.length === 0) return fail(81013, 'user & party & tag all invalid');
    return { valid, invalid };
  }

  function send(body: Record<string, unknown>): FakeAnswer {
    if (str(body.agentid) !== ctx.agentId) return fail(40056, 'invalid agentid');
    const msgtype = str(body.msgtype);
    const payload = record(body[msgtype]);
    if (msgtype === '' || payload === null) return fail(40008, `invalid message type "${msgtype}"`);
    const to = recipients(body);
    if ('errcode' in to) return to;

    let content: string | null = null;
    let card: Record<string, unknown> | null = payload;
    let responseCode: string | null = null;
    if (msgtype === 'text' || msgtype === 'markdown') {
      content = str(payload.content);
      card = null;
      if (content === '') return fail(44004, 'empty content');
      const bytes = Buffer.byteLength(content, 'utf8');
      if (bytes > CONTENT_LIMIT_BYTES) {
        ctx.violation('message/send', `${msgtype}.content bytes`, `${bytes} bytes, truncated to ${CONTENT_LIMIT_BYTES}`);
        content = truncateUtf8(content, CONTENT_LIMIT_BYTES);
      }
    } else if (msgtype === 'template_card') {
      const problem = checkTemplateCard(payload, state.taskIds);
      if (problem) {
        ctx.violation('message/send', `template_card ${problem.rule}`, problem.detail);
        return fail(40058, `invalid template_card: ${problem.detail}`);
      }
      if (payload.task_id !== undefined) state.taskIds.add(str(payload.task_id));
      if (INTERACTIVE_CARD_TYPES.has(str(payload.card_type))) responseCode = issueResponseCode(to.valid, str(payload.task_id));
    }

    const msgid = ctx.nextId('msg');
    const at = ctx.now();
    const duplicateWindowMs = body.enable_duplicate_check === 1 || body.enable_duplicate_check === '1'
      ? Math.min(Number(body.duplicate_check_interval ?? DEFAULT_DUPLICATE_INTERVAL_S), MAX_DUPLICATE_INTERVAL_S) * 1000
      : 0;
    const fingerprint = JSON.stringify([msgtype, payload]);
    for (const toUser of to.valid) {
      const key = `${toUser}\n${fingerprint}`;
      const last = lastDelivered.get(key);
      if (duplicateWindowMs > 0 && last !== undefined && at - last < duplicateWindowMs) {
        state.duplicatesSuppressed.push({ toUser, msgid, at });
        continue;
      }
      const over = perMember.take(toUser, at);
      if (over) {
        state.dropped.push({ toUser, reason: over, chatId: null, msgid, at });
        continue;
      }
      lastDelivered.set(key, at);
      state.messages.push({ toUser, msgtype, content, card, at, msgid });
    }
    return ok({
      invaliduser: to.invalid.join('|'), invalidparty: '', invalidtag: '', unlicenseduser: '', msgid,
      ...(responseCode ? { response_code: responseCode } : {}),
    });
  }

  function updateTemplateCard(body: Record<string, unknown>): FakeAnswer {
    if (str(body.agentid) !== ctx.agentId) return fail(40056, 'invalid agentid');
    const code = str(body.response_code);
    const issued = state.responseCodes.get(code);
    const now = ctx.now();
    if (!issued) return fail(BAD_RESPONSE_CODE_ERRCODE, 'invalid response_code');
    if (issued.usedAt !== null) return fail(BAD_RESPONSE_CODE_ERRCODE, 'response_code has been used');
    if (now - issued.issuedAt > RESPONSE_CODE_TTL_MS) return fail(BAD_RESPONSE_CODE_ERRCODE, 'response_code expired');
    const replaceName = str(record(body.button)?.replace_name);
    if (replaceName === '' && record(body.template_card) === null) return fail(40058, 'need button.replace_name or template_card');
    issued.usedAt = now;
    const userIds = Array.isArray(body.userids) ? body.userids.map(str) : issued.userIds;
    const updates = state.cardUpdates.get(issued.taskId) ?? [];
    updates.push({ responseCode: code, userIds, body, at: now });
    state.cardUpdates.set(issued.taskId, updates);
    return ok({ invaliduser: [] });
  }

  return { send, updateTemplateCard, issueResponseCode };
}
