import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';
import { clamp, clampMrkdwn, LIMIT } from './text-limits';

// The few block shapes the replies use. Each builder clamps its text to the limit of the place it
// goes (platform-facts A5: Slack rejects oversized blocks instead of truncating them) and never
// emits an empty text object, which Slack rejects too. Callers pass mrkdwn that is already safe:
// every piece of user text went through `escapeMrkdwn` before it was joined into a line.

/** Stands in for text that came out empty, so a text object is never blank. */
const BLANK = '–';

const nonBlank = (text: string): string => (text.trim() === '' ? BLANK : text);

/** A plain_text object (no mrkdwn, no mention parsing), clamped to `max`. */
export const plain = (text: string, max: number = LIMIT.textObject): PlainTextElement => ({
  type: 'plain_text',
  text: nonBlank(clamp(text, max)),
  emoji: true,
});

/**
 * A mrkdwn object, clamped to `max` without cutting an entity. `verbatim: true` turns off Slack's
 * automatic parsing of bare `@everyone`, `#channel` and URLs in what users typed (A7).
 */
export const mrkdwn = (text: string, max: number = LIMIT.textObject): MrkdwnElement => ({
  type: 'mrkdwn',
  text: nonBlank(clampMrkdwn(text, max)),
  verbatim: true,
});

/** A header: plain_text only, at most 150 characters. */
export const header = (text: string): HeaderBlock => ({ type: 'header', text: plain(text, LIMIT.header) });

export const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });

/** Small grey text; at most 10 elements, so extra lines are joined into the last one. */
export function context(...texts: string[]): ContextBlock {
  const shown = texts.filter((t) => t.trim() !== '');
  const head = shown.slice(0, LIMIT.contextElements - 1);
  const rest = shown.slice(LIMIT.contextElements - 1);
  const parts = rest.length > 0 ? [...head, rest.join('\n')] : head;
  return { type: 'context', elements: (parts.length > 0 ? parts : [BLANK]).map((t) => mrkdwn(t)) };
}

export const divider = (): DividerBlock => ({ type: 'divider' });

export function button(text: string, actionId: string, value: string, style?: 'primary'): Button {
  return {
    type: 'button',
    text: plain(text, LIMIT.buttonText),
    action_id: clamp(actionId, LIMIT.actionId),
    ...(value === '' ? {} : { value: clamp(value, LIMIT.buttonValue) }),
    ...(style ? { style } : {}),
  };
}

/** One actions block of at most 25 buttons, or nothing when there is no button. */
export function actions(buttons: readonly Button[]): ActionsBlock[] {
  return buttons.length === 0 ? [] : [{ type: 'actions', elements: buttons.slice(0, LIMIT.actionsElements) }];
}

/**
 * Packs mrkdwn lines into as few sections as fit 3,000 characters each, so a long list costs a
 * handful of blocks instead of one per line. A single line too long for a section is clamped.
 * Blank lines separate paragraphs inside a section and are dropped at section edges.
 */
export function sections(lines: readonly string[]): SectionBlock[] {
  const out: SectionBlock[] = [];
  let chunk: string[] = [];
  let size = 0;
  const flush = (): void => {
    while (chunk.length > 0 && chunk[chunk.length - 1]!.trim() === '') chunk.pop();
    if (chunk.length > 0) out.push(section(chunk.join('\n')));
    chunk = [];
    size = 0;
  };
  for (const raw of lines) {
    const line = clampMrkdwn(raw, LIMIT.textObject);
    if (chunk.length > 0 && size + 1 + line.length > LIMIT.textObject) flush();
    if (chunk.length === 0 && line.trim() === '') continue;
    size += chunk.length === 0 ? line.length : 1 + line.length;
    chunk.push(line);
  }
  flush();
  return out;
}
