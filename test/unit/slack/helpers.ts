import type { SlackMessage } from '../../../src/slack/blocks/message';
import { blockKitViolations } from '../../../src/slack/blocks/limits-check';
import { unescapedAngles, unescapedControl } from '../../../src/slack/blocks/injection-check';

/** Every string under a `text` key (text objects, message text), in order. */
export function allText(payload: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') out.push(value);
      else walk(value);
    }
  };
  walk(payload);
  return out.join('\n');
}

export interface FoundButton {
  readonly action_id: string;
  readonly value: string | undefined;
  readonly text: string;
}

/** The buttons of the messages, in order. */
export function buttons(messages: readonly SlackMessage[]): FoundButton[] {
  return messages.flatMap((m) =>
    m.blocks.flatMap((b) =>
      b.type === 'actions'
        ? b.elements.flatMap((e) => (e.type === 'button' ? [{ action_id: e.action_id ?? '', value: e.value, text: e.text.text }] : []))
        : [],
    ),
  );
}

/** Everything that would make Slack reject a message, or let a mention through. */
export function problems(messages: readonly SlackMessage[]): string[] {
  return messages.flatMap((m, i) => [
    ...blockKitViolations(m, 'message').map((v) => `message ${i}: ${v}`),
    ...unescapedControl(m).map((t) => `message ${i}: unescaped control in ${JSON.stringify(t.slice(0, 200))}`),
    ...unescapedAngles(m).map((t) => `message ${i}: raw angle bracket in ${JSON.stringify(t.slice(0, 200))}`),
  ]);
}
