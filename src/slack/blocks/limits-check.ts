import { BLOCK_KIT_LIMITS } from './block-kit-limits';

// An offline stand-in for Slack's `blocks.validate`: checks a message or view against the limits of
// platform-facts A5, which Slack enforces by rejecting the whole payload (`invalid_blocks`). Tests
// and the end-to-end suite run every payload we send through it. Lengths are UTF-16 code units,
// never fewer than Slack's characters, so a payload that passes here is within Slack's limits.

export type Surface = 'message' | 'modal' | 'home';

export type CheckedPayload =
  | { text?: string; blocks?: unknown[] }
  | {
      type: 'modal' | 'home';
      blocks: unknown[];
      title?: unknown;
      submit?: unknown;
      close?: unknown;
      private_metadata?: string;
      callback_id?: string;
    };

/** The limits the checker applies (A5); a few are stricter than Slack's own to satisfy every SDK. */
export { BLOCK_KIT_LIMITS };

const L = BLOCK_KIT_LIMITS;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects violations as `path: what is wrong`. */
class Checker {
  readonly violations: string[] = [];

  fail(path: string, problem: string): void {
    this.violations.push(`${path}: ${problem}`);
  }

  /** An optional string field of at most `max` characters (or required with `required`). */
  string(path: string, value: unknown, max: number, required = false): void {
    if (value === undefined) {
      if (required) this.fail(path, 'is required');
      return;
    }
    if (typeof value !== 'string') return this.fail(path, `must be a string, got ${typeof value}`);
    if (required && value === '') this.fail(path, 'must not be empty');
    if (value.length > max) this.fail(path, `has ${value.length} characters, the limit is ${max}`);
  }

  /** A text object: `plain_text` (or `mrkdwn` where allowed) with 1..max non-blank characters. */
  text(path: string, value: unknown, max: number, opts: { required?: boolean; plainOnly?: boolean } = {}): void {
    if (value === undefined) {
      if (opts.required) this.fail(path, 'is required');
      return;
    }
    if (!isObj(value)) return this.fail(path, 'must be a text object');
    if (value.type !== 'plain_text' && value.type !== 'mrkdwn') return this.fail(path, `has unknown text type ${String(value.type)}`);
    if (opts.plainOnly && value.type !== 'plain_text') this.fail(path, 'must be plain_text');
    if (typeof value.text !== 'string') return this.fail(`${path}.text`, 'must be a string');
    if (value.text.trim() === '') this.fail(`${path}.text`, 'must not be empty');
    const limit = Math.min(max, L.textObject);
    if (value.text.length > limit) this.fail(`${path}.text`, `has ${value.text.length} characters, the limit is ${limit}`);
  }

  /** An optional array of at most `max` (and at least `min`) items; returns the items to walk. */
  array(path: string, value: unknown, max: number, min = 0): unknown[] {
    if (value === undefined) {
      if (min > 0) this.fail(path, 'is required');
      return [];
    }
    if (!Array.isArray(value)) {
      this.fail(path, 'must be an array');
      return [];
    }
    if (value.length > max) this.fail(path, `has ${value.length} items, the limit is ${max}`);
    if (value.length < min) this.fail(path, `has ${value.length} items, it needs at least ${min}`);
    return value;
  }

  confirm(path: string, value: unknown): void {
    if (value === undefined) return;
    if (!isObj(value)) return this.fail(path, 'must be a confirm object');
    this.text(`${path}.title`, value.title, L.confirmTitle, { plainOnly: true });
    this.text(`${path}.text`, value.text, L.confirmText, { required: true });
    this.text(`${path}.confirm`, value.confirm, L.confirmButton, { plainOnly: true });
    this.text(`${path}.deny`, value.deny, L.confirmButton, { plainOnly: true });
  }

  option(path: string, value: unknown, allowMrkdwn: boolean): void {
    if (!isObj(value)) return this.fail(path, 'must be an option object');
    this.text(`${path}.text`, value.text, L.optionText, { required: true, plainOnly: !allowMrkdwn });
    this.string(`${path}.value`, value.value, L.optionValue, true);
    this.text(`${path}.description`, value.description, L.optionDescription, { plainOnly: !allowMrkdwn });
    this.string(`${path}.url`, value.url, L.url);
  }

  options(path: string, value: unknown, max: number, allowMrkdwn = false, min = 0): void {
    this.array(path, value, max, min).forEach((o, i) => this.option(`${path}[${i}]`, o, allowMrkdwn));
  }

  optionGroups(path: string, value: unknown): void {
    this.array(path, value, L.optionGroups).forEach((g, i) => {
      const p = `${path}[${i}]`;
      if (!isObj(g)) return this.fail(p, 'must be an option group');
      this.text(`${p}.label`, g.label, L.optionGroupLabel, { required: true, plainOnly: true });
      this.options(`${p}.options`, g.options, L.options, false, 1);
    });
  }

  /** An interactive element (or an image) inside a section, actions, input or context block. */
  element(path: string, value: unknown, actionIds: Set<string>): void {
    if (!isObj(value)) return this.fail(path, 'must be an element object');
    if (typeof value.type !== 'string') return this.fail(`${path}.type`, 'is required');
    if (value.action_id !== undefined) {
      this.string(`${path}.action_id`, value.action_id, L.actionId);
      if (typeof value.action_id === 'string') {
        if (actionIds.has(value.action_id)) this.fail(`${path}.action_id`, `"${value.action_id}" is used twice in one block`);
        actionIds.add(value.action_id);
      }
    }
    this.confirm(`${path}.confirm`, value.confirm);
    this.text(`${path}.placeholder`, value.placeholder, L.placeholder, { plainOnly: true });
    // Checkboxes and radio buttons may show mrkdwn in options; menus only plain_text.
    const choice = value.type === 'checkboxes' || value.type === 'radio_buttons';
    if (value.initial_option !== undefined) this.option(`${path}.initial_option`, value.initial_option, choice);
    if (value.initial_options !== undefined) this.options(`${path}.initial_options`, value.initial_options, L.options, choice);
    switch (value.type) {
      case 'button':
        this.text(`${path}.text`, value.text, L.buttonText, { required: true, plainOnly: true });
        this.string(`${path}.value`, value.value, L.buttonValue);
        this.string(`${path}.url`, value.url, L.url);
        this.string(`${path}.accessibility_label`, value.accessibility_label, L.accessibilityLabel);
        if (value.style !== undefined && value.style !== 'primary' && value.style !== 'danger') this.fail(`${path}.style`, 'must be primary or danger');
        break;
      case 'static_select':
      case 'multi_static_select':
        if (value.options === undefined && value.option_groups === undefined) this.fail(path, 'needs options or option_groups');
        if (value.options !== undefined && value.option_groups !== undefined) this.fail(path, 'can have options or option_groups, not both');
        this.options(`${path}.options`, value.options, L.options);
        this.optionGroups(`${path}.option_groups`, value.option_groups);
        break;
      case 'overflow':
        this.options(`${path}.options`, value.options, L.overflowOptions, false, 1);
        break;
      case 'checkboxes':
      case 'radio_buttons':
        this.options(`${path}.options`, value.options, L.choiceOptions, true, 1);
        break;
      case 'plain_text_input':
        this.string(`${path}.initial_value`, value.initial_value, L.inputValue);
        this.range(`${path}.min_length`, value.min_length, 0, L.inputValue);
        this.range(`${path}.max_length`, value.max_length, 1, L.inputValue);
        break;
      case 'image':
        this.string(`${path}.image_url`, value.image_url, L.url);
        this.string(`${path}.alt_text`, value.alt_text, L.imageAlt, true);
        break;
      default:
        break; // selects of users/channels/conversations, pickers: only the shared fields above
    }
  }

  range(path: string, value: unknown, min: number, max: number): void {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) this.fail(path, `must be a whole number ${min}..${max}`);
  }

  block(path: string, value: unknown, blockIds: Set<string>): void {
    if (!isObj(value)) return this.fail(path, 'must be a block object');
    if (value.block_id !== undefined) {
      this.string(`${path}.block_id`, value.block_id, L.blockId);
      if (typeof value.block_id === 'string') {
        if (blockIds.has(value.block_id)) this.fail(`${path}.block_id`, `"${value.block_id}" is used twice`);
        blockIds.add(value.block_id);
      }
    }
    const actionIds = new Set<string>();
    switch (value.type) {
      case 'section':
        if (value.text === undefined && value.fields === undefined) this.fail(path, 'a section needs text or fields');
        this.text(`${path}.text`, value.text, L.textObject);
        this.array(`${path}.fields`, value.fields, L.sectionFields).forEach((f, i) => this.text(`${path}.fields[${i}]`, f, L.sectionField, { required: true }));
        if (value.accessory !== undefined) this.element(`${path}.accessory`, value.accessory, actionIds);
        break;
      case 'header':
        this.text(`${path}.text`, value.text, L.header, { required: true, plainOnly: true });
        break;
      case 'context':
        this.array(`${path}.elements`, value.elements, L.contextElements, 1).forEach((e, i) => {
          const p = `${path}.elements[${i}]`;
          if (isObj(e) && e.type === 'image') this.element(p, e, actionIds);
          else this.text(p, e, L.textObject, { required: true });
        });
        break;
      case 'actions':
        this.array(`${path}.elements`, value.elements, L.actionsElements, 1).forEach((e, i) => this.element(`${path}.elements[${i}]`, e, actionIds));
        break;
      case 'input':
        this.text(`${path}.label`, value.label, L.inputLabel, { required: true, plainOnly: true });
        this.text(`${path}.hint`, value.hint, L.inputHint, { plainOnly: true });
        if (value.element === undefined) this.fail(`${path}.element`, 'is required');
        else this.element(`${path}.element`, value.element, actionIds);
        break;
      case 'image':
        this.string(`${path}.image_url`, value.image_url, L.url);
        this.string(`${path}.alt_text`, value.alt_text, L.imageAlt, true);
        this.text(`${path}.title`, value.title, L.imageTitle, { plainOnly: true });
        break;
      case 'markdown':
        this.string(`${path}.text`, value.text, L.markdownBlock, true);
        break;
      case 'divider':
      case 'rich_text':
      case 'video':
      case 'file':
        break;
      default:
        this.fail(`${path}.type`, `unknown block type ${JSON.stringify(value.type)}`);
    }
  }
}

/**
 * The Web API client sends `view` and `blocks` form-encoded as JSON strings; a captured request
 * body is checked as what it encodes. Null (with a violation) when that is not JSON.
 */
function decoded(payload: unknown, c: Checker): Obj | null {
  const parse = (value: unknown, path: string): unknown => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      c.fail(path, 'is a string that is not JSON');
      return undefined;
    }
  };
  const p = parse(payload, 'payload');
  if (!isObj(p)) {
    if (p !== undefined) c.fail('payload', 'must be an object');
    return null;
  }
  return typeof p.blocks === 'string' ? { ...p, blocks: parse(p.blocks, 'blocks') } : p;
}

const hasInput = (blocks: readonly unknown[]): boolean => blocks.some((b) => isObj(b) && b.type === 'input');

/**
 * Every way `payload` breaks a Block Kit limit on `surface` (block counts, text lengths, element
 * counts, ids, view fields), as readable `path: problem` lines. Empty when Slack would accept it.
 */
export function blockKitViolations(payload: CheckedPayload, surface: Surface): string[] {
  const c = new Checker();
  const p = decoded(payload, c);
  if (p === null) return c.violations;
  const blocks = c.array('blocks', p.blocks, L.blocks[surface]);
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => c.block(`blocks[${i}]`, b, blockIds));
  if (surface === 'message') {
    c.string('text', p.text, L.messageText);
    const text = typeof p.text === 'string' ? p.text.trim() : '';
    if (text === '' && blocks.length === 0) c.fail('message', 'needs text or blocks');
  } else {
    if (p.type !== surface) c.fail('type', `must be "${surface}"`);
    if (surface === 'modal') {
      c.text('title', p.title, L.viewTitle, { required: true, plainOnly: true });
      c.text('submit', p.submit, L.viewButton, { required: hasInput(blocks), plainOnly: true });
      c.text('close', p.close, L.viewButton, { plainOnly: true });
    }
    c.string('private_metadata', p.private_metadata, L.privateMetadata);
    c.string('callback_id', p.callback_id, L.callbackId);
    c.string('external_id', p.external_id, L.externalId);
    const size = Buffer.byteLength(JSON.stringify(payload), 'utf8');
    if (size > L.viewBytes) c.fail('view', `is ${size} bytes, the limit is ${L.viewBytes}`);
  }
  return c.violations;
}
