import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { Redis } from 'ioredis';
import pino from 'pino';
import { wecomCallbackRouter, type WecomCallbackOptions } from '../../src/wecom/callback-route';
import type { InboundMessage } from '../../src/wecom/inbound-message';
import { redisReplayGuard } from '../../src/wecom/replay-guard';
import { openTestRedis, type TestRedis } from '../support/test-redis';
import {
  encryptRawPlaintext,
  plaintextLayout,
  randomMsgId,
  randomSecrets,
  signedPost,
  signedVerification,
  templateCardEventXml,
  textMessageXml,
  type SignedRequest,
} from '../support/wecom-callbacks';

// The callback endpoint as WeCom meets it: a real express app on a random port, the Redis replay
// guard, signed and encrypted requests over HTTP. Every rejection must answer its status and
// never reach accept.

interface App {
  readonly url: string;
  readonly accepted: { msg: InboundMessage; key: string }[];
  /** Makes the next `n` accepts throw. */
  failNext(n: number): void;
  readonly logs: string[];
  close(): Promise<void>;
}

describe('WeCom callback endpoint', () => {
  let server: TestRedis;
  let redis: Redis;
  let apps: App[] = [];
  const secrets = randomSecrets();

  beforeAll(async () => {
    server = await openTestRedis();
    redis = new Redis(server.url);
  });

  afterEach(async () => {
    await Promise.all(apps.map((a) => a.close()));
    apps = [];
  });

  afterAll(async () => {
    redis.disconnect();
    await server.close();
  });

  let appCount = 0;
  async function startApp(options: Partial<WecomCallbackOptions> = {}): Promise<App> {
    const accepted: App['accepted'] = [];
    const logs: string[] = [];
    let failures = 0;
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    });
    const app = express();
    app.use(
      wecomCallbackRouter({
        secrets,
        // Each app its own key space, so tests never see each other's nonces or dedup keys.
        guard: redisReplayGuard(redis, `${server.prefix}:app${(appCount += 1)}`),
        logger: pino({ level: 'debug' }, sink),
        accept: async (msg, key) => {
          if (failures > 0) {
            failures -= 1;
            throw new Error('queue unavailable');
          }
          accepted.push({ msg, key });
        },
        ...options,
      }),
    );
    const http_ = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const handle: App = {
      url: `http://127.0.0.1:${(http_.address() as AddressInfo).port}/wecom/callback`,
      accepted,
      logs,
      failNext: (n) => {
        failures = n;
      },
      close: () => new Promise<void>((resolve) => http_.close(() => resolve())),
    };
    apps.push(handle);
    return handle;
  }

  const post = async (app: App, req: Pick<SignedRequest, 'query' | 'body'>) => {
    const res = await fetch(`${app.url}?${req.query}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: req.body });
    return { status: res.status, body: await res.text() };
  };
  const get = async (app: App, query: string) => {
    const res = await fetch(`${app.url}?${query}`);
    return { status: res.status, body: await res.text(), type: res.headers.get('content-type') };
  };

  describe('URL verification (GET)', () => {
    it('should answer the decrypted echostr exactly, as text/plain without a newline', async () => {
      const app = await startApp();
      const echo = '6254387612435876123';
      const res = await get(app, signedVerification(secrets, echo));
      expect(res).toEqual({ status: 200, body: echo, type: expect.stringMatching(/^text\/plain/) });
    });

    it('should answer the official sample request, %2F %2B %3D and all', async () => {
      const app = await startApp({
        secrets: { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wx5823bf96d3bd56c7' },
        now: () => 1409659589_000,
      });
      const query =
        'msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D';
      expect(await get(app, query)).toMatchObject({ status: 200, body: '1616140317555161061' });
      // A literal '+' (not %2B) must stay '+': express's own query parser would make it a space.
      expect(await get(app, query.replaceAll('%2B', '+'))).toMatchObject({ status: 200, body: '1616140317555161061' });
    });

    it('should answer 403 to a wrong signature, a foreign corp and a stale timestamp, and 400 without echostr', async () => {
      const app = await startApp();
      expect((await get(app, signedVerification(secrets, 'x', { signature: 'f'.repeat(40) }))).status).toBe(403);
      expect((await get(app, signedVerification(secrets, 'x', { receiveId: 'wwOTHER' }))).status).toBe(403);
      expect((await get(app, signedVerification(secrets, 'x', { timestamp: Math.floor(Date.now() / 1000) - 3600 }))).status).toBe(403);
      expect((await get(app, signedVerification(secrets, 'x').replace(/&echostr=[^&]*/, ''))).status).toBe(400);
    });
  });

  describe('messages (POST)', () => {
    it('should hand a text message to accept once, with its dedup key, and answer an empty 200', async () => {
      const app = await startApp();
      const msgId = randomMsgId();
      const res = await post(app, signedPost(secrets, textMessageXml({ content: '/okr update KR-12 45 有风险', msgId, fromUser: 'lisi' })));
      expect(res).toEqual({ status: 200, body: '' });
      expect(app.accepted).toEqual([
        { msg: { kind: 'text', fromUser: 'lisi', createTime: expect.any(String), msgId, content: '/okr update KR-12 45 有风险', agentId: '1000002' }, key: `wecom:${secrets.corpId}:1000002:${msgId}` },
      ]);
    });

    it('should hand on a template card event with its selections', async () => {
      const app = await startApp();
      const selected = [
        { questionKey: 'confidence', optionIds: ['at_risk'] },
        { questionKey: 'krs', optionIds: ['KR-1', 'KR-2', 'KR-3'] },
      ];
      const res = await post(app, signedPost(secrets, templateCardEventXml({ eventKey: 'submit', taskId: 'checkin-42', cardType: 'multiple_interaction', selected })));
      expect(res.status).toBe(200);
      expect(app.accepted[0]?.msg).toMatchObject({ kind: 'card_event', eventKey: 'submit', taskId: 'checkin-42', cardType: 'multiple_interaction', selected });
    });

    it("should answer WeCom's retries of a message 200 without a second accept", async () => {
      const app = await startApp();
      const xml = textMessageXml({ content: 'hello', msgId: randomMsgId() });
      // Each retry is signed anew (new nonce), so only the dedup key can tell.
      for (let i = 0; i < 3; i += 1) expect(await post(app, signedPost(secrets, xml))).toEqual({ status: 200, body: '' });
      const click = templateCardEventXml({ createTime: '1700000000' });
      for (let i = 0; i < 2; i += 1) expect((await post(app, signedPost(secrets, click))).status).toBe(200);
      expect(app.accepted).toHaveLength(2);
    });

    it('should take the official sample message', async () => {
      const app = await startApp({
        secrets: { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wx5823bf96d3bd56c7' },
        now: () => 1409659813_000,
      });
      const body =
        '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>';
      const res = await post(app, { query: 'msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149', body });
      expect(res.status).toBe(200);
      expect(app.accepted.map((a) => a.msg)).toEqual([{ kind: 'text', fromUser: 'mycreate', createTime: '1409659813', msgId: '4561255354251345929', content: 'hello', agentId: '218' }]);
    });

    it('should answer 500 when accept throws, and take the same request when WeCom retries it', async () => {
      const app = await startApp();
      const req = signedPost(secrets, textMessageXml({ content: 'retry me' }));
      app.failNext(1);
      expect(await post(app, req)).toEqual({ status: 500, body: '' });
      expect(app.accepted).toHaveLength(0);
      expect(await post(app, req)).toEqual({ status: 200, body: '' });
      expect(app.accepted.map((a) => a.msg)).toEqual([expect.objectContaining({ content: 'retry me' })]);
    });
  });

  describe('rejections', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const text = () => textMessageXml({ content: 'secret plan', msgId: randomMsgId() });
    const layoutWithBadPadding = () => {
      const layout = plaintextLayout(text(), secrets.corpId);
      const n = 32 - (layout.length % 32);
      // The last byte says n, the others are 0: @wecom/crypto strips n bytes and finds our corp id.
      return encryptRawPlaintext(secrets.encodingAesKey, Buffer.concat([layout, Buffer.from([...Array<number>(n - 1).fill(0), n])]));
    };
    const flipLastBlock = (ct: string) => {
      const bytes = Buffer.from(ct, 'base64');
      bytes[bytes.length - 20]! ^= 0x5a;
      return bytes.toString('base64');
    };
    const bomb = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><xml><FromUserName>u</FromUserName><MsgType>text</MsgType><Content>&c;</Content><MsgId>1</MsgId></xml>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><FromUserName>u</FromUserName><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>2</MsgId></xml>`;

    const cases: [string, number, () => Pick<SignedRequest, 'query' | 'body'>][] = [
      ['a wrong signature', 403, () => signedPost(secrets, text(), { signature: '0'.repeat(40) })],
      ['a signature by another token', 403, () => signedPost({ ...secrets, token: 'someoneElse' }, text())],
      ['a foreign receive id', 403, () => signedPost(secrets, text(), { receiveId: 'wwATTACKER' })],
      ['another key', 403, () => signedPost({ ...secrets, encodingAesKey: randomSecrets().encodingAesKey }, text())],
      ['corrupted ciphertext (re-signed)', 403, () => signedPost(secrets, text(), { mutateCiphertext: flipLastBlock })],
      ['truncated ciphertext (re-signed)', 403, () => signedPost(secrets, text(), { mutateCiphertext: (ct) => Buffer.from(ct, 'base64').subarray(16).toString('base64') })],
      ['non-base64 ciphertext (re-signed)', 403, () => signedPost(secrets, text(), { mutateCiphertext: (ct) => `${ct.slice(0, 8)}*${ct.slice(9)}` })],
      ['bad padding the library accepts (re-signed)', 403, () => signedPost(secrets, '', { ciphertext: layoutWithBadPadding() })],
      ['a timestamp an hour old', 403, () => signedPost(secrets, text(), { timestamp: now() - 3600 })],
      ['a timestamp an hour ahead', 403, () => signedPost(secrets, text(), { timestamp: now() + 3600 })],
      ['a timestamp that is no number', 403, () => signedPost(secrets, text(), { timestamp: 'soon' })],
      ['an XML bomb (signed and encrypted)', 400, () => signedPost(secrets, bomb)],
      ['an external entity (signed and encrypted)', 400, () => signedPost(secrets, xxe)],
      ['a DTD in the envelope', 400, () => signedPost(secrets, text(), { body: (ct) => `<!DOCTYPE xml [<!ENTITY e "${ct}">]><xml><Encrypt>&e;</Encrypt></xml>` })],
      ['malformed plaintext XML', 400, () => signedPost(secrets, '<xml><FromUserName>u</xml>')],
      ['a malformed envelope', 400, () => signedPost(secrets, text(), { body: (ct) => `<xml><Encrypt>${ct}</Encrypt>` })],
      ['an envelope without Encrypt', 400, () => signedPost(secrets, text(), { body: () => '<xml><ToUserName>x</ToUserName></xml>' })],
      ['an empty body', 400, () => ({ ...signedPost(secrets, text()), body: '' })],
      ['no msg_signature', 400, () => { const r = signedPost(secrets, text()); return { ...r, query: r.query.replace(/msg_signature=[^&]*&/, '') }; }],
      ['a repeated nonce parameter', 400, () => { const r = signedPost(secrets, text()); return { ...r, query: `${r.query}&nonce=1` }; }],
      ['a body over 64 kB', 413, () => signedPost(secrets, textMessageXml({ content: 'x'.repeat(70_000) }))],
    ];

    it.each(cases)('should refuse %s with %i and never call accept', async (_name, status, build) => {
      const app = await startApp();
      expect(await post(app, build())).toEqual({ status, body: '' });
      expect(app.accepted).toHaveLength(0);
      expect(app.logs.join('')).toMatch(/"level":40.*wecom callback rejected/);
    });

    it('should refuse a replayed request (same nonce and timestamp) with 403', async () => {
      const app = await startApp();
      const req = signedPost(secrets, text());
      expect((await post(app, req)).status).toBe(200);
      expect(await post(app, req)).toEqual({ status: 403, body: '' });
      // Even a different message under a used nonce: the pair was spent.
      const other = signedPost(secrets, text(), { nonce: req.nonce, timestamp: req.timestamp });
      expect((await post(app, other)).status).toBe(403);
      expect(app.accepted).toHaveLength(1);
    });

    it('should accept timestamps within the window either way', async () => {
      const app = await startApp({ maxSkewSeconds: 60 });
      expect((await post(app, signedPost(secrets, text(), { timestamp: now() - 50 }))).status).toBe(200);
      expect((await post(app, signedPost(secrets, text(), { timestamp: now() + 50 }))).status).toBe(200);
      expect((await post(app, signedPost(secrets, text(), { timestamp: now() - 120 }))).status).toBe(403);
    });
  });

  it('should never log the token, the AES key, the ciphertext or the message', async () => {
    const app = await startApp();
    const content = 'confidential-okr-content-1234';
    const good = signedPost(secrets, textMessageXml({ content }));
    await post(app, good);
    await post(app, good); // replayed
    await post(app, signedPost(secrets, textMessageXml({ content }), { receiveId: 'wwOTHER' }));
    app.failNext(1);
    await post(app, signedPost(secrets, textMessageXml({ content })));
    const logs = app.logs.join('');
    expect(logs).toContain('wecom callback rejected');
    for (const secret of [secrets.token, secrets.encodingAesKey, good.ciphertext.slice(0, 24), content]) expect(logs).not.toContain(secret);
  });

  it('should refuse to start with a malformed EncodingAESKey', () => {
    expect(() =>
      wecomCallbackRouter({ secrets: { ...secrets, encodingAesKey: 'short' }, guard: redisReplayGuard(redis, server.prefix), accept: async () => undefined, logger: pino({ level: 'silent' }) }),
    ).toThrow(/EncodingAESKey/);
  });
});

describe('redisReplayGuard', () => {
  let server: TestRedis;
  let redis: Redis;

  beforeAll(async () => {
    server = await openTestRedis();
    redis = new Redis(server.url);
  });

  afterAll(async () => {
    redis.disconnect();
    await server.close();
  });

  it('should let exactly one of many concurrent claims win, until released', async () => {
    const guard = redisReplayGuard(redis, server.prefix);
    const wins = await Promise.all(Array.from({ length: 20 }, () => guard.claim('k1', 60)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await redis.ttl(`${server.prefix}:k1`)).toBeGreaterThan(55);
    await guard.release('k1');
    expect(await guard.claim('k1', 60)).toBe(true);
  });

  it('should let a claim lapse after its TTL', async () => {
    const guard = redisReplayGuard(redis, server.prefix);
    expect(await guard.claim('k2', 1)).toBe(true);
    expect(await guard.claim('k2', 1)).toBe(false);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await guard.claim('k2', 1)).toBe(true);
  });
});
