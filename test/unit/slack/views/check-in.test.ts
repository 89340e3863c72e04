import { readCheckInForm, readUpdateValue } from '../../../../src/slack/blocks/check-in-form';
import { CHECK_IN_MAX_KEY_RESULTS, checkInModal } from '../../../../src/slack/blocks/check-in-modal.blocks';
import { VIEW } from '../../../../src/slack/blocks/ids';
import type { ViewStateValues } from '../../../../src/slack/blocks/read-form';
import { BEHIND, EN, keyResult, ZH } from '../../render/fixtures';
import { allText, inputIds, mrkdwnTexts, submission, viewViolations } from './view-check';

const KR12 = keyResult();
const KR13 = keyResult({ id: 13, ref: 'KR-13', title: 'Launch <!channel> beta & more', kind: 'milestone', start: 0, target: 1, current: 0, unit: null, confidence: null, lag: BEHIND });
const KR14 = keyResult({ id: 14, ref: 'KR-14', title: 'Closed one', status: 'closed' });

describe('checkInModal', () => {
  it('should show each open key result with value, confidence, note and blocker inputs', () => {
    const view = checkInModal(EN, [KR12, KR13, KR14]);
    expect(view.callback_id).toBe(VIEW.checkIn);
    expect(inputIds(view)).toEqual(['v:12', 'c:12', 'n:12', 'b:12', 'v:13', 'c:13', 'n:13', 'b:13']);
    expect(JSON.parse(view.private_metadata!)).toEqual([12, 13]);
    expect(viewViolations(view)).toEqual([]);
    const text = allText(view);
    expect(text).toContain('*KR-12*  Raise NPS from 30 to 45');
    expect(text).toContain('now 39 pts — e.g. 45, +5, 45% or done');
    expect(text).toContain('now not done yet — type done or not done');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('⚠️ Lagging: expected 62% by today, at 41% (21 points behind)');
    expect(text).not.toContain('Closed one');
  });

  it('should start the confidence select on the current confidence', () => {
    const values = submission(checkInModal(EN, [KR12, KR13]));
    expect(values['c:12']).toEqual({ 'confidence:at_risk': { type: 'static_select', selected_option: { value: 'at_risk' } } });
    expect(values['c:13']).toEqual({ 'confidence:': { type: 'static_select', selected_option: null } });
  });

  it('should put the key result named by firstRef first', () => {
    const view = checkInModal(EN, [KR12, KR13], { firstRef: 'kr13' });
    expect(inputIds(view).slice(0, 2)).toEqual(['v:13', 'c:13']);
    expect(JSON.parse(view.private_metadata!)).toEqual([13, 12]);
  });

  it('should show 19 key results and say how many more there are', () => {
    const krs = Array.from({ length: 25 }, (_, i) => keyResult({ id: i + 1, ref: `KR-${i + 1}` }));
    const view = checkInModal(EN, krs);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.parse(view.private_metadata!)).toHaveLength(CHECK_IN_MAX_KEY_RESULTS);
    expect(mrkdwnTexts(view).at(-1)).toBe('… and 6 more open key results not shown here. Update them with /okr update KR-12 45');
    expect(viewViolations(view)).toEqual([]);
  });

  it('should explain an empty list without a submit button, in both languages', () => {
    const en = checkInModal(EN, [KR14]);
    expect(en.type === 'modal' && en.submit).toBeUndefined();
    expect(allText(en)).toContain('You have no open key results');
    expect(viewViolations(en)).toEqual([]);
    const zh = checkInModal(ZH, []);
    expect(zh.type === 'modal' && zh.title.text).toBe('每周签到');
    expect(allText(zh)).toContain('这个周期你没有进行中的关键结果');
  });
});

describe('readUpdateValue', () => {
  it.each([
    ['', { mode: 'none' }],
    ['45', { mode: 'absolute', quantity: { value: 45 } }],
    ['45%', { mode: 'absolute', quantity: { value: 45, unit: '%' } }],
    ['+5', { mode: 'delta', quantity: { value: 5 } }],
    ['-3', { mode: 'delta', quantity: { value: -3 } }],
    ['1.2k', { mode: 'absolute', quantity: { value: 1200 } }],
    ['3万', { mode: 'absolute', quantity: { value: 30000 } }],
    ['¥30', { mode: 'absolute', quantity: { value: 30, unit: '¥' } }],
    ['Done', { mode: 'done' }],
    ['完成', { mode: 'done' }],
    ['not done', { mode: 'not_done' }],
    ['未完成', { mode: 'not_done' }],
    ['lots', null],
  ])('should read %p', (text, expected) => {
    expect(readUpdateValue(text)).toEqual(expected);
  });
});

describe('readCheckInForm', () => {
  const view = checkInModal(EN, [KR12, KR13]);

  it('should read filled-in key results and skip untouched ones', () => {
    const values = submission(view, { 'v:12': '+5', 'c:12': 'on_track', 'n:12': ' legal signed ', 'b:12': 'waiting on data' });
    expect(readCheckInForm(values, 'en')).toEqual({
      ok: true,
      value: [{ keyResultId: 12, value: { mode: 'delta', quantity: { value: 5 } }, confidence: 'on_track', note: 'legal signed', blocker: 'waiting on data' }],
    });
  });

  it('should keep an unchanged confidence when the value changed', () => {
    const values = submission(view, { 'v:12': '42', 'v:13': 'done' });
    expect(readCheckInForm(values, 'en')).toEqual({
      ok: true,
      value: [
        { keyResultId: 12, value: { mode: 'absolute', quantity: { value: 42 } }, confidence: 'at_risk' },
        { keyResultId: 13, value: { mode: 'done' } },
      ],
    });
  });

  it('should accept a confidence, note or blocker alone as value mode none', () => {
    expect(readCheckInForm(submission(view, { 'c:12': 'off_track' }), 'en')).toEqual({
      ok: true, value: [{ keyResultId: 12, value: { mode: 'none' }, confidence: 'off_track' }],
    });
    expect(readCheckInForm(submission(view, { 'n:13': 'design review done' }), 'en')).toEqual({
      ok: true, value: [{ keyResultId: 13, value: { mode: 'none' }, note: 'design review done' }],
    });
    expect(readCheckInForm(submission(view, { 'b:13': 'no designer' }), 'en')).toEqual({
      ok: true, value: [{ keyResultId: 13, value: { mode: 'none' }, blocker: 'no designer' }],
    });
  });

  it('should ask for something when nothing was filled in, on the first value field', () => {
    expect(readCheckInForm(submission(view), 'en')).toEqual({ ok: false, errors: { 'v:12': 'Fill in at least one key result before saving.' } });
    expect(readCheckInForm(submission(view), 'zh-CN')).toEqual({ ok: false, errors: { 'v:12': '保存前请至少填写一个关键结果。' } });
  });

  it('should reject a value it cannot read, in both languages', () => {
    expect(readCheckInForm(submission(view, { 'v:12': '42', 'v:13': 'soon' }), 'en')).toEqual({
      ok: false, errors: { 'v:13': '"soon" is not a value I understand. Try 45, +5, -3, 45% or done.' },
    });
    expect(readCheckInForm(submission(view, { 'v:12': '很多' }), 'zh-CN')).toEqual({
      ok: false, errors: { 'v:12': '看不懂“很多”。请输入 45、+5、-3、45% 或 完成。' },
    });
  });

  it('should reject a note or blocker over 2,000 characters and an unknown confidence', () => {
    const values: ViewStateValues = {
      ...submission(view, { 'n:12': 'x'.repeat(2001), 'b:13': '字'.repeat(2001) }),
      'c:13': { 'confidence:': { type: 'static_select', selected_option: { value: 'purple' } } },
    };
    const r = readCheckInForm(values, 'en');
    expect(r).toEqual({
      ok: false,
      errors: {
        'n:12': 'This is too long: at most 2000 characters.',
        'b:13': 'This is too long: at most 2000 characters.',
        'c:13': 'Choose on track, at risk or off track.',
      },
    });
  });
});
