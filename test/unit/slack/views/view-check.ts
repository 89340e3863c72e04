import type { View } from '@slack/types';
import type { ViewStateValue, ViewStateValues } from '../../../../src/slack/blocks/read-form';

// A small local Block Kit checker for views (platform-facts A5, A7), and a helper that turns a built
// modal into the `view.state.values` Slack would submit. A fuller shared checker comes later.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? v.length : -1);

/** Every violation found, as readable strings; [] when the view is valid. */
export function viewViolations(view: View): string[] {
  const out: string[] = [];
  const fail = (path: string, what: string): void => {
    out.push(`${path}: ${what}`);
  };
  const v = view as unknown as Json;
  const blocks = v.blocks as unknown[];
  if (blocks.length > 100) fail('blocks', `${blocks.length} blocks`);
  if (len(v.private_metadata) > 3000) fail('private_metadata', `${len(v.private_metadata)} chars`);
  if (v.callback_id !== undefined && len(v.callback_id) > 255) fail('callback_id', 'too long');
  if (v.type === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      const t = v[key];
      if (t === undefined) {
        if (key === 'title') fail(key, 'missing');
        continue;
      }
      if (!isObject(t) || t.type !== 'plain_text' || len(t.text) < 1 || len(t.text) > 24) fail(key, `bad ${JSON.stringify(t)}`);
    }
    if (blocks.some((b) => isObject(b) && b.type === 'input') && v.submit === undefined) fail('submit', 'inputs without submit');
  }

  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const path = `blocks[${i}]`;
    if (!isObject(b)) return fail(path, 'not an object');
    if (b.block_id !== undefined) {
      const id = b.block_id as string;
      if (len(id) < 1 || len(id) > 255) fail(path, `block_id length ${len(id)}`);
      if (blockIds.has(id)) fail(path, `duplicate block_id ${id}`);
      blockIds.add(id);
    }
    if (b.type === 'header' && (!isObject(b.text) || len(b.text.text) > 150)) fail(path, 'header over 150');
    if (b.type === 'context' && (b.elements as unknown[]).length > 10) fail(path, 'context over 10 elements');
    if (b.type === 'actions' && (b.elements as unknown[]).length > 25) fail(path, 'actions over 25 elements');
    if (b.type === 'input') {
      if (!isObject(b.label) || len(b.label.text) > 2000) fail(path, 'label over 2000');
      if (b.hint !== undefined && (!isObject(b.hint) || len(b.hint.text) > 2000)) fail(path, 'hint over 2000');
    }
    const actionIds = new Set<string>();
    walk(b, path, (node, p, key) => {
      if (typeof node.type === 'string' && (node.type === 'plain_text' || node.type === 'mrkdwn') && typeof node.text === 'string') {
        const text = node.text;
        if (text.length < 1 || text.length > 3000) fail(p, `text length ${text.length}`);
        if (text.trim() === '') fail(p, 'blank text');
        if (node.type === 'mrkdwn' && (text.includes('<!') || text.includes('<@'))) fail(p, `mention in mrkdwn: ${text.slice(0, 80)}`);
        if (key === 'placeholder' && text.length > 150) fail(p, 'placeholder over 150');
      }
      if (typeof node.action_id === 'string') {
        if (len(node.action_id) > 255) fail(p, 'action_id over 255');
        if (actionIds.has(node.action_id)) fail(p, `duplicate action_id ${node.action_id}`);
        actionIds.add(node.action_id);
      }
      if (node.type === 'button') {
        if (!isObject(node.text) || len(node.text.text) > 75) fail(p, 'button text over 75');
        if (node.value !== undefined && (len(node.value) < 1 || len(node.value) > 2000)) fail(p, 'button value');
      }
      if (Array.isArray(node.options)) {
        if (node.options.length > 100) fail(p, `${node.options.length} options`);
        if (node.options.length === 0) fail(p, 'no options');
      }
      if (key === 'options' || key === 'initial_option') checkOption(node, p, fail);
      if (node.type === 'static_select' && node.initial_option !== undefined) {
        const match = (node.options as Json[]).some((o) => JSON.stringify(o) === JSON.stringify(node.initial_option));
        if (!match) fail(p, 'initial_option not among options');
      }
      if (node.type === 'plain_text_input' && typeof node.initial_value === 'string') {
        if (node.initial_value === '') fail(p, 'empty initial_value');
        if (typeof node.max_length === 'number' && Array.from(node.initial_value).length > node.max_length) fail(p, 'initial_value over max_length');
      }
    });
  });
  return out;
}

function checkOption(node: Json, p: string, fail: (p: string, what: string) => void): void {
  if (!('value' in node) || !('text' in node)) return;
  if (!isObject(node.text) || len(node.text.text) < 1 || len(node.text.text) > 75) fail(p, 'option text');
  if (len(node.value) < 1 || len(node.value) > 75) fail(p, 'option value');
}

/** Calls `visit` for every object in the tree, with its path and the key it sits under (array items: the array's key). */
function walk(node: unknown, path: string, visit: (node: Json, path: string, key: string) => void, key = ''): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${path}[${i}]`, visit, key));
  } else if (isObject(node)) {
    visit(node, path, key);
    for (const [k, child] of Object.entries(node)) walk(child, `${path}.${k}`, visit, k);
  }
}

/** Every mrkdwn text in the view, for content assertions. */
export function mrkdwnTexts(view: View): string[] {
  const texts: string[] = [];
  walk(view.blocks, 'blocks', (node) => {
    if (node.type === 'mrkdwn' && typeof node.text === 'string') texts.push(node.text);
  });
  return texts;
}

/** Every text (plain and mrkdwn) joined, for "contains" assertions. */
export const allText = (view: View): string => {
  const texts: string[] = [];
  walk(view.blocks, 'blocks', (node) => {
    if ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string') texts.push(node.text);
  });
  return texts.join('\n');
};

/** The block ids of the view's input blocks, in order. */
export const inputIds = (view: View): string[] =>
  (view.blocks as unknown as Json[]).filter((b) => b.type === 'input').map((b) => b.block_id as string);

/**
 * What Slack would submit for this view: each input at its initial value (or empty), with `fill`
 * overriding by block_id — a string for text inputs and the option value for selects (null clears).
 */
export function submission(view: View, fill: Readonly<Record<string, string | null>> = {}): ViewStateValues {
  const values: Record<string, Record<string, ViewStateValue>> = {};
  for (const b of view.blocks as unknown as Json[]) {
    if (b.type !== 'input') continue;
    const blockId = b.block_id as string;
    const el = b.element as Json;
    const actionId = el.action_id as string;
    const given = Object.prototype.hasOwnProperty.call(fill, blockId) ? fill[blockId] : undefined;
    let state: ViewStateValue;
    if (el.type === 'plain_text_input') {
      const initial = typeof el.initial_value === 'string' ? el.initial_value : null;
      state = { type: 'plain_text_input', value: given === undefined ? initial : given === '' ? null : given };
    } else if (el.type === 'conversations_select') {
      const initial = typeof el.initial_conversation === 'string' ? el.initial_conversation : null;
      state = { type: 'conversations_select', selected_conversation: given === undefined ? initial : given };
    } else {
      const initial = isObject(el.initial_option) ? (el.initial_option.value as string) : null;
      const chosen = given === undefined ? initial : given;
      state = { type: el.type as string, selected_option: chosen === null ? null : { value: chosen } };
    }
    values[blockId] = { [actionId]: state };
  }
  return values;
}
