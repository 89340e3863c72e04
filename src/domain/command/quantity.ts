import type { Quantity } from './command';
import { trimPunct } from './text';

const CURRENCIES = '¥$€£';
/** Multipliers are powers of ten, applied as an exponent so `1.1k` is exactly 1100, not 1100.0000000000002. */
const LATIN_EXPONENTS: Readonly<Record<string, number>> = { k: 3, m: 6, b: 9, bn: 9 };
const HAN_EXPONENTS: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };
const SUFFIX_UNITS: Readonly<Record<string, string>> = {
  '%': '%',
  元: '¥',
  块: '¥',
  人民币: '¥',
  美元: '$',
  欧元: '€',
  英镑: '£',
};
/** Larger values are typos or attacks, and lose integer precision anyway. */
const MAX_MAGNITUDE = 1e15;
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?/;
const LATIN_MULTIPLIER = /^(bn|k|m|b)(?![\p{L}])/iu;
const HAN_MULTIPLIER = /^[十百千万亿]{1,3}/u;
const UNIT_WORD = /^[\p{L}°][\p{L}\p{M}/_°²³]{0,15}$/u;

interface Prefix {
  readonly sign: 1 | -1;
  readonly currency?: string;
  readonly rest: string;
}

/** Sign and currency come in either order: `-$5`, `$-5`, `+¥30`. */
function readPrefix(s: string): Prefix {
  let sign: 1 | -1 = 1;
  let signSeen = false;
  let currency: string | undefined;
  let i = 0;
  for (let pass = 0; pass < 2; pass++) {
    const c = s.charAt(i);
    if (!signSeen && (c === '+' || c === '-' || c === '−')) {
      sign = c === '+' ? 1 : -1;
      signSeen = true;
      i++;
    } else if (currency === undefined && c !== '' && CURRENCIES.includes(c)) {
      currency = c;
      i++;
    }
  }
  return currency === undefined ? { sign, rest: s.slice(i) } : { sign, currency, rest: s.slice(i) };
}

function readMultiplier(s: string): { exponent: number; rest: string } {
  const latin = LATIN_MULTIPLIER.exec(s);
  if (latin) return { exponent: LATIN_EXPONENTS[latin[1]!.toLowerCase()] ?? 0, rest: s.slice(latin[0].length) };
  const han = HAN_MULTIPLIER.exec(s);
  if (!han) return { exponent: 0, rest: s };
  let exponent = 0;
  for (const ch of han[0]) exponent += HAN_EXPONENTS[ch] ?? 0;
  return { exponent, rest: s.slice(han[0].length) };
}

/** The unit after the number, reconciled with a currency prefix; `null` when they contradict. */
function readUnit(rest: string, currency: string | undefined): string | undefined | null {
  if (rest === '') return currency;
  const suffix = SUFFIX_UNITS[rest];
  if (suffix !== undefined) return currency === undefined || currency === suffix ? suffix : null;
  if (currency !== undefined || !UNIT_WORD.test(rest)) return null;
  return rest;
}

/**
 * Reads a number as people type it in chat: `45`, `1,200`, `1.2k`, `3M`, `3万`, `2亿`, `¥30`, `30元`,
 * `45%`, `200ms`, full-width `４５`. A leading sign is kept (`-3` is -3). Returns null for anything
 * else, including NaN, Infinity and magnitudes above 1e15.
 */
export function parseQuantity(token: string): Quantity | null {
  const s = trimPunct(token.normalize('NFKC').trim());
  if (s.length === 0 || s.length > 64) return null;
  const prefix = readPrefix(s);
  const num = NUMBER.exec(prefix.rest);
  if (!num) return null;
  const intPart = (num[1] ?? '').replace(/,/g, '');
  const fracPart = num[2] ?? '';
  if (intPart === '' && fracPart === '') return null;
  const { exponent, rest } = readMultiplier(prefix.rest.slice(num[0].length));
  const unit = readUnit(rest, prefix.currency);
  if (unit === null) return null;
  const magnitude = Number(`${intPart || '0'}.${fracPart || '0'}e${exponent}`);
  if (!Number.isFinite(magnitude) || magnitude > MAX_MAGNITUDE) return null;
  const value = magnitude === 0 ? 0 : prefix.sign * magnitude;
  return unit === undefined ? { value } : { value, unit };
}

/** Whether the token was typed with an explicit sign, which makes it a delta in `update`. */
export const hasExplicitSign = (token: string): boolean => /^[¥$€£]?[+\-−]/.test(token.normalize('NFKC').trim());
