import { ok, type Result } from '../result';
import { parseError } from './args';
import type { MemberRef, ParseError, TeamRef, UsageId } from './command';
import { parseMemberRef, parseTeamRef } from './reference';
import type { Token } from './tokenize';

/** `--owner @bob`, `--owner <@U1>`, `--owner bob`, `--owner "Bob Li"`. */
export function memberOption(t: Token | undefined, usage: UsageId): Result<MemberRef | undefined, ParseError> {
  if (!t) return ok(undefined);
  if (t.unterminated) return parseError('unterminated_quote', usage, t.text);
  const member = t.quoted ? (t.text.trim() ? { name: t.text.trim() } : null) : parseMemberRef(t.text, true);
  return member ? ok(member) : parseError('bad_reference', usage, t.text);
}

/** `--team #eng`, `--team <#C1|eng>`, `--team eng`, `--team "Growth Marketing"`. */
export function teamOption(t: Token | undefined, usage: UsageId): Result<TeamRef | undefined, ParseError> {
  if (!t) return ok(undefined);
  if (t.unterminated) return parseError('unterminated_quote', usage, t.text);
  const team = t.quoted ? (t.text.trim() ? { name: t.text.trim() } : null) : parseTeamRef(t.text, true);
  return team ? ok(team) : parseError('bad_reference', usage, t.text);
}
