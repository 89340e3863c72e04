import { blockKitViolations } from '../../../src/slack/blocks/limits-check';

const md = (text: string): object => ({ type: 'mrkdwn', text });
const pt = (text: string): object => ({ type: 'plain_text', text });
const section = (text: string): object => ({ type: 'section', text: md(text) });
const btn = (over: object = {}): object => ({ type: 'button', text: pt('Go'), action_id: 'go', ...over });
const option = (text: string, value: string): object => ({ text: pt(text), value });

/** The violations of a message with these blocks. */
const check = (...blocks: object[]): string[] => blockKitViolations({ text: 'hi', blocks }, 'message');

describe('blockKitViolations', () => {
  it('should accept a well-formed message', () => {
    expect(
      check(
        { type: 'header', text: pt('Title') },
        section('hello'),
        { type: 'section', fields: [md('a'), md('b')], accessory: btn() },
        { type: 'context', elements: [md('small'), { type: 'image', image_url: 'https://x/y.png', alt_text: 'x' }] },
        { type: 'divider' },
        { type: 'actions', elements: [btn(), btn({ action_id: 'other', value: 'v' })] },
      ),
    ).toEqual([]);
  });

  it('should count blocks per surface', () => {
    const blocks = Array.from({ length: 51 }, () => section('x'));
    expect(blockKitViolations({ text: 'x', blocks }, 'message')).toEqual(['blocks: has 51 items, the limit is 50']);
    expect(blockKitViolations({ type: 'home', blocks }, 'home')).toEqual([]);
    expect(blockKitViolations({ type: 'home', blocks: [...blocks, ...blocks] }, 'home')).toEqual(['blocks: has 102 items, the limit is 100']);
  });

  it('should check message text and emptiness', () => {
    expect(blockKitViolations({ text: 'x'.repeat(40_001) }, 'message')).toEqual(['text: has 40001 characters, the limit is 40000']);
    expect(blockKitViolations({ text: ' ', blocks: [] }, 'message')).toEqual(['message: needs text or blocks']);
  });

  it('should check every text object for emptiness and 3,000 characters', () => {
    expect(check(section(''))).toEqual(['blocks[0].text.text: must not be empty']);
    expect(check(section('  \n'))).toEqual(['blocks[0].text.text: must not be empty']);
    expect(check(section('x'.repeat(3_001)))).toEqual(['blocks[0].text.text: has 3001 characters, the limit is 3000']);
    expect(check({ type: 'section', text: { type: 'html', text: 'x' } })).toEqual(['blocks[0].text: has unknown text type html']);
    expect(check({ type: 'section' })).toEqual(['blocks[0]: a section needs text or fields']);
  });

  it('should check headers, fields and context elements', () => {
    expect(check({ type: 'header', text: pt('x'.repeat(151)) })).toEqual(['blocks[0].text.text: has 151 characters, the limit is 150']);
    expect(check({ type: 'header', text: md('x') })).toEqual(['blocks[0].text: must be plain_text']);
    const fields = Array.from({ length: 11 }, () => md('f'));
    expect(check({ type: 'section', fields })).toEqual(['blocks[0].fields: has 11 items, the limit is 10']);
    expect(check({ type: 'section', fields: [md('x'.repeat(2_001))] })).toEqual(['blocks[0].fields[0].text: has 2001 characters, the limit is 2000']);
    expect(check({ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) })).toEqual(['blocks[0].elements: has 11 items, the limit is 10']);
    expect(check({ type: 'context', elements: [] })).toEqual(['blocks[0].elements: has 0 items, it needs at least 1']);
  });

  it('should check actions, buttons and confirm dialogs', () => {
    const many = Array.from({ length: 26 }, (_, i) => btn({ action_id: `a${i}` }));
    expect(check({ type: 'actions', elements: many })).toEqual(['blocks[0].elements: has 26 items, the limit is 25']);
    expect(check({ type: 'actions', elements: [btn({ text: pt('x'.repeat(76)) })] })).toEqual(['blocks[0].elements[0].text.text: has 76 characters, the limit is 75']);
    expect(check({ type: 'actions', elements: [btn({ value: 'v'.repeat(2_001) })] })).toEqual(['blocks[0].elements[0].value: has 2001 characters, the limit is 2000']);
    expect(check({ type: 'actions', elements: [btn(), btn()] })).toEqual(['blocks[0].elements[1].action_id: "go" is used twice in one block']);
    expect(check({ type: 'actions', elements: [btn({ action_id: 'a'.repeat(256) })] })).toEqual(['blocks[0].elements[0].action_id: has 256 characters, the limit is 255']);
    expect(check({ type: 'actions', elements: [btn({ style: 'loud' })] })).toEqual(['blocks[0].elements[0].style: must be primary or danger']);
    const confirm = { title: pt('x'.repeat(101)), text: md('x'.repeat(301)), confirm: pt('x'.repeat(31)), deny: pt('x'.repeat(31)) };
    expect(check({ type: 'section', text: md('x'), accessory: btn({ confirm }) })).toEqual([
      'blocks[0].accessory.confirm.title.text: has 101 characters, the limit is 100',
      'blocks[0].accessory.confirm.text.text: has 301 characters, the limit is 300',
      'blocks[0].accessory.confirm.confirm.text: has 31 characters, the limit is 30',
      'blocks[0].accessory.confirm.deny.text: has 31 characters, the limit is 30',
    ]);
  });

  it('should check selects, options and option groups', () => {
    const select = (over: object): object => ({ type: 'actions', elements: [{ type: 'static_select', action_id: 's', ...over }] });
    const options = Array.from({ length: 101 }, (_, i) => option(`o${i}`, `${i}`));
    expect(check(select({ options }))).toEqual(['blocks[0].elements[0].options: has 101 items, the limit is 100']);
    expect(check(select({ options: [option('x'.repeat(76), 'v'.repeat(76))] }))).toEqual([
      'blocks[0].elements[0].options[0].text.text: has 76 characters, the limit is 75',
      'blocks[0].elements[0].options[0].value: has 76 characters, the limit is 75',
    ]);
    expect(check(select({ options: [option('a', '1')], placeholder: pt('p'.repeat(151)) }))).toEqual([
      'blocks[0].elements[0].placeholder.text: has 151 characters, the limit is 150',
    ]);
    expect(check(select({ option_groups: [{ label: pt('g'.repeat(76)), options: [option('a', '1')] }] }))).toEqual([
      'blocks[0].elements[0].option_groups[0].label.text: has 76 characters, the limit is 75',
    ]);
    expect(check(select({}))).toEqual(['blocks[0].elements[0]: needs options or option_groups']);
    expect(check(select({ options: [option('a', '1')], initial_option: option('b', 'v'.repeat(80)) }))).toEqual([
      'blocks[0].elements[0].initial_option.value: has 80 characters, the limit is 75',
    ]);
    const overflow = { type: 'overflow', action_id: 'o', options: Array.from({ length: 6 }, (_, i) => option(`o${i}`, `${i}`)) };
    expect(check({ type: 'section', text: md('x'), accessory: overflow })).toEqual(['blocks[0].accessory.options: has 6 items, the limit is 5']);
  });

  it('should check block ids: length and uniqueness', () => {
    expect(check({ ...section('a'), block_id: 'b' }, { ...section('b'), block_id: 'b' })).toEqual(['blocks[1].block_id: "b" is used twice']);
    expect(check({ ...section('a'), block_id: 'b'.repeat(256) })).toEqual(['blocks[0].block_id: has 256 characters, the limit is 255']);
  });

  it('should check modal fields and input blocks', () => {
    const input = { type: 'input', block_id: 'title', label: pt('Title'), element: { type: 'plain_text_input', action_id: 'v' } };
    const modal = { type: 'modal' as const, title: pt('New objective'), submit: pt('Create'), close: pt('Cancel'), callback_id: 'cb', private_metadata: '{}', blocks: [input] };
    expect(blockKitViolations(modal, 'modal')).toEqual([]);
    expect(
      blockKitViolations(
        { ...modal, title: pt('t'.repeat(25)), submit: undefined, close: pt('c'.repeat(25)), private_metadata: 'm'.repeat(3_001), callback_id: 'c'.repeat(256) },
        'modal',
      ),
    ).toEqual([
      'title.text: has 25 characters, the limit is 24',
      'submit: is required',
      'close.text: has 25 characters, the limit is 24',
      'private_metadata: has 3001 characters, the limit is 3000',
      'callback_id: has 256 characters, the limit is 255',
    ]);
    expect(blockKitViolations({ ...modal, title: undefined }, 'modal')).toEqual(['title: is required']);
    const badInput = { ...input, label: pt('l'.repeat(2_001)), hint: pt('h'.repeat(2_001)), element: { type: 'plain_text_input', action_id: 'v', max_length: 5_000 } };
    expect(blockKitViolations({ ...modal, blocks: [badInput] }, 'modal')).toEqual([
      'blocks[0].label.text: has 2001 characters, the limit is 2000',
      'blocks[0].hint.text: has 2001 characters, the limit is 2000',
      'blocks[0].element.max_length: must be a whole number 1..3000',
    ]);
    expect(blockKitViolations({ type: 'home', blocks: [] }, 'modal')).toEqual(['type: must be "modal"', 'title: is required']);
  });

  it('should report unknown block types and non-objects', () => {
    expect(check({ type: 'fancy' }, 'nope' as unknown as object)).toEqual(['blocks[0].type: unknown block type "fancy"', 'blocks[1]: must be a block object']);
  });
});

describe('blockKitViolations on captured request bodies', () => {
  it('should read blocks and views sent as JSON strings', () => {
    expect(blockKitViolations({ text: 'x', blocks: JSON.stringify([section('')]) } as never, 'message')).toEqual(['blocks[0].text.text: must not be empty']);
    expect(blockKitViolations(JSON.stringify({ type: 'home', blocks: [] }) as never, 'home')).toEqual([]);
    expect(blockKitViolations({ text: 'x', blocks: '[oops' } as never, 'message')).toEqual(['blocks: is a string that is not JSON']);
  });
});
