import { fail } from '../result';
import type { ParseError, ParseErrorCode, UsageId } from './command';
import { shorten } from './text';
import { onlySeparators, type Token } from './tokenize';

/** The arguments after the verb: their tokens and the string they index into. */
export interface Args {
  readonly source: string;
  readonly tokens: readonly Token[];
}

export type Failure = { readonly ok: false; readonly error: ParseError };

/** Builds a parse failure; the token is shortened because it is echoed back to the user. */
export const parseError = (code: ParseErrorCode, usage: UsageId, token?: string): Failure =>
  fail(token === undefined ? { code, usage } : { code, usage, token: shorten(token) });

/**
 * Free text from token `index` to the end, exactly as typed (inner spacing and quotes kept), or the
 * content of a lone quoted string; undefined if empty.
 */
export function restText(args: Args, index: number): string | undefined {
  const first = args.tokens[index];
  if (!first) return undefined;
  if (index === args.tokens.length - 1 && first.quoted && !first.unterminated) return first.text.trim() || undefined;
  const text = args.source.slice(first.start).trim();
  return text === '' ? undefined : text;
}

/**
 * Text made of several positional tokens: a lone quoted token is its content, otherwise the raw
 * source of the tokens (runs separated by options are joined with one space).
 */
export function joinedText(source: string, tokens: readonly Token[]): string | undefined {
  const [only] = tokens;
  if (tokens.length === 1 && only?.quoted) return only.text.trim() || undefined;
  const parts: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  let prev: Token | undefined;
  for (const t of tokens) {
    if (prev === undefined || !onlySeparators(source.slice(prev.end, t.start))) {
      if (runStart >= 0) parts.push(source.slice(runStart, runEnd));
      runStart = t.start;
    }
    runEnd = t.end;
    prev = t;
  }
  if (runStart >= 0) parts.push(source.slice(runStart, runEnd));
  const text = parts.join(' ').trim();
  return text === '' ? undefined : text;
}

/** The first token left open by a missing closing quote, if any. */
export const unterminated = (tokens: readonly Token[]): Token | undefined => tokens.find((t) => t.unterminated);

/** No more arguments expected from `index` on. */
export function extraAt(args: Args, index: number, usage: UsageId): Failure | undefined {
  const t = args.tokens[index];
  return t ? parseError('extra_argument', usage, t.text) : undefined;
}

/** Drops undefined fields so commands compare and serialise without `key: undefined` noise. */
export const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
