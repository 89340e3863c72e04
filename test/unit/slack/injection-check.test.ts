import { unescapedAngles, unescapedControl } from '../../../src/slack/blocks/injection-check';

const message = (...texts: string[]): object => ({
  text: 'fallback',
  blocks: texts.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } })),
});

describe('unescapedControl', () => {
  it('should find broadcasts, channel links and mentions in mrkdwn at any depth', () => {
    expect(unescapedControl(message('ok', 'hey <!channel>', '<!here>', '<#C1|general>', 'hi <@U123>', '&lt;!channel&gt;'))).toEqual([
      'hey <!channel>',
      '<!here>',
      '<#C1|general>',
      'hi <@U123>',
    ]);
    const nested = { blocks: [{ type: 'actions', elements: [{ type: 'button', confirm: { text: { type: 'mrkdwn', text: '<!everyone>' } } }] }] };
    expect(unescapedControl(nested)).toEqual(['<!everyone>']);
  });

  it('should check the message text, and ignore plain_text', () => {
    expect(unescapedControl({ text: 'new <!channel>', blocks: [] })).toEqual(['new <!channel>']);
    expect(unescapedControl({ blocks: [{ type: 'header', text: { type: 'plain_text', text: '<!channel>' } }] })).toEqual([]);
  });

  it('should allow mentions of the user ids our code generated', () => {
    expect(unescapedControl(message('thanks <@U123> and <@U456|bob>'), ['U123', 'U456'])).toEqual([]);
    expect(unescapedControl(message('thanks <@U123> and <@U999>'), ['U123'])).toEqual(['thanks <@U123> and <@U999>']);
    expect(unescapedControl(message('<@U123> <!here>'), ['U123'])).toEqual(['<@U123> <!here>']);
  });
});

describe('unescapedAngles', () => {
  it('should find any raw angle bracket besides allowed mentions', () => {
    expect(unescapedAngles(message('a <value>', 'b &lt;value&gt;', 'c <@U1>', 'x > y'), ['U1'])).toEqual(['a <value>', 'x > y']);
  });
});

describe('captured request bodies', () => {
  it('should look inside blocks and views sent as JSON strings', () => {
    const blocks = JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: '<!here>' } }]);
    expect(unescapedControl({ channel: 'C1', text: 'ok', blocks })).toEqual(['<!here>']);
    expect(unescapedControl({ view: JSON.stringify({ type: 'modal', blocks: JSON.parse(blocks) }) })).toEqual(['<!here>']);
  });
});
