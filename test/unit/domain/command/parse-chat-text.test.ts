import { chat } from './helpers';

const update = { verb: 'update', keyResult: { type: 'key_result', number: 12 }, value: { mode: 'absolute', quantity: { value: 45 } } };

describe('parseChatText prefixes and mentions', () => {
  it.each([
    '/okr update KR-12 45',
    'okr update KR-12 45',
    'OKR update KR-12 45',
    '／ｏｋｒ update KR-12 45',
    'update KR-12 45',
    '  update KR-12 45  ',
    '\u3000update\u3000KR-12\u300045\u3000',
    'update\u200b KR-12 45',
    '<@U0BOT> update KR-12 45',
    '<@U0BOT|okrbot> /okr update KR-12 45',
    '@OKR助手 update KR-12 45',
    '@OKR助手\u2005更新 KR-12 45',
    '@OKR助手 okr update KR-12 45',
    '/update KR-12 45',
    'UPDATE kr-12 45',
    '更新：KR-12 45',
  ])('%j', (text) => {
    expect(chat(text)).toEqual(update);
  });

  it('keeps a leading @name that is not a bot mention', () => {
    expect(chat('list @bob')).toEqual({ verb: 'list', scope: { type: 'member', member: { name: 'bob' } } });
    expect(chat('@OKR助手')).toEqual({ verb: 'home' });
    expect(chat('<@U0BOT>')).toEqual({ verb: 'home' });
    expect(chat('okr')).toEqual({ verb: 'home' });
    expect(chat('/okr')).toEqual({ verb: 'home' });
    expect(chat('')).toEqual({ verb: 'home' });
  });
});
