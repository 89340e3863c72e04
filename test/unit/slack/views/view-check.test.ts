import type { View } from '@slack/types';
import { viewViolations } from './view-check';

// The local checker must catch what it claims to, or the property tests prove nothing.

const base = (): View => ({
  type: 'modal',
  title: { type: 'plain_text', text: 'Fine' },
  submit: { type: 'plain_text', text: 'Save' },
  blocks: [{ type: 'section', block_id: 'a', text: { type: 'mrkdwn', text: 'ok' } }],
});

describe('viewViolations', () => {
  it('should accept a valid view', () => {
    expect(viewViolations(base())).toEqual([]);
  });

  it.each<[string, (v: View & { type: 'modal' }) => void]>([
    ['too many blocks', (v) => { v.blocks = Array.from({ length: 101 }, () => ({ type: 'divider' })); }],
    ['a long title', (v) => { v.title.text = 'x'.repeat(25); }],
    ['long private_metadata', (v) => { v.private_metadata = 'x'.repeat(3001); }],
    ['a mention in mrkdwn', (v) => { v.blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'hi <!channel>' } }]; }],
    ['a user mention in mrkdwn', (v) => { v.blocks = [{ type: 'context', elements: [{ type: 'mrkdwn', text: '<@U1>' }] }]; }],
    ['an empty text', (v) => { v.blocks = [{ type: 'section', text: { type: 'plain_text', text: '' } }]; }],
    ['a long text', (v) => { v.blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }]; }],
    ['duplicate block ids', (v) => { v.blocks = [{ type: 'divider', block_id: 'a' }, { type: 'divider', block_id: 'a' }]; }],
    ['a long block id', (v) => { v.blocks = [{ type: 'divider', block_id: 'b'.repeat(256) }]; }],
    ['a long option text', (v) => {
      v.blocks = [{ type: 'input', block_id: 'i', label: { type: 'plain_text', text: 'L' }, element: { type: 'static_select', action_id: 's', options: [{ text: { type: 'plain_text', text: 'o'.repeat(76) }, value: '1' }] } }];
    }],
    ['a long option value', (v) => {
      v.blocks = [{ type: 'input', block_id: 'i', label: { type: 'plain_text', text: 'L' }, element: { type: 'static_select', action_id: 's', options: [{ text: { type: 'plain_text', text: 'o' }, value: 'v'.repeat(76) }] } }];
    }],
    ['inputs without submit', (v) => {
      delete v.submit;
      v.blocks = [{ type: 'input', block_id: 'i', label: { type: 'plain_text', text: 'L' }, element: { type: 'plain_text_input', action_id: 't' } }];
    }],
  ])('should catch %s', (_, spoil) => {
    const view = base() as View & { type: 'modal' };
    spoil(view);
    expect(viewViolations(view).length).toBeGreaterThan(0);
  });
});
