import { ok, type Result } from '../result';
import { extraAt, joinedText, parseError, unterminated, type Args } from './args';
import type { Command, ParseError } from './command';
import { codePointLength } from './text';

// API tokens (admins): `token new <name>`, `token list`, `token revoke <name>` (令牌 新建|列表|撤销).
// A name is a label people pick ("crm", "BI nightly"); it may be several words or quoted.

/** What `api_token.name` holds at most. */
export const MAX_TOKEN_NAME = 80;

function nameOf(args: Args, usage: 'token_new' | 'token_revoke'): Result<string, ParseError> {
  const open = unterminated(args.tokens);
  if (open) return parseError('unterminated_quote', usage, open.text);
  const name = joinedText(args.source, args.tokens);
  if (name === undefined) return parseError('missing_argument', usage);
  // Control characters would make the name unreadable in a list and unmatchable when revoking.
  if (/\p{Cc}/u.test(name)) return parseError('bad_option', usage, name);
  if (codePointLength(name) > MAX_TOKEN_NAME) return parseError('too_long', usage);
  return ok(name);
}

/** `token new crm`, `令牌 新建 "BI nightly"`. */
export function parseTokenNew(args: Args): Result<Command, ParseError> {
  const name = nameOf(args, 'token_new');
  return name.ok ? ok({ verb: 'token_new', name: name.value }) : name;
}

/** `token list`, `令牌 列表`. */
export const parseTokenList = (args: Args): Result<Command, ParseError> => extraAt(args, 0, 'token_list') ?? ok({ verb: 'token_list' });

/** `token revoke crm`, `令牌 撤销 crm`. */
export function parseTokenRevoke(args: Args): Result<Command, ParseError> {
  const name = nameOf(args, 'token_revoke');
  return name.ok ? ok({ verb: 'token_revoke', name: name.value }) : name;
}
