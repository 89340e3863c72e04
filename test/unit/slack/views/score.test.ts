import { VIEW } from '../../../../src/slack/blocks/ids';
import { parseScoreText, readScoreForm } from '../../../../src/slack/blocks/score-form';
import { scoreModal } from '../../../../src/slack/blocks/score-modal.blocks';
import { EN, keyResult, objective, ZH } from '../../render/fixtures';
import { allText, inputIds, submission, viewViolations } from './view-check';

const O7 = objective({
  keyResults: [
    keyResult(),
    keyResult({ id: 13, ref: 'KR-13', title: 'Cut churn <@U123> from 5% to 3%' }),
    keyResult({ id: 14, ref: 'KR-14', title: 'Dropped', status: 'cancelled' }),
  ],
});
const SUGGESTED = [{ ref: 'KR-12', suggested: 0.6 }, { ref: 'KR-13', suggested: 0.3 }, { ref: 'O-7', suggested: 0.45 }];

describe('scoreModal', () => {
  it('should have an input per key result and one for the objective, prefilled', () => {
    const view = scoreModal(EN, O7, SUGGESTED);
    expect(view.callback_id).toBe(VIEW.score);
    expect(view.private_metadata).toBe('O-7');
    expect(inputIds(view)).toEqual(['s:KR-12', 's:KR-13', 's:O-7', 'note']);
    const values = submission(view);
    expect(values['s:KR-12']).toEqual({ score: { type: 'plain_text_input', value: '0.6' } });
    expect(values['s:O-7']).toEqual({ score: { type: 'plain_text_input', value: '0.45' } });
    expect(view.type === 'modal' && view.title.text).toBe('Score O-7');
    expect(allText(view)).toContain('Score *O-7* Delight our customers from 0.0 to 1.0');
    expect(allText(view)).toContain('Suggested from progress: 0.6');
    expect(viewViolations(view)).toEqual([]);
  });

  it('should leave an input empty without a suggestion, and speak Chinese', () => {
    const view = scoreModal(ZH, O7, []);
    expect(submission(view)['s:KR-13']).toEqual({ score: { type: 'plain_text_input', value: null } });
    expect(view.type === 'modal' && view.title.text).toBe('评分 O-7');
    expect(viewViolations(view)).toEqual([]);
  });
});

describe('readScoreForm', () => {
  const view = scoreModal(EN, O7, SUGGESTED);

  it.each([['0.7', 0.7], ['1', 1], ['0', 0], ['70%', 0.7], ['100%', 1], ['０.５', 0.5], ['1.5', null], ['150%', null], ['70', null], ['-0.1', null], ['$1', null], ['good', null]])(
    'should parse %p as %p',
    (text, expected) => {
      expect(parseScoreText(text)).toBe(expected);
    },
  );

  it('should read the prefilled scores and a note', () => {
    expect(readScoreForm(submission(view, { 's:KR-13': '40%', note: ' shipped most of it ' }), 'en')).toEqual({
      ok: true,
      value: {
        value: [{ ref: 'KR-12', score: 0.6 }, { ref: 'KR-13', score: 0.4 }, { ref: 'O-7', score: 0.45 }],
        note: 'shipped most of it',
      },
    });
  });

  it('should leave out emptied scores', () => {
    expect(readScoreForm(submission(view, { 's:KR-12': '', 's:KR-13': '' }), 'en')).toEqual({ ok: true, value: { value: [{ ref: 'O-7', score: 0.45 }] } });
  });

  it('should reject a bad score in both languages', () => {
    expect(readScoreForm(submission(view, { 's:KR-13': '7' }), 'en')).toEqual({
      ok: false, errors: { 's:KR-13': '"7" is not a score: use 0.0 to 1.0, or a percentage like 70%.' },
    });
    expect(readScoreForm(submission(view, { 's:O-7': '120%' }), 'zh-CN')).toEqual({
      ok: false, errors: { 's:O-7': '“120%”不是有效的分数：请用 0.0 到 1.0，或 70% 这样的百分比。' },
    });
  });

  it('should ask for at least one score, and reject a long note', () => {
    const empty = submission(view, { 's:KR-12': '', 's:KR-13': '', 's:O-7': '' });
    expect(readScoreForm(empty, 'en')).toEqual({ ok: false, errors: { 's:KR-12': 'Give at least one score from 0.0 to 1.0.' } });
    expect(readScoreForm(empty, 'zh-CN')).toEqual({ ok: false, errors: { 's:KR-12': '请至少填写一个 0.0 到 1.0 的分数。' } });
    expect(readScoreForm(submission(view, { note: 'n'.repeat(2001) }), 'en')).toEqual({ ok: false, errors: { note: 'This is too long: at most 2000 characters.' } });
  });
});
