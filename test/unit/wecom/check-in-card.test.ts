import fc from 'fast-check';
import type { Confidence } from '../../../src/domain/key-result';
import { utf8Bytes } from '../../../src/wecom/messages/byte-limits';
import {
  CARD_CHOICES, decodeCardKey, decodeKeyResultOptionId, encodeCardKey, keyResultOptionId, taskIdFor,
} from '../../../src/wecom/messages/card-keys';
import { checkInCard, type CheckInPromptView } from '../../../src/wecom/messages/check-in-card';
import { CARD_LIMITS, type TemplateCard } from '../../../src/wecom/messages/wecom-message';
import { BEHIND, CONTEXTS, EN, ZH, keyResult } from '../render/fixtures';

// The weekly check-in card: every field within WeCom's limits for any number of key results, keys
// that read back exactly and refuse anything else, and recorded answers visible on the redrawn card.

const LONG_ZH_TITLE = '提升华东区大客户的续约率并完成新版客户成功手册的编写与全员培训同时降低工单平均响应时长'.padEnd(60, '续');

function prompt(count: number, over: Partial<CheckInPromptView> = {}): CheckInPromptView {
  const keyResults = Array.from({ length: count }, (_, i) =>
    keyResult({ id: 100 + i, ref: `KR-${100 + i}`, title: i % 2 === 0 ? LONG_ZH_TITLE : `Raise NPS ${i} from 30 to 45`, lag: i % 3 === 0 ? BEHIND : null }),
  );
  return { type: 'check_in_prompt', promptId: 41, memberName: '欧阳娜娜'.repeat(20), period: '2026-W48', keyResults, ...over };
}

const LIMIT_CHECKS = {
  taskId: (c: TemplateCard) => /^[0-9a-zA-Z_\-@]{1,128}$/.test(c.task_id),
  title: (c: TemplateCard) => utf8Bytes(c.main_title.title ?? '') <= CARD_LIMITS.mainTitleBytes,
  desc: (c: TemplateCard) => utf8Bytes(c.main_title.desc ?? '') <= CARD_LIMITS.mainTitleDescBytes,
  source: (c: TemplateCard) => utf8Bytes(c.source?.desc ?? '') <= CARD_LIMITS.sourceDescBytes,
  subTitle: (c: TemplateCard) => utf8Bytes(c.sub_title_text ?? '') <= CARD_LIMITS.subTitleTextBytes,
  buttons: (c: TemplateCard) => c.button_list.length >= 1 && c.button_list.length <= CARD_LIMITS.buttons,
  buttonText: (c: TemplateCard) => c.button_list.every((b) => b.text !== '' && utf8Bytes(b.text) <= CARD_LIMITS.buttonTextBytes),
  buttonKeys: (c: TemplateCard) => {
    const keys = c.button_list.map((b) => ('key' in b ? b.key : ''));
    return new Set(keys).size === keys.length && keys.every((k) => k !== '' && utf8Bytes(k) <= CARD_LIMITS.keyBytes);
  },
  rows: (c: TemplateCard) => (c.horizontal_content_list ?? []).length <= CARD_LIMITS.horizontalContents,
  rowText: (c: TemplateCard) =>
    (c.horizontal_content_list ?? []).every((r) => utf8Bytes(r.keyname) <= CARD_LIMITS.horizontalKeynameBytes && utf8Bytes(r.value ?? '') <= CARD_LIMITS.horizontalValueBytes),
  options: (c: TemplateCard) => {
    const s = c.button_selection;
    if (!s) return true;
    const ids = s.option_list.map((o) => o.id);
    return (
      ids.length >= 1 && ids.length <= CARD_LIMITS.options && new Set(ids).size === ids.length && ids.every((id) => utf8Bytes(id) <= CARD_LIMITS.optionIdBytes) &&
      s.option_list.every((o) => utf8Bytes(o.text) <= CARD_LIMITS.optionTextBytes) && ids.includes(s.selected_id ?? '') &&
      utf8Bytes(s.title ?? '') <= CARD_LIMITS.selectionTitleBytes && utf8Bytes(s.question_key) <= CARD_LIMITS.questionKeyBytes
    );
  },
};

/** The names of the limits a card breaks; empty when it is fine. */
const broken = (card: TemplateCard): string[] => Object.entries(LIMIT_CHECKS).filter(([, ok]) => !ok(card)).map(([name]) => name);

describe('checkInCard', () => {
  for (const ctx of CONTEXTS) {
    it.each([0, 1, 6, 25])(`should keep every field within WeCom's limits with %i key results (${ctx.locale})`, (count) => {
      const card = checkInCard(prompt(count), ctx, { taskId: taskIdFor(41) });
      expect(broken(card)).toEqual([]);
      expect(card.card_type).toBe('button_interaction');
      expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    });
  }

  it('should show the prompt’s title and intro and the key results, summarising past six', () => {
    const six = checkInCard(prompt(6), ZH, { taskId: 't' });
    expect(six.main_title.title).toBe('每周签到 — 2026-W48');
    expect(six.main_title.desc).toContain('6 个进行中的关键结果');
    expect(six.horizontal_content_list?.map((r) => r.keyname)).toEqual(['KR-100', 'KR-101', 'KR-102', 'KR-103', 'KR-104', 'KR-105']);
    const many = checkInCard(prompt(25), ZH, { taskId: 't' });
    expect(many.horizontal_content_list).toHaveLength(6);
    expect(many.horizontal_content_list?.at(-1)).toEqual({ keyname: '更多', value: '还有 20 个，点“详情”查看全部' });
    expect(many.button_selection?.option_list).toHaveLength(10);
    expect(many.horizontal_content_list?.[1]?.value).toBe('Raise NPS 1 from 30 to 45 · 60%');
  });

  it('should offer 按计划 / 有风险 / 延期 / 详情, and only 详情 when nothing is open', () => {
    expect(checkInCard(prompt(2), ZH, { taskId: 't' }).button_list.map((b) => b.text)).toEqual(['按计划', '有风险', '延期', '详情']);
    expect(checkInCard(prompt(2), EN, { taskId: 't' }).button_list.map((b) => b.text)).toEqual(['On track', 'At risk', 'Off track', 'Details']);
    const empty = checkInCard(prompt(0), ZH, { taskId: 't' });
    expect(empty.button_list.map((b) => b.text)).toEqual(['详情']);
    expect(empty.button_selection).toBeUndefined();
    expect(empty.main_title.desc).toContain('不需要签到');
  });

  it('should give every button a key that reads back as its prompt and choice', () => {
    const card = checkInCard(prompt(3), EN, { taskId: 't' });
    const decoded = card.button_list.map((b) => ('key' in b ? decodeCardKey(b.key) : null));
    expect(decoded).toEqual(CARD_CHOICES.map((choice) => ({ promptId: 41, choice })));
    expect(card.button_selection?.question_key).toBe('kr');
    expect(card.button_selection?.option_list.map((o) => decodeKeyResultOptionId(o.id))).toEqual([100, 101, 102]);
  });

  it('should show recorded answers as "KR-12: 有风险 ✓" lines and select the next open key result', () => {
    const recorded: { keyResultId: number; confidence: Confidence }[] = [{ keyResultId: 100, confidence: 'at_risk' }, { keyResultId: 101, confidence: 'on_track' }];
    const card = checkInCard(prompt(4), ZH, { taskId: 'checkin-41', recorded });
    expect(card.sub_title_text?.split('\n')).toEqual(['KR-100: 有风险 ✓', 'KR-101: 按计划 ✓', '先选择一个关键结果，再点击它的进展情况。']);
    expect(card.button_selection?.selected_id).toBe('kr-102');
    expect(card.horizontal_content_list?.map((r) => r.keyname)).toEqual(['KR-102', 'KR-103', 'KR-100', 'KR-101']);
    expect(card.horizontal_content_list?.[2]?.value).toMatch(/ · 60% ✓$/);
    const en = checkInCard(prompt(4), EN, { taskId: 'checkin-41', recorded });
    expect(en.sub_title_text).toContain('KR-100: At risk ✓');
  });

  it('should thank the member when every key result is recorded, and count what does not fit', () => {
    const all = prompt(25).keyResults.map((kr) => ({ keyResultId: kr.id, confidence: 'off_track' as const }));
    const card = checkInCard(prompt(25), ZH, { taskId: 't', recorded: all });
    expect(broken(card)).toEqual([]);
    const lines = card.sub_title_text?.split('\n') ?? [];
    expect(lines.at(-1)).toBe('本周的关键结果都已签到，谢谢！');
    expect(lines.at(-2)).toMatch(/^另有 \d+ 个已签到$/);
    expect(lines[0]).toBe('KR-100: 延期 ✓');
  });

  it('should refuse a task_id WeCom would reject', () => {
    expect(() => checkInCard(prompt(1), EN, { taskId: 'has space' })).toThrow(RangeError);
    expect(() => checkInCard(prompt(1), EN, { taskId: 'x'.repeat(129) })).toThrow(RangeError);
    expect(() => checkInCard(prompt(1), EN, { taskId: '' })).toThrow(RangeError);
  });
});

describe('card keys', () => {
  it('should round-trip every prompt id and choice, within 1,024 bytes', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(...CARD_CHOICES), (promptId, choice) => {
        const id = Math.min(promptId, 999_999_999_999_999);
        const key = encodeCardKey({ promptId: id, choice });
        expect(utf8Bytes(key)).toBeLessThanOrEqual(CARD_LIMITS.keyBytes);
        expect(decodeCardKey(key)).toEqual({ promptId: id, choice });
        expect(decodeKeyResultOptionId(keyResultOptionId(id))).toBe(id);
      }),
    );
  });

  it('should decode anything it did not encode to null', () => {
    const hostile: unknown[] = [
      '', 'checkin', 'checkin:41', 'checkin:41:at_risk ', ' checkin:41:at_risk', 'checkin:041:at_risk', 'checkin:-1:at_risk',
      'checkin:1.5:at_risk', 'checkin:41:delete', 'checkin:41:AT_RISK', 'checkin:41:at_risk:x', 'checkin:9999999999999999:at_risk',
      'checkin:41:__proto__', 'checkin:41:constructor', `checkin:41:at_risk\n`, 'checkin:４１:at_risk', `checkin:${'1'.repeat(2000)}:at_risk`,
      41, null, undefined, { promptId: 41, choice: 'at_risk' }, ['checkin:41:at_risk'],
    ];
    for (const key of hostile) expect({ key, decoded: decodeCardKey(key) }).toEqual({ key, decoded: null });
    for (const id of ['kr-', 'kr-01', 'kr-1 ', 'KR-1', 'kr-1e3', 'kr--1', 12, null]) expect(decodeKeyResultOptionId(id)).toBeNull();
  });

  it('should decode random strings to null unless they are exactly a key we issue', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const decoded = decodeCardKey(s);
        if (decoded !== null) expect(encodeCardKey(decoded)).toBe(s);
        const option = decodeKeyResultOptionId(s);
        if (option !== null) expect(keyResultOptionId(option)).toBe(s);
      }),
    );
  });
});

describe('taskIdFor', () => {
  it('should give a WeCom task_id of at most 128 bytes of [0-9a-zA-Z_-@], new per attempt', () => {
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999_999_999 }), fc.nat({ max: 999_999_999_999_999 }), (promptId, attempt) => {
        const id = taskIdFor(promptId, attempt);
        expect(id).toMatch(/^[0-9a-zA-Z_\-@]{1,128}$/);
        if (attempt > 0) expect(id).not.toBe(taskIdFor(promptId));
      }),
    );
    expect(taskIdFor(41)).toBe('checkin-41');
    expect(taskIdFor(41, 2)).toBe('checkin-41-2');
  });

  it('should refuse ids that are not non-negative integers', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e20]) expect(() => taskIdFor(bad)).toThrow(RangeError);
    expect(() => taskIdFor(41, -1)).toThrow(RangeError);
  });
});
