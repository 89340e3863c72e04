import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../logger';
import { AccessTokenCache } from './access-token';
import {
  DEFAULT_BACK_OFF,
  WecomApiError,
  WecomTransportError,
  backOffDelayMs,
  errcodeAction,
  type BackOffPolicy,
} from './wecom-errors';
import { departmentListSchema, toDepartment, toUser, userListSchema, userSchema, type WecomDepartment, type WecomUser } from './wecom-directory';
import { requestWecomJson, type WecomHttp } from './wecom-http';

export type { WecomDepartment, WecomUser };

export const WECOM_API_BASE_URL = 'https://qyapi.weixin.qq.com';

export interface WecomApiOptions {
  /** Default https://qyapi.weixin.qq.com; tests point it at test/support/fake-wecom-api.ts. */
  readonly baseUrl?: string;
  readonly corpId: string;
  readonly agentId: string;
  readonly secret: string;
  readonly redis: Redis;
  /** Redis key prefix; the token lives at `${prefix}:wecom:token:${corpId}:${agentId}`. */
  readonly prefix: string;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
  /** Per HTTP request (default 10 s). */
  readonly timeoutMs?: number;
  /** Retries for -1/45009/45033 (default 3 retries, 0.5 s doubling to 8 s, with jitter). */
  readonly backOff?: Partial<BackOffPolicy>;
}

export interface SentMessage {
  msgid: string;
  /** For interactive template cards: the code update_template_card needs (single use, 72 h). */
  responseCode: string | null;
  /** Recipients WeCom refused (left, not visible to the app); WeCom lower-cases them. */
  invalidUsers: string[];
}

export interface WecomAppChat {
  chatId: string;
  name: string;
  owner: string;
  userIds: string[];
}

export interface WecomApi {
  /** POST /cgi-bin/message/send; `agentid` is added. Pass `enable_duplicate_check: 1` to let WeCom drop repeats. */
  sendMessage(body: Record<string, unknown>): Promise<SentMessage>;
  /** POST /cgi-bin/message/update_template_card; `agentid` is added. */
  updateTemplateCard(body: Record<string, unknown>): Promise<void>;
  createAppChat(chat: { chatId: string; name: string; owner: string; userIds: string[] }): Promise<string>;
  updateAppChat(change: { chatId: string; name?: string; owner?: string; addUserIds?: string[]; removeUserIds?: string[] }): Promise<void>;
  getAppChat(chatId: string): Promise<WecomAppChat>;
  /** POST /cgi-bin/appchat/send (no template_card there: WeCom refuses it). */
  sendAppChat(body: Record<string, unknown>): Promise<void>;
  listDepartments(): Promise<WecomDepartment[]>;
  /** Members of a department and all its sub-departments (fetch_child=1). */
  listUsers(departmentId: string): Promise<WecomUser[]>;
  getUser(userId: string): Promise<WecomUser>;
}

interface ApiRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body?: Record<string, unknown>;
}

const sendResultSchema = z.object({
  msgid: z.string().optional(),
  response_code: z.string().optional(),
  invaliduser: z.string().optional(),
});
const appChatSchema = z.object({
  chat_info: z.object({ chatid: z.string(), name: z.string().optional(), owner: z.string().optional(), userlist: z.array(z.string()).optional() }),
});

/** The outbound WeCom client of one app: typed calls, shared token, errcode policy (platform-facts B4). */
export function createWecomApi(options: WecomApiOptions): WecomApi {
  const { logger, corpId, agentId } = options;
  const http: Omit<WecomHttp, 'secrets'> = {
    baseUrl: options.baseUrl ?? WECOM_API_BASE_URL,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  const backOff: BackOffPolicy = { ...DEFAULT_BACK_OFF, ...options.backOff };
  const tokens = new AccessTokenCache({ ...options, http });
  // WeCom's agentid is an integer; a config value that isn't one is passed through for WeCom to reject.
  const agentid: number | string = /^\d+$/.test(agentId) ? Number(agentId) : agentId;

  async function call(request: ApiRequest): Promise<Record<string, unknown>> {
    let tokenRefreshed = false;
    let retries = 0;
    for (;;) {
      let token: string | null = null;
      try {
        token = await tokens.get();
        const json = await requestWecomJson(
          { ...http, secrets: [options.secret, token] },
          { method: request.method, path: request.path, query: { ...request.query, access_token: token }, body: request.body },
        );
        const errcode = typeof json.errcode === 'number' ? json.errcode : 0;
        if (errcode === 0) return json;
        throw new WecomApiError(request.path, errcode, typeof json.errmsg === 'string' ? json.errmsg : '');
      } catch (error) {
        // WeCom may drop a token before expires_in: fetch a new one once, then let the error stand.
        if (error instanceof WecomApiError && error.path === request.path && errcodeAction(error.errcode) === 'refresh-token' && token !== null && !tokenRefreshed) {
          tokenRefreshed = true;
          await tokens.invalidate(token);
          continue;
        }
        if (shouldBackOff(error, request.method) && retries < backOff.maxRetries) {
          const delayMs = backOffDelayMs(retries, backOff);
          retries += 1;
          logger.warn({ corpId, agentId, path: request.path, error: summary(error), retry: retries, delayMs }, 'wecom call throttled or failed; backing off');
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          continue;
        }
        throw error;
      }
    }
  }

  async function callParsed<T extends z.ZodType>(schema: T, request: ApiRequest): Promise<z.output<T>> {
    const json = await call(request);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new WecomTransportError(request.path, 'bad-shape', parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', '));
    return parsed.data;
  }

  return {
    async sendMessage(body) {
      const r = await callParsed(sendResultSchema, { method: 'POST', path: '/cgi-bin/message/send', body: { ...body, agentid } });
      return {
        msgid: r.msgid ?? '',
        responseCode: r.response_code ? r.response_code : null,
        invalidUsers: (r.invaliduser ?? '').split('|').filter(Boolean),
      };
    },
    async updateTemplateCard(body) {
      await call({ method: 'POST', path: '/cgi-bin/message/update_template_card', body: { ...body, agentid } });
    },
    async createAppChat({ chatId, name, owner, userIds }) {
      const r = await callParsed(z.object({ chatid: z.string() }), {
        method: 'POST',
        path: '/cgi-bin/appchat/create',
        body: { chatid: chatId, name, owner, userlist: userIds },
      });
      return r.chatid;
    },
    async updateAppChat({ chatId, name, owner, addUserIds, removeUserIds }) {
      const body: Record<string, unknown> = { chatid: chatId };
      if (name !== undefined) body.name = name;
      if (owner !== undefined) body.owner = owner;
      if (addUserIds?.length) body.add_user_list = addUserIds;
      if (removeUserIds?.length) body.del_user_list = removeUserIds;
      await call({ method: 'POST', path: '/cgi-bin/appchat/update', body });
    },
    async getAppChat(chatId) {
      const { chat_info: c } = await callParsed(appChatSchema, { method: 'GET', path: '/cgi-bin/appchat/get', query: { chatid: chatId } });
      return { chatId: c.chatid, name: c.name ?? '', owner: c.owner ?? '', userIds: c.userlist ?? [] };
    },
    async sendAppChat(body) {
      await call({ method: 'POST', path: '/cgi-bin/appchat/send', body });
    },
    async listDepartments() {
      const r = await callParsed(departmentListSchema, { method: 'GET', path: '/cgi-bin/department/list' });
      return r.department.map(toDepartment);
    },
    async listUsers(departmentId) {
      const r = await callParsed(userListSchema, {
        method: 'GET',
        path: '/cgi-bin/user/list',
        query: { department_id: departmentId, fetch_child: '1' },
      });
      return r.userlist.map(toUser);
    },
    async getUser(userId) {
      return toUser(await callParsed(userSchema, { method: 'GET', path: '/cgi-bin/user/get', query: { userid: userId } }));
    },
  };
}

/**
 * Back off and retry in-process: the back-off errcodes (WeCom did nothing), and transport failures
 * of reads. A POST that timed out or got a 5xx may have been delivered, so it is thrown as a
 * retryable error for the job to decide (with enable_duplicate_check a retry is harmless).
 */
function shouldBackOff(error: unknown, method: 'GET' | 'POST'): boolean {
  if (error instanceof WecomApiError) return errcodeAction(error.errcode) === 'back-off';
  if (error instanceof WecomTransportError) return error.retryable && (method === 'GET' || error.failure === 'lock-wait');
  return false;
}

function summary(error: unknown): string {
  if (error instanceof WecomApiError) return `errcode ${error.errcode}`;
  if (error instanceof WecomTransportError) return error.failure;
  return error instanceof Error ? error.name : 'unknown';
}
