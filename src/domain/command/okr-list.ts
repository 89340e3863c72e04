import { ok, type Result } from '../result';
import { extraAt, joinedText, parseError, restText, type Args } from './args';
import type { Command, ListScope, ParseError, TeamRef } from './command';
import { looksLikeMember, looksLikeTeam, parseMemberRef, parseTeamRef } from './reference';
import { fold, trimPunct } from './text';
import type { Token } from './tokenize';
import { matchVerb, usageOf } from './verbs';

const COMPANY = new Set(['company', 'all', '公司', '全公司']);
const ME = new Set(['me', 'mine', 'my', '我', '我的']);
/** "我的OKR", "list okrs": the word says what we list anyway. */
const NOISE = new Set(['okr', 'okrs', '目标']);

function scopeOf(t: Token): Result<ListScope | undefined, ParseError> {
  if (t.quoted) {
    const name = t.text.trim();
    return name ? ok({ type: 'team', team: { name } }) : parseError('bad_reference', 'list', t.text);
  }
  const word = trimPunct(fold(t.text));
  if (looksLikeMember(t.text)) {
    const member = parseMemberRef(t.text);
    return member ? ok({ type: 'member', member }) : parseError('bad_reference', 'list', t.text);
  }
  if (looksLikeTeam(t.text)) {
    const team = parseTeamRef(t.text);
    return team ? ok({ type: 'team', team }) : parseError('bad_reference', 'list', t.text);
  }
  if (COMPANY.has(word)) return ok({ type: 'company' });
  if (ME.has(word)) return ok({ type: 'me' });
  return ok(undefined);
}

/**
 * `list [@user | #team | company] [cycle]` in any order; a word that is no scope is the cycle.
 * `mine` is the same with the scope fixed to me.
 */
export function parseList(args: Args, scopeAllowed = true): Result<Command, ParseError> {
  let scope: ListScope | undefined;
  let cycle: string | undefined;
  for (const t of args.tokens) {
    if (t.unterminated) return parseError('unterminated_quote', 'list', t.text);
    if (!t.quoted && NOISE.has(trimPunct(fold(t.text)))) continue;
    const s = scopeOf(t);
    if (!s.ok) return s;
    if (s.value !== undefined && (scope !== undefined || (!scopeAllowed && s.value.type !== 'me'))) {
      return parseError('extra_argument', 'list', t.text);
    }
    if (s.value !== undefined) {
      scope = s.value;
      continue;
    }
    if (cycle !== undefined) return parseError('extra_argument', 'list', t.text);
    cycle = trimPunct(t.text.normalize('NFKC'));
  }
  const command = { verb: 'list', scope: scope ?? { type: 'me' } } as const;
  return ok(cycle ? { ...command, cycle } : command);
}

/** `team [#team | team name]`: a bare name may have spaces ("Growth Marketing", "研发部"). */
export function parseTeam(args: Args): Result<Command, ParseError> {
  const [first] = args.tokens;
  if (!first) return ok({ verb: 'team' });
  if (first.unterminated) return parseError('unterminated_quote', 'team', first.text);
  let team: TeamRef | null;
  if (first.quoted || looksLikeTeam(first.text)) {
    const extra = extraAt(args, 1, 'team');
    if (extra) return extra;
    team = first.quoted ? { name: first.text.trim() } : parseTeamRef(first.text);
  } else {
    const name = joinedText(args.source, args.tokens);
    team = name === undefined ? null : parseTeamRef(name, true);
  }
  return team && (team.id || team.name) ? ok({ verb: 'team', team }) : parseError('bad_reference', 'team', first.text);
}

/** `help [topic]`; a topic that names a verb becomes that verb's usage id, so `help 更新` = `help update`. */
export function parseHelp(args: Args, kpi: boolean): Result<Command, ParseError> {
  // "help me" asks for help; it is not a question about the `me` (mine) verb.
  const [first] = args.tokens;
  if (args.tokens.length === 1 && first && ['me', 'please', '我'].includes(fold(first.text))) {
    return ok(kpi ? { verb: 'help', topic: 'kpi' } : { verb: 'help' });
  }
  const verb = matchVerb(kpi ? 'kpi' : 'okr', args.tokens);
  if (verb) return ok({ verb: 'help', topic: usageOf(kpi ? 'kpi' : 'okr', verb.keyword) });
  const topic = restText(args, 0);
  if (topic !== undefined) return ok({ verb: 'help', topic });
  return ok(kpi ? { verb: 'help', topic: 'kpi' } : { verb: 'help' });
}

/** `review [cycle]`. */
export function parseReview(args: Args): Result<Command, ParseError> {
  const [first] = args.tokens;
  if (!first) return ok({ verb: 'review' });
  const extra = extraAt(args, 1, 'review');
  if (extra) return extra;
  if (first.unterminated) return parseError('unterminated_quote', 'review', first.text);
  const cycle = trimPunct(first.text.normalize('NFKC').trim());
  return cycle === '' ? ok({ verb: 'review' }) : ok({ verb: 'review', cycle });
}
