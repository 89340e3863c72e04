// Errors from qyapi.weixin.qq.com and what to do about each (platform-facts B4). WeCom answers
// HTTP 200 with a JSON `errcode`; the code, never `errmsg`, decides ("开发者的程序应该根据errcode来
// 判断出错的情况，而不应该依赖errmsg来匹配").

/** What a caller should do after an errcode. */
export type ErrcodeAction = 'refresh-token' | 'back-off' | 'fail';

/** 40014 invalid, 41001 missing, 42001 expired access_token: WeCom may drop a token early. */
const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40014, 41001, 42001]);

/** -1 system busy ("建议重试次数不超过3次"), 45009 frequency limit, 45033 concurrency limit. */
const BACK_OFF_ERRCODES: ReadonlySet<number> = new Set([-1, 45009, 45033]);

// Codes meaning a recipient or chat is gone or out of the app's reach for good: retrying cannot
// help, so a job should stop (BullMQ UnrecoverableError) and the member/chat be marked. Each is in
// WeCom's global error code table (https://developer.work.weixin.qq.com/document/path/90313), as
// copied in zsmhub/workweixin `apis/api_error.go` and binarywang/WxJava `WxCpErrorMsgEnum.java`.
const PERMANENT_RECIPIENT_ERRCODES: ReadonlySet<number> = new Set([
  40003, // 无效的UserID
  40031, // 不合法的UserID列表 (a UserID is not in the directory)
  40050, // chatid不存在
  46004, // 指定的用户不存在
  49008, // 群已经解散
  50002, // 成员不在权限范围
  60011, // 指定的成员/部门/标签参数无权限 (also: appchat while visibility is not the root department)
  60021, // userid不在应用可见范围内
  60111, // UserID不存在
  81013, // UserID、部门ID、标签ID全部非法或无权限 (message/send: every recipient invalid)
  86003, // 参数 chatid 不存在
  86008, // 非法操作非自己创建的群
  86216, // 存在非法会话成员ID
  92000, // 成员不在应用可见范围之内
]);

export function errcodeAction(errcode: number): ErrcodeAction {
  if (TOKEN_ERRCODES.has(errcode)) return 'refresh-token';
  if (BACK_OFF_ERRCODES.has(errcode)) return 'back-off';
  return 'fail';
}

/** True for errcodes that say a recipient or chat is gone for good (see the table above). */
export function isPermanentRecipientError(errcode: number): boolean {
  return PERMANENT_RECIPIENT_ERRCODES.has(errcode);
}

/** A WeCom answer with a non-zero errcode. `retryable` follows the policy above. */
export class WecomApiError extends Error {
  override readonly name = 'WecomApiError';
  readonly retryable: boolean;

  constructor(
    /** The API path, e.g. `/cgi-bin/message/send` (never the full URL: it carries the token or secret). */
    readonly path: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeCom ${path} failed: errcode ${errcode} (${errmsg})`);
    this.retryable = errcodeAction(errcode) !== 'fail';
  }

  /** True when the recipient or chat is gone for good. */
  get permanentRecipient(): boolean {
    return isPermanentRecipientError(this.errcode);
  }
}

/** Why a call got no usable WeCom answer. */
export type TransportFailure = 'timeout' | 'network' | 'http-status' | 'bad-json' | 'bad-shape' | 'lock-wait';

/**
 * No usable answer: timeout, network error, 5xx, a body that is not JSON. These are retryable (a
 * BullMQ retry may well succeed); only an answer of the wrong shape is not, since it would fail the
 * same way again.
 */
export class WecomTransportError extends Error {
  override readonly name = 'WecomTransportError';
  readonly retryable: boolean;

  constructor(
    readonly path: string,
    readonly failure: TransportFailure,
    detail: string,
    readonly status: number | null = null,
  ) {
    super(`WeCom ${path}: ${failure}${status === null ? '' : ` (HTTP ${status})`}: ${detail}`);
    this.retryable = failure !== 'bad-shape' && !(failure === 'http-status' && status !== null && status < 500);
  }
}

/** Retryable per the policy: back-off errcodes, token errors, timeouts, 5xx, unparsable answers. */
export function isRetryableWecomError(error: unknown): boolean {
  return (error instanceof WecomApiError || error instanceof WecomTransportError) && error.retryable;
}

export interface BackOffPolicy {
  /** Retries after the first attempt for back-off errcodes (-1, 45009, 45033). */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_BACK_OFF: BackOffPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

/**
 * Exponential back-off with "equal jitter": half the step is fixed, half random, so several
 * processes throttled at the same moment don't all come back at the same moment.
 * @param retry 0 for the first retry
 */
export function backOffDelayMs(retry: number, policy: BackOffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(step / 2 + (random() * step) / 2);
}
