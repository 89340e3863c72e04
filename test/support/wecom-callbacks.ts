import { createCipheriv, randomBytes } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import type { CallbackSecrets } from '../../src/wecom/callback-crypto';

// Correctly signed and encrypted WeCom callbacks (platform-facts B1, B7) built with @wecom/crypto,
// so the app's verify/decrypt path runs for real. Every option exists to break one thing at a time.

export type { CallbackSecrets };

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Fresh random secrets of the right shapes: a 32-letter token, a 43-character key, a ww… corp id. */
export function randomSecrets(corpId = `ww${randomBytes(8).toString('hex')}`): CallbackSecrets {
  return {
    token: Array.from(randomBytes(32), (b) => ALNUM[b % ALNUM.length]).join(''),
    encodingAesKey: Array.from(randomBytes(43), (b) => ALNUM[b % ALNUM.length]).join(''),
    corpId,
  };
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  readonly timestamp?: string | number;
  /** Default: 10 random digits, as WeCom sends. */
  readonly nonce?: string;
  /** Override the signature (bad-signature tests). */
  readonly signature?: string;
}

export interface PostOptions extends SignOptions {
  /** The receive id encrypted in; default secrets.corpId. */
  readonly receiveId?: string;
  /** The 16 random bytes; default random. */
  readonly random?: Buffer;
  /** Replaces the ciphertext before it is signed (corruption tests), so the signature still matches. */
  readonly mutateCiphertext?: (ciphertext: string) => string;
  /** Use this ciphertext as is (signed correctly), e.g. from encryptRawPlaintext. */
  readonly ciphertext?: string;
  /** The envelope's AgentID; default '1000002'. */
  readonly agentId?: string;
  /** Replaces the outer body entirely (envelope tests); the query is still signed over the ciphertext. */
  readonly body?: (ciphertext: string) => string;
}

export interface SignedRequest {
  /** `msg_signature=…&timestamp=…&nonce=…` (percent-encoded), without the '?'. */
  readonly query: string;
  /** The POST body: `<xml><ToUserName/><Encrypt/><AgentID/></xml>`. */
  readonly body: string;
  readonly ciphertext: string;
  readonly timestamp: string;
  readonly nonce: string;
}

const randomNonce = () => String(1_000_000_000 + Math.floor(Math.random() * 9_000_000_000));
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

function signedQuery(secrets: CallbackSecrets, encrypted: string, opts: SignOptions, extra: Record<string, string> = {}) {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? randomNonce();
  const signature = opts.signature ?? getSignature(secrets.token, timestamp, nonce, encrypted);
  const params = { msg_signature: signature, timestamp, nonce, ...extra };
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return { query, timestamp, nonce };
}

/** A POST callback carrying `plaintextXml`, encrypted for `secrets` and signed. */
export function signedPost(secrets: CallbackSecrets, plaintextXml: string, opts: PostOptions = {}): SignedRequest {
  let ciphertext = opts.ciphertext ?? encrypt(secrets.encodingAesKey, plaintextXml, opts.receiveId ?? secrets.corpId, opts.random ?? randomBytes(16));
  if (opts.mutateCiphertext) ciphertext = opts.mutateCiphertext(ciphertext);
  const { query, timestamp, nonce } = signedQuery(secrets, ciphertext, opts);
  const body = opts.body
    ? opts.body(ciphertext)
    : `<xml><ToUserName>${cdata(secrets.corpId)}</ToUserName><Encrypt>${cdata(ciphertext)}</Encrypt><AgentID>${cdata(opts.agentId ?? '1000002')}</AgentID></xml>`;
  return { query, body, ciphertext, timestamp, nonce };
}

/** The query string of a URL verification GET whose echostr decrypts to `echo`. */
export function signedVerification(secrets: CallbackSecrets, echo: string, opts: SignOptions & { receiveId?: string } = {}): string {
  const echostr = encrypt(secrets.encodingAesKey, echo, opts.receiveId ?? secrets.corpId);
  return signedQuery(secrets, echostr, opts, { echostr }).query;
}

/**
 * AES-256-CBC of exactly `plaintext` (no padding added), with WeCom's key and IV: for hand-made
 * layouts — bad padding, a lying msg_len. `plaintext.length` must be a multiple of 16.
 */
export function encryptRawPlaintext(encodingAesKey: string, plaintext: Buffer): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]).toString('base64');
}

/** random(16) ‖ msg_len(4, big-endian) ‖ msg ‖ receiveId, unpadded: WeCom's layout before PKCS#7. */
export function plaintextLayout(message: string, receiveId: string, opts: { random?: Buffer; msgLength?: number } = {}): Buffer {
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(opts.msgLength ?? msg.length);
  return Buffer.concat([opts.random ?? randomBytes(16), len, msg, Buffer.from(receiveId, 'utf8')]);
}

export interface TextMessageFields {
  readonly toUser?: string;
  readonly fromUser?: string;
  readonly createTime?: string | number;
  readonly content: string;
  readonly msgId?: string;
  readonly agentId?: string;
}

/** A decrypted text message (https://developer.work.weixin.qq.com/document/path/90239). */
export function textMessageXml(f: TextMessageFields): string {
  return [
    '<xml>',
    `<ToUserName>${cdata(f.toUser ?? 'wwTESTCORP')}</ToUserName>`,
    `<FromUserName>${cdata(f.fromUser ?? 'zhangsan')}</FromUserName>`,
    `<CreateTime>${f.createTime ?? Math.floor(Date.now() / 1000)}</CreateTime>`,
    `<MsgType>${cdata('text')}</MsgType>`,
    `<Content>${cdata(f.content)}</Content>`,
    `<MsgId>${f.msgId ?? randomMsgId()}</MsgId>`,
    `<AgentID>${f.agentId ?? '1000002'}</AgentID>`,
    '</xml>',
  ].join('\n');
}

export interface CardEventFields {
  readonly toUser?: string;
  readonly fromUser?: string;
  readonly createTime?: string | number;
  readonly eventKey?: string;
  readonly taskId?: string;
  readonly cardType?: string;
  readonly responseCode?: string;
  readonly agentId?: string;
  /** Omitted: no <SelectedItems> at all (button cards). */
  readonly selected?: ReadonlyArray<{ readonly questionKey: string; readonly optionIds: readonly string[] }>;
}

/** A decrypted template_card_event, laid out like the sample in document 90240. */
export function templateCardEventXml(f: CardEventFields = {}): string {
  const selected =
    f.selected === undefined
      ? []
      : [
          '<SelectedItems>',
          ...f.selected.map((item) =>
            [
              '<SelectedItem>',
              `<QuestionKey>${cdata(item.questionKey)}</QuestionKey>`,
              '<OptionIds>',
              ...item.optionIds.map((id) => `<OptionId>${cdata(id)}</OptionId>`),
              '</OptionIds>',
              '</SelectedItem>',
            ].join('\n'),
          ),
          '</SelectedItems>',
        ];
  return [
    '<xml>',
    `<ToUserName>${cdata(f.toUser ?? 'wwTESTCORP')}</ToUserName>`,
    `<FromUserName>${cdata(f.fromUser ?? 'zhangsan')}</FromUserName>`,
    `<CreateTime>${f.createTime ?? Math.floor(Date.now() / 1000)}</CreateTime>`,
    `<MsgType>${cdata('event')}</MsgType>`,
    `<Event>${cdata('template_card_event')}</Event>`,
    `<EventKey>${cdata(f.eventKey ?? 'check_in')}</EventKey>`,
    `<TaskId>${cdata(f.taskId ?? `task-${randomBytes(6).toString('hex')}`)}</TaskId>`,
    `<CardType>${cdata(f.cardType ?? 'button_interaction')}</CardType>`,
    `<ResponseCode>${cdata(f.responseCode ?? randomBytes(12).toString('hex'))}</ResponseCode>`,
    `<AgentID>${f.agentId ?? '1000002'}</AgentID>`,
    ...selected,
    '</xml>',
  ].join('\n');
}

/** A 19-digit MsgId, beyond Number.MAX_SAFE_INTEGER like real ones. */
export function randomMsgId(): string {
  return `${7_000_000_000 + Math.floor(Math.random() * 1_000_000_000)}${String(Math.floor(Math.random() * 1_000_000_000)).padStart(9, '0')}`;
}
