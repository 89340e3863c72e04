import type { Outcome } from '../../../src/use-cases/outcome';
import { utf8Bytes, WECOM_TEXT_LIMIT } from '../../../src/wecom/messages/byte-limits';
import { errorMessages, outcomeMessages, unexpectedErrorMessage } from '../../../src/wecom/messages/outcome-messages';
import type { WecomMessage } from '../../../src/wecom/messages/wecom-message';
import { CONTEXTS, EN, ZH, keyResult, objective } from '../render/fixtures';
import { CASES } from '../slack/outcome-cases';

// Command replies as WeCom text messages: the console's text, angle brackets made inert, and long
// replies split into pages of at most 2,048 bytes marked "(2/3)".

const contents = (messages: readonly WecomMessage[]): string[] => messages.map((m) => (m.msgtype === 'text' ? m.text.content : `<${m.msgtype}>`));

describe('outcomeMessages', () => {
  for (const ctx of CONTEXTS) {
    it.each(Object.keys(CASES) as Outcome['type'][])(`should send %s as text within 2,048 bytes (${ctx.locale})`, (type) => {
      const texts = contents(outcomeMessages(CASES[type].outcome, ctx));
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        expect(utf8Bytes(text)).toBeLessThanOrEqual(WECOM_TEXT_LIMIT);
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/[<>]/);
      }
    });
  }

  it('should page a long reply with "(n/N)" markers and keep every goal', () => {
    const objectives = Array.from({ length: 60 }, (_, i) =>
      objective({ id: i + 1, ref: `O-${i + 1}`, title: '提升华东区大客户的续约率并完成新版客户成功手册'.repeat(2), keyResults: [keyResult({ ref: `KR-${i + 1}` })] }),
    );
    const texts = contents(outcomeMessages({ type: 'goals', scope: '#eng', objectives, cycleName: '2026-Q4' }, ZH));
    expect(texts.length).toBeGreaterThan(2);
    texts.forEach((t, i) => expect(t.split('\n')[0]).toBe(`（${i + 1}/${texts.length}）`));
    const all = texts.join('\n');
    for (const o of objectives) expect(all).toContain(`${o.ref}  `);
    for (const t of texts) expect(utf8Bytes(t)).toBeLessThanOrEqual(WECOM_TEXT_LIMIT);
  });

  it('should not let a title carry a link into a text message', () => {
    const evil = objective({ title: '<a href="http://evil">click</a>' });
    const [text] = contents(outcomeMessages({ type: 'objective_created', objective: evil }, EN));
    expect(text).toContain('＜a href="http://evil"＞click＜/a＞');
  });
});

describe('errorMessages', () => {
  it('should explain a parse error with its usage, quoting a hostile token cut short and inert', () => {
    const token = `<a href="http://evil">${'x'.repeat(5000)}</a>`;
    const texts = contents(errorMessages({ code: 'unknown_verb', usage: 'update', token }, EN));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('I don’t know the command');
    expect(texts[0]).toContain('/okr update KR-12');
    expect(texts[0]).not.toMatch(/[<>]/);
    expect(utf8Bytes(texts[0]!)).toBeLessThanOrEqual(WECOM_TEXT_LIMIT);
  });

  it('should explain a use-case error in the reader’s language', () => {
    expect(contents(errorMessages({ code: 'not_found', what: 'KR-99', suggestions: ['KR-9'] }, ZH))[0]).toContain('找不到 KR-99');
    expect(contents([unexpectedErrorMessage('abc123', EN)])[0]).toContain('abc123');
  });
});
