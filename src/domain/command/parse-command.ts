import { fail, ok, type Result } from '../result';
import type { Args } from './args';
import type { Command, ParseError } from './command';
import { parseKpi } from './parse-kpi';
import { parseOkr, parseReferenceShortcut } from './parse-okr';
import { fold, shorten, stripInvisible } from './text';
import { tokenize, type Token } from './tokenize';
import { isKnownVerb, matchVerb, suggestVerb, type KpiKeyword, type Namespace, type OkrKeyword } from './verbs';

/** Longer messages are pastes, not commands; refusing them early also bounds the work per message. */
const MAX_LENGTH = 2000;
const NAMESPACE_WORDS: Readonly<Record<string, Namespace>> = {
  okr: 'okr', '/okr': 'okr', kpi: 'kpi', '/kpi': 'kpi', 指标: 'kpi', '/指标': 'kpi',
};
/** Verbs that exist only for KPIs, so `记录 nps 42` without a prefix still means the KPI command. */
const KPI_ONLY: ReadonlySet<string> = new Set<KpiKeyword>(['log', 'link']);

const prepare = (text: unknown): string => (typeof text === 'string' ? stripInvisible(text).trim() : '');

const tooLong = (text: string): Result<Command, ParseError> | undefined =>
  text.length > MAX_LENGTH ? fail({ code: 'too_long', usage: 'help' }) : undefined;

function argsAfter(text: string, start: number): Args {
  const source = text.slice(start);
  return { source, tokens: tokenize(source) };
}

function unknownVerb(ns: Namespace, first: Token): Result<Command, ParseError> {
  const suggestion = suggestVerb(ns, first.text);
  return fail({
    code: 'unknown_verb',
    usage: suggestion?.usage ?? 'help',
    token: shorten(first.text),
    ...(suggestion ? { suggestion: suggestion.alias } : {}),
  });
}

/** Parses `text` (already cleaned) as a command of namespace `ns`. */
function parseIn(ns: Namespace, text: string): Result<Command, ParseError> {
  const tokens = tokenize(text);
  const [first] = tokens;
  if (!first) return ok(ns === 'okr' ? { verb: 'home' } : { verb: 'kpi_list' });
  // `/okr kpi log nps 42`: the user typed the other namespace after the slash command.
  if (ns === 'okr' && !first.quoted && NAMESPACE_WORDS[fold(first.text)] === 'kpi') {
    return parseIn('kpi', text.slice(first.end).trim());
  }
  const match = matchVerb(ns, tokens);
  if (!match) {
    const shortcut = ns === 'okr' ? parseReferenceShortcut({ source: text, tokens }) : undefined;
    return shortcut ?? unknownVerb(ns, first);
  }
  const args = argsAfter(text, match.gluedArgStart ?? tokens[match.consumed]?.start ?? text.length);
  return ns === 'okr' ? parseOkr(match.keyword as OkrKeyword, args) : parseKpi(match.keyword as KpiKeyword, args);
}

/**
 * Parses what follows `/okr` or `/kpi` in a Slack slash command. Never throws: every input gives
 * either a command or a `ParseError` naming the usage to show.
 */
export function parseCommand(namespace: Namespace, text: string): Result<Command, ParseError> {
  const clean = prepare(text);
  return tooLong(clean) ?? parseIn(namespace, clean);
}

/** Removes one leading Slack mention `<@U0BOT>`, or `@name` when a verb (or nothing) follows it. */
function stripMention(text: string): string {
  const slack = /^<@[^>]{0,100}>/.exec(text);
  if (slack) return text.slice(slack[0].length).trim();
  const tokens = tokenize(text);
  const [first, ...rest] = tokens;
  if (!first || first.quoted || !/^[@＠]/.test(first.text)) return text;
  const next = rest[0];
  if (!next) return '';
  return isKnownVerb(rest) || NAMESPACE_WORDS[fold(next.text)] !== undefined ? text.slice(next.start) : text;
}

/** Finds the namespace prefix (`/okr`, `okr`, `/kpi`, `kpi`, `指标`, or none) and the text after it. */
function splitNamespace(text: string): { ns: Namespace; rest: string } {
  const tokens = tokenize(text);
  const [first] = tokens;
  if (!first || first.quoted) return { ns: 'okr', rest: text };
  const prefixed = NAMESPACE_WORDS[fold(first.text)];
  if (prefixed) return { ns: prefixed, rest: text.slice(first.end) };
  // `指标记录 nps 42`: Chinese is often typed without spaces.
  if (first.text.startsWith('指标') && matchVerb('kpi', tokenize(text.slice(2)))) {
    return { ns: 'kpi', rest: text.slice(2) };
  }
  const okrVerb = matchVerb('okr', tokens);
  const kpiVerb = okrVerb ? null : matchVerb('kpi', tokens);
  return { ns: kpiVerb && KPI_ONLY.has(kpiVerb.keyword) ? 'kpi' : 'okr', rest: text };
}

/**
 * Parses a whole chat message (WeCom, the console): `/okr update KR-12 45`, `kpi log nps 42`,
 * `指标 记录 nps 42`, or a bare `更新 KR12 45 有风险 等法务` (no prefix means OKR). Tolerates a
 * leading bot mention and full-width spaces. Never throws.
 */
export function parseChatText(text: string): Result<Command, ParseError> {
  const clean = prepare(text);
  const long = tooLong(clean);
  if (long) return long;
  const { ns, rest } = splitNamespace(stripMention(clean));
  return parseIn(ns, rest.trim());
}
