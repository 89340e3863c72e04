// A test-side guard against mention injection (platform-facts A7). Every broadcast or mention in
// mrkdwn needs a literal `<`: `<!channel>`, `<!here>`, `<!subteam^…>`, `<@U…>`, `<#C…>`. The bot
// never broadcasts, and mentions people only through `mention()` with ids it knows, so any other
// such sequence in a payload means user text reached mrkdwn unescaped.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;

const parse = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/** A captured Web API body sends `blocks` and `view` as JSON strings; look at what they encode. */
function decoded(body: unknown): unknown {
  const payload = parse(body);
  if (!isObj(payload) || Array.isArray(payload)) return payload;
  return { ...payload, blocks: parse(payload.blocks), view: parse(payload.view) };
}

/**
 * Every string Slack parses as mrkdwn in `payload`: `mrkdwn` text objects and markdown blocks at
 * any depth, and the top-level `text` of a message (parsed for mentions too).
 */
export function mrkdwnTexts(body: unknown): string[] {
  const payload = decoded(body);
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObj(node)) return;
    if ((node.type === 'mrkdwn' || node.type === 'markdown') && typeof node.text === 'string') found.push(node.text);
    for (const value of Object.values(node)) if (isObj(value)) walk(value);
  };
  if (isObj(payload) && !Array.isArray(payload) && payload.type === undefined && typeof payload.text === 'string') found.push(payload.text);
  walk(payload);
  return found;
}

const MENTION = /<@([^>|\s]*)(?:\|[^>]*)?>/g;

/** Removes the mentions of allowed users, so only what is left can be judged. */
const withoutAllowed = (text: string, allowed: ReadonlySet<string>): string =>
  text.replace(MENTION, (whole, id: string) => (allowed.has(id) ? '' : whole));

/**
 * The mrkdwn strings of `payload` that contain a broadcast (`<!…`), a channel link (`<#…`), or a
 * user mention (`<@…`) of anyone not in `allowedUserIds` (the ids our code mentioned on purpose).
 * Empty when nothing can ping anyone unexpectedly.
 */
export function unescapedControl(payload: unknown, allowedUserIds: readonly string[] = []): string[] {
  const allowed = new Set(allowedUserIds);
  return mrkdwnTexts(payload).filter((text) => /<[!#@]/.test(withoutAllowed(text, allowed)));
}

/**
 * Stricter: the mrkdwn strings with any raw `<` or `>` besides allowed mentions. The bot generates
 * no links, so a raw angle bracket is unescaped text that Slack would read as a link or mention.
 */
export function unescapedAngles(payload: unknown, allowedUserIds: readonly string[] = []): string[] {
  const allowed = new Set(allowedUserIds);
  return mrkdwnTexts(payload).filter((text) => /[<>]/.test(withoutAllowed(text, allowed)));
}
