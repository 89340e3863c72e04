import type { MemberRef, Reference, TeamRef } from './command';
import { fold, trimPunct } from './text';
import type { Token } from './tokenize';

/** Dashes from phone keyboards and autocorrect (`KR–12`) count as the dash. */
const REFERENCE = /^(o|kr|b)[-‐‑–—_#]?0*([1-9]\d{0,8})$/;
const TYPES = { o: 'objective', kr: 'key_result', b: 'blocker' } as const;

const SLACK_USER = /^<@([A-Za-z0-9._-]+)(?:\|([^>]*))?>$/;
const SLACK_CHANNEL = /^<#([A-Za-z0-9._-]+)(?:\|([^>]*))?>$/;
const SLACK_SUBTEAM = /^<!subteam\^([A-Za-z0-9._-]+)(?:\|@?([^>]*))?>$/;

/** `O-7`, `o7`, `KR-12`, `kr12`, `B-3` in any case, with or without the dash; null otherwise. */
export function parseReference(word: string): Reference | null {
  const m = REFERENCE.exec(trimPunct(fold(word).trim()));
  if (!m) return null;
  const type = TYPES[m[1] as keyof typeof TYPES];
  return { type, number: Number(m[2]) };
}

/** A reference token, where a quoted string means "find by title". */
export function referenceFromToken(token: Token): Reference | null {
  if (!token.quoted) return parseReference(token.text);
  const text = token.text.trim();
  return text === '' ? null : { type: 'title', text };
}

const idAndName = (id: string, name: string | undefined): { id: string; name?: string } => {
  const trimmed = name?.trim();
  return trimmed ? { id, name: trimmed } : { id };
};

/**
 * `<@U123>`, `<@U123|alice>`, `@alice`, `@张三`. With `allowBare`, a plain word is a name too
 * (`--owner bob`), which we refuse where a bare word could mean something else (a cycle in `list`).
 */
export function parseMemberRef(word: string, allowBare = false): MemberRef | null {
  const s = word.normalize('NFKC').trim();
  const slack = SLACK_USER.exec(s);
  if (slack) return idAndName(slack[1]!, slack[2]);
  if (s.startsWith('<')) return null;
  if (s.startsWith('@')) {
    const name = trimPunct(s.slice(1)).trim();
    return name === '' ? null : { name };
  }
  const bare = trimPunct(s);
  return allowBare && bare !== '' ? { name: bare } : null;
}

/** `<#C123|eng>`, `<!subteam^S1|@eng>`, `#eng`; with `allowBare` also `eng` or `研发部`. */
export function parseTeamRef(word: string, allowBare = false): TeamRef | null {
  const s = word.normalize('NFKC').trim();
  const slack = SLACK_CHANNEL.exec(s) ?? SLACK_SUBTEAM.exec(s);
  if (slack) return idAndName(slack[1]!, slack[2]);
  if (s.startsWith('<')) return null;
  if (s.startsWith('#')) {
    const name = trimPunct(s.slice(1)).trim();
    return name === '' ? null : { name };
  }
  const bare = trimPunct(s);
  return allowBare && bare !== '' ? { name: bare } : null;
}

/** Member and team tokens are recognisable by their sigil; `list` uses this to tell them from a cycle. */
export const looksLikeMember = (word: string): boolean => /^(<@|@)/.test(word.normalize('NFKC'));
export const looksLikeTeam = (word: string): boolean => /^(<#|<!subteam|#)/.test(word.normalize('NFKC'));
