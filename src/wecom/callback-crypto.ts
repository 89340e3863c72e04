import { timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { fail, ok, type Result } from '../domain/result';

// WeCom's callback crypto (platform-facts B1, B6) around @wecom/crypto, which only does the
// arithmetic: it never compares signatures, never checks the receive id, and neither bounds-checks
// msg_len nor the PKCS#7 padding. Everything it leaves out is done here.

export interface CallbackSecrets {
  /** The callback Token (≤32 letters/digits). */
  readonly token: string;
  /** The 43-character EncodingAESKey. */
  readonly encodingAesKey: string;
  /** The receive id every callback must carry: the corp id for a self-built app. */
  readonly corpId: string;
}

/** The signed query parameters of a callback, URL-decoded. */
export interface SignedQuery {
  readonly msgSignature: string;
  readonly timestamp: string;
  readonly nonce: string;
}

export type CallbackRejection =
  /** msg_signature is not sha1(sort(token, timestamp, nonce, encrypted)). */
  | 'bad-signature'
  /** Not base64 of whole 32-byte blocks, or AES/the layout failed. */
  | 'undecryptable'
  /** Decrypted fine, but for another corp (or a wrong key: then the id is garbage). */
  | 'foreign-receive-id'
  /** Decrypted to our corp id, but msg_len or the padding is not what WeCom writes. */
  | 'malformed-plaintext';

/** Constant-time check of `msgSignature` against the signature of the other four values. */
export function verifySignature(token: string, timestamp: string, nonce: string, encrypted: string, msgSignature: string): boolean {
  const expected = Buffer.from(getSignature(token, timestamp, nonce, encrypted), 'utf8');
  const given = Buffer.from(msgSignature, 'utf8');
  // timingSafeEqual throws on a length mismatch; the length of a sha1 hex digest is no secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Standard base64 with padding, as WeCom and @wecom/crypto write it (Node's decoder skips junk silently). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BLOCK = 32;

/**
 * Verifies and opens one encrypted callback value (the POST body's `<Encrypt>` or the GET
 * `echostr`) and returns its plaintext message.
 *
 * Sanity check of the plaintext: the library strips whatever the last byte claims as padding when
 * it is 1..32 (else nothing) and slices at any msg_len. So the decrypted parts are encrypted again
 * with the same random bytes and must give back exactly the received ciphertext: that holds only
 * for WeCom's layout (random ‖ msg_len ‖ msg ‖ receiveid) with correct PKCS#7 padding to 32 bytes
 * and a message that is valid UTF-8.
 */
export function openEnvelope(secrets: CallbackSecrets, query: SignedQuery, encrypted: string): Result<string, CallbackRejection> {
  if (!verifySignature(secrets.token, query.timestamp, query.nonce, encrypted, query.msgSignature)) return fail('bad-signature');
  if (encrypted.length === 0 || !BASE64.test(encrypted)) return fail('undecryptable');
  const ciphertext = Buffer.from(encrypted, 'base64');
  if (ciphertext.length % BLOCK !== 0) return fail('undecryptable');
  let opened: { message: string; id: string; random: Buffer };
  try {
    opened = decrypt(secrets.encodingAesKey, encrypted);
  } catch {
    // decipher.final(), or readUInt32BE past the end of a plaintext shorter than 20 bytes.
    return fail('undecryptable');
  }
  if (opened.id !== secrets.corpId) return fail('foreign-receive-id');
  const again = Buffer.from(encrypt(secrets.encodingAesKey, opened.message, opened.id, opened.random), 'base64');
  if (!again.equals(ciphertext)) return fail('malformed-plaintext');
  return ok(opened.message);
}

/**
 * Throws unless `encodingAesKey` is 43 base64 characters decoding to a 32-byte AES key; checked
 * when the router is built, so a misconfigured key fails at start-up rather than as a 403 on
 * every callback.
 */
export function assertEncodingAesKey(encodingAesKey: string): void {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey) || Buffer.from(`${encodingAesKey}=`, 'base64').length !== 32) {
    throw new Error('WeCom EncodingAESKey: expected 43 characters of base64 (letters and digits) encoding a 32-byte key');
  }
}
