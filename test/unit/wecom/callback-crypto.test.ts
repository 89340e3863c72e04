import { randomBytes } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import fc from 'fast-check';
import { assertEncodingAesKey, openEnvelope, verifySignature } from '../../../src/wecom/callback-crypto';
import { encryptRawPlaintext, plaintextLayout, randomSecrets } from '../../support/wecom-callbacks';

// The official vectors: WeCom's own callback samples (sbzhu/weworkapi_* callback samples, the
// 2014 ones with the URL-encoded echostr quoted in platform-facts B1, and the 2016 ones).
const OFFICIAL_2014 = {
  secrets: { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wx5823bf96d3bd56c7' },
  verify: {
    msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    timestamp: '1409659589',
    nonce: '263014780',
    echostr: decodeURIComponent('P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D'),
    plaintext: '1616140317555161061',
  },
  post: {
    msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
    timestamp: '1409659813',
    nonce: '1372623149',
    encrypt:
      'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
    plaintext:
      '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n' +
      '<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>',
  },
};
const OFFICIAL_2016 = {
  secrets: { token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', encodingAesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', corpId: 'ww1436e0e65a779aee' },
  verify: {
    msgSignature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
    timestamp: '1476416373',
    nonce: '47744683',
    echostr: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
    plaintext: '1288432023552776189',
  },
  post: {
    msgSignature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
    timestamp: '1476422779',
    nonce: '1597212914',
    encrypt:
      'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+',
    plaintext:
      '<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType>' +
      '<Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>',
  },
};

describe('WeCom callback crypto', () => {
  describe.each([
    ['2014', OFFICIAL_2014],
    ['2016', OFFICIAL_2016],
  ])('the official %s vectors', (_year, v) => {
    it('should verify and open the URL-verification echostr', () => {
      expect(verifySignature(v.secrets.token, v.verify.timestamp, v.verify.nonce, v.verify.echostr, v.verify.msgSignature)).toBe(true);
      expect(openEnvelope(v.secrets, v.verify, v.verify.echostr)).toEqual({ ok: true, value: v.verify.plaintext });
    });

    it('should verify and open the message callback', () => {
      expect(openEnvelope(v.secrets, v.post, v.post.encrypt)).toEqual({ ok: true, value: v.post.plaintext });
    });

    it('should reject the message under another corp id, and with another token', () => {
      expect(openEnvelope({ ...v.secrets, corpId: 'wwSOMEONEELSE' }, v.post, v.post.encrypt)).toEqual({ ok: false, error: 'foreign-receive-id' });
      expect(openEnvelope({ ...v.secrets, token: 'other' }, v.post, v.post.encrypt)).toEqual({ ok: false, error: 'bad-signature' });
    });
  });

  it("should round-trip: encrypt → sign → verify → decrypt gives back any message", () => {
    const secrets = randomSecrets();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }), (message, nonce) => {
        const timestamp = '1700000000';
        const encrypted = encrypt(secrets.encodingAesKey, message, secrets.corpId);
        const msgSignature = getSignature(secrets.token, timestamp, nonce, encrypted);
        expect(openEnvelope(secrets, { msgSignature, timestamp, nonce }, encrypted)).toEqual({ ok: true, value: message });
      }),
      { numRuns: 300 },
    );
  });

  it('should reject every single-character change of the signature', () => {
    const secrets = randomSecrets();
    const encrypted = encrypt(secrets.encodingAesKey, '<xml/>', secrets.corpId);
    const good = getSignature(secrets.token, '1700000000', 'n0nce', encrypted);
    fc.assert(
      fc.property(fc.nat({ max: good.length - 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), (at, char) => {
        fc.pre(good[at] !== char);
        const bad = good.slice(0, at) + char + good.slice(at + 1);
        expect(verifySignature(secrets.token, '1700000000', 'n0nce', encrypted, bad)).toBe(false);
        expect(openEnvelope(secrets, { msgSignature: bad, timestamp: '1700000000', nonce: 'n0nce' }, encrypted)).toEqual({ ok: false, error: 'bad-signature' });
      }),
      { numRuns: 500 },
    );
  });

  it('should reject signatures of the wrong length without throwing', () => {
    const s = randomSecrets();
    for (const bad of ['', 'abc', 'a'.repeat(41), '😀'.repeat(20)]) expect(verifySignature(s.token, '1', 'n', 'x', bad)).toBe(false);
  });

  describe('what @wecom/crypto lets through', () => {
    const secrets = randomSecrets('wwTESTCORP0001');
    const query = (encrypted: string) => ({ msgSignature: getSignature(secrets.token, '1700000000', 'n0nce', encrypted), timestamp: '1700000000', nonce: 'n0nce' });
    const open = (encrypted: string) => openEnvelope(secrets, query(encrypted), encrypted);
    const pad = (data: Buffer, bytes: number[]) => Buffer.concat([data, Buffer.from(bytes)]);
    /** The layout padded with `padBytes(n)` where n is the correct pad length. */
    const withPadding = (message: string, padBytes: (n: number) => number[]) => {
      const layout = plaintextLayout(message, secrets.corpId);
      return pad(layout, padBytes(32 - (layout.length % 32)));
    };

    it('should reject padding whose bytes are not all the pad length, though the library strips it', () => {
      const raw = withPadding('<xml>hi</xml>', (n) => [...Array<number>(n - 1).fill(0), n]);
      expect(open(encryptRawPlaintext(secrets.encodingAesKey, raw))).toEqual({ ok: false, error: 'malformed-plaintext' });
    });

    it('should reject a pad byte outside 1..32 (the library then strips nothing)', () => {
      const layout = plaintextLayout('<xml>hi</xml>', secrets.corpId);
      const raw = pad(layout, Array<number>(32 - (layout.length % 32)).fill(0));
      expect(open(encryptRawPlaintext(secrets.encodingAesKey, raw))).toEqual({ ok: false, error: 'foreign-receive-id' });
    });

    it('should reject ciphertext padded to 16 rather than 32 bytes', () => {
      const layout = plaintextLayout('<x/>hi', secrets.corpId); // 16 + 4 + 6 + 14 = 40 bytes
      const raw = pad(layout, Array<number>(8).fill(8)); // PKCS#7 to 16: 48 bytes, not a multiple of 32
      expect(open(encryptRawPlaintext(secrets.encodingAesKey, raw))).toEqual({ ok: false, error: 'undecryptable' });
    });

    it('should reject a msg_len that runs past the end or stops short', () => {
      const long = withPadding('<xml>hi</xml>', (n) => Array<number>(n).fill(n));
      long.writeUInt32BE(0xffff_ffff, 16);
      expect(open(encryptRawPlaintext(secrets.encodingAesKey, long))).toEqual({ ok: false, error: 'foreign-receive-id' });
      const short = withPadding('<xml>hi</xml>', (n) => Array<number>(n).fill(n));
      short.writeUInt32BE(3, 16);
      expect(open(encryptRawPlaintext(secrets.encodingAesKey, short))).toEqual({ ok: false, error: 'foreign-receive-id' });
    });

    it('should reject a message that is not UTF-8', () => {
      const layout = Buffer.concat([randomBytes(16), Buffer.from([0, 0, 0, 2, 0xc3, 0x28]), Buffer.from(secrets.corpId)]);
      const raw = pad(layout, Array<number>(32 - (layout.length % 32)).fill(32 - (layout.length % 32)));
      expect(open(encryptRawPlaintext(secrets.encodingAesKey, raw))).toEqual({ ok: false, error: 'malformed-plaintext' });
    });

    it('should reject truncated, garbled and non-base64 ciphertext without throwing', () => {
      const good = encrypt(secrets.encodingAesKey, '<xml><Content>hello</Content></xml>', secrets.corpId);
      const bytes = Buffer.from(good, 'base64');
      const lastBlockFlipped = Buffer.from(bytes);
      lastBlockFlipped[bytes.length - 20]! ^= 0xff;
      const cases = [
        '',
        good.slice(0, -4),
        bytes.subarray(0, bytes.length - 16).toString('base64'),
        bytes.subarray(0, 32).toString('base64'),
        lastBlockFlipped.toString('base64'),
        `${good.slice(0, 10)}!${good.slice(11)}`,
        `${good.slice(0, 10)} ${good.slice(10)}`,
        good.endsWith('=') ? good.replace(/=+$/, '') : `${good}==`,
        Buffer.alloc(32).toString('base64'),
      ];
      for (const bad of cases) {
        const result = open(bad);
        expect(result.ok).toBe(false);
        expect(['undecryptable', 'foreign-receive-id', 'malformed-plaintext']).toContain(result.ok ? '' : result.error);
      }
    });

    it('should reject ciphertext made with another key', () => {
      const other = randomSecrets(secrets.corpId);
      expect(open(encrypt(other.encodingAesKey, '<xml/>', secrets.corpId)).ok).toBe(false);
    });
  });

  it('should refuse malformed EncodingAESKeys up front', () => {
    expect(() => assertEncodingAesKey(randomSecrets().encodingAesKey)).not.toThrow();
    for (const bad of ['', 'short', 'a'.repeat(44), `${'a'.repeat(42)}!`]) expect(() => assertEncodingAesKey(bad)).toThrow(/EncodingAESKey/);
  });
});
