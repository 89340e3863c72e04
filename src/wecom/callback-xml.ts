import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, ok, type Result } from '../domain/result';
import type { InboundMessage } from './inbound-message';

// WeCom callback XML (platform-facts B1, B5, B7): the outer POST envelope and the decrypted
// plaintext. Values stay strings exactly as sent (MsgId is a 64-bit integer); CDATA is kept as is,
// whitespace around plain values is trimmed; entities are left alone; a DTD is refused before any
// parser sees the text, so neither an entity bomb nor an external entity can be declared.

export type XmlRejection =
  /** A `<!DOCTYPE` or `<!ENTITY` declaration outside CDATA and comments. */
  | 'doctype'
  /** Not well-formed, or not a single `<xml>` root. */
  | 'malformed-xml'
  /** Well-formed, but a field the callback must have is missing or not text. */
  | 'missing-field';

export interface CallbackEnvelope {
  readonly toUserName: string;
  readonly encrypt: string;
  readonly agentId: string;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => name === 'SelectedItem' || name === 'OptionId',
});

const DECLARATION = /<!\s*(?:DOCTYPE|ENTITY)/i;
const DECLARATION_AT = /<!\s*(?:DOCTYPE|ENTITY)/iy;
/** Sections whose content is not markup: their start, and what ends them. */
const OPAQUE: readonly (readonly [string, string])[] = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
  ['<?', '?>'],
];

/**
 * True when `xml` declares a DTD or an entity in its markup; a user may still type "<!DOCTYPE"
 * into a CDATA message. One pass left to right, skipping CDATA, comments and processing
 * instructions as a parser would (so none can hide the start of another), in linear time:
 * the body is unauthenticated when this runs on the envelope.
 */
export function hasDtd(xml: string): boolean {
  if (!DECLARATION.test(xml)) return false;
  for (let at = xml.indexOf('<'); at >= 0; ) {
    const section = OPAQUE.find(([open]) => xml.startsWith(open, at));
    if (section) {
      const end = xml.indexOf(section[1], at + section[0].length);
      // Unterminated: malformed anyway; refuse it as a DTD if one follows, so no parser sees it.
      if (end < 0) return DECLARATION.test(xml.slice(at));
      at = xml.indexOf('<', end + section[1].length);
      continue;
    }
    DECLARATION_AT.lastIndex = at;
    if (DECLARATION_AT.test(xml)) return true;
    at = xml.indexOf('<', at + 1);
  }
  return false;
}

type Node = Record<string, unknown>;

function parseRoot(xml: string): Result<Node, XmlRejection> {
  if (hasDtd(xml)) return fail('doctype');
  if (XMLValidator.validate(xml) !== true) return fail('malformed-xml');
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    // fast-xml-parser throws on names such as __proto__, and past its nesting limit.
    return fail('malformed-xml');
  }
  const root = (doc as Node).xml;
  if (Object.keys(doc as Node).length !== 1 || !isNode(root)) return fail('malformed-xml');
  return ok(root);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of a leaf child: '' when absent, undefined when it is not text (nested or repeated). */
function text(node: Node, name: string): string | undefined {
  if (!Object.hasOwn(node, name)) return '';
  const value = node[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads leaf fields; fails when any is not text or a required one is empty. */
function fields<K extends string>(node: Node, names: readonly K[], required: readonly K[]): Result<Record<K, string>, XmlRejection> {
  const out = {} as Record<K, string>;
  for (const name of names) {
    const value = text(node, name);
    if (value === undefined || (value === '' && required.includes(name))) return fail('missing-field');
    out[name] = value;
  }
  return ok(out);
}

/** The outer POST body: `<xml><ToUserName/><Encrypt/><AgentID/></xml>`; Encrypt is required. */
export function parseEnvelope(xml: string): Result<CallbackEnvelope, XmlRejection> {
  const root = parseRoot(xml);
  if (!root.ok) return root;
  const f = fields(root.value, ['ToUserName', 'Encrypt', 'AgentID'], ['Encrypt']);
  if (!f.ok) return f;
  return ok({ toUserName: f.value.ToUserName, encrypt: f.value.Encrypt, agentId: f.value.AgentID });
}

/** The decrypted plaintext: a text message, a template card event, another event, or any other message. */
export function parseInboundMessage(xml: string): Result<InboundMessage, XmlRejection> {
  const root = parseRoot(xml);
  if (!root.ok) return root;
  const node = root.value;
  const common = fields(node, ['FromUserName', 'CreateTime', 'MsgType', 'AgentID', 'MsgId'], ['FromUserName', 'MsgType']);
  if (!common.ok) return common;
  const { FromUserName: fromUser, CreateTime: createTime, MsgType: msgType, AgentID: agentId, MsgId: msgId } = common.value;
  if (msgType === 'text') {
    const f = fields(node, ['Content'], []);
    return f.ok ? ok({ kind: 'text', fromUser, createTime, msgId, content: f.value.Content, agentId }) : f;
  }
  if (msgType !== 'event') return ok({ kind: 'other', fromUser, createTime, msgType, msgId, agentId });
  const ev = fields(node, ['Event', 'EventKey'], ['Event']);
  if (!ev.ok) return ev;
  const { Event: event, EventKey: eventKey } = ev.value;
  if (event !== 'template_card_event') return ok({ kind: 'event', fromUser, createTime, event, eventKey, agentId });
  const card = fields(node, ['TaskId', 'CardType', 'ResponseCode'], []);
  if (!card.ok) return card;
  const selected = selectedItems(node);
  if (!selected.ok) return selected;
  return ok({
    kind: 'card_event',
    fromUser,
    createTime,
    eventKey,
    taskId: card.value.TaskId,
    cardType: card.value.CardType,
    responseCode: card.value.ResponseCode,
    agentId,
    selected: selected.value,
  });
}

type Selected = Extract<InboundMessage, { kind: 'card_event' }>['selected'];

/**
 * `<SelectedItems><SelectedItem><QuestionKey/><OptionIds><OptionId/>…</OptionIds></SelectedItem>…`
 * with one or many of each (the parser always gives arrays for SelectedItem and OptionId); absent
 * or empty means nothing was selected (button cards).
 */
function selectedItems(node: Node): Result<Selected, XmlRejection> {
  const items = node.SelectedItems;
  if (items === undefined || items === '') return ok([]);
  if (!isNode(items)) return fail('missing-field');
  const list = items.SelectedItem ?? [];
  if (!Array.isArray(list)) return fail('missing-field');
  const out: { questionKey: string; optionIds: string[] }[] = [];
  for (const item of list) {
    if (item === '') continue;
    if (!isNode(item)) return fail('missing-field');
    const questionKey = text(item, 'QuestionKey');
    if (questionKey === undefined) return fail('missing-field');
    const ids = item.OptionIds;
    let optionIds: unknown[] = [];
    if (ids !== undefined && ids !== '') {
      if (!isNode(ids)) return fail('missing-field');
      optionIds = (ids.OptionId as unknown[] | undefined) ?? [];
    }
    if (!optionIds.every((id): id is string => typeof id === 'string')) return fail('missing-field');
    out.push({ questionKey, optionIds: optionIds as string[] });
  }
  return ok(out);
}
