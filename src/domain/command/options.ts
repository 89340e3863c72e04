import { ok, type Result } from '../result';
import { parseError } from './args';
import type { ParseError, UsageId } from './command';
import { fold } from './text';
import type { Token } from './tokenize';

/** `--name`; an em or en dash is accepted because macOS and phones turn `--` into `—`. */
const OPTION = /^(?:--|—|–|−−)([a-z][a-z0-9_-]{0,30})(?:=(.*))?$/su;

export interface ParsedOptions {
  /** Non-option tokens, in order. */
  readonly positional: readonly Token[];
  /** Canonical option name -> its value token. The last occurrence wins. */
  readonly values: ReadonlyMap<string, Token>;
}

/** Whether a token is an option name (so it cannot be the value of the option before it). */
const isOptionToken = (t: Token): boolean => !t.quoted && OPTION.test(fold(t.text));

/**
 * Splits `--flag value` pairs (and `--flag=value`) from positional tokens. `aliases` maps every
 * accepted spelling to its canonical name; anything else is `bad_option`.
 */
export function parseOptions(
  tokens: readonly Token[],
  aliases: Readonly<Record<string, string>>,
  usage: UsageId,
): Result<ParsedOptions, ParseError> {
  const positional: Token[] = [];
  const values = new Map<string, Token>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const m = t.quoted ? null : OPTION.exec(fold(t.text));
    if (!m) {
      positional.push(t);
      continue;
    }
    const name = aliases[m[1]!.replace(/_/g, '-')];
    if (name === undefined) return parseError('bad_option', usage, t.text);
    const inline = inlineValue(t);
    if (inline) {
      values.set(name, inline);
      continue;
    }
    const value = tokens[i + 1];
    if (!value || isOptionToken(value)) return parseError('missing_argument', usage, t.text);
    values.set(name, value);
    i++;
  }
  return ok({ positional, values });
}

/** `--weight=2`: the part after `=` as a token of its own, so offsets still point into the source. */
function inlineValue(t: Token): Token | undefined {
  const eq = t.text.indexOf('=');
  if (eq < 0 || eq === t.text.length - 1) return undefined;
  return { text: t.text.slice(eq + 1), start: t.start + eq + 1, end: t.end, quoted: false, unterminated: false };
}
