import { VIEW } from '../../../../src/slack/blocks/ids';
import { readTeamSettingsForm, TEAM_SETTINGS_ERROR_BLOCK } from '../../../../src/slack/blocks/team-settings-form';
import { CHECKIN_TIMES, teamSettingsModal, type TeamSettings } from '../../../../src/slack/blocks/team-settings-modal.blocks';
import { EN, ZH } from '../../render/fixtures';
import { allText, inputIds, submission, viewViolations } from './view-check';

const TEAM: TeamSettings = {
  id: 3, name: 'Growth <!here>', checkinWeekday: 5, checkinTime: '09:30', channelRef: 'C0123ABCD', lagThreshold: 20,
  remindAfterHours: 4, escalateAfterWorkdays: 2, digestAfterHours: 24,
};
const LADDER = { remindAfterHours: 4, escalateAfterWorkdays: 2, digestAfterHours: 24 };

describe('teamSettingsModal', () => {
  it('should prefill the current settings', () => {
    const view = teamSettingsModal(EN, TEAM);
    expect(view.callback_id).toBe(VIEW.teamSettings);
    expect(view.private_metadata).toBe('3');
    expect(inputIds(view)).toEqual(['weekday', 'time', 'channel', 'threshold', 'remind', 'escalate', 'digest']);
    expect(submission(view)).toEqual({
      weekday: { weekday: { type: 'static_select', selected_option: { value: '5' } } },
      time: { time: { type: 'static_select', selected_option: { value: '09:30' } } },
      channel: { channel: { type: 'conversations_select', selected_conversation: 'C0123ABCD' } },
      threshold: { threshold: { type: 'plain_text_input', value: '20' } },
      remind: { remind: { type: 'plain_text_input', value: '4' } },
      escalate: { escalate: { type: 'plain_text_input', value: '2' } },
      digest: { digest: { type: 'plain_text_input', value: '24' } },
    });
    expect(allText(view)).toContain('Reminder after (hours)');
    expect(allText(view)).toContain('0 = never');
    expect(allText(view)).toContain('*Growth &lt;!here&gt;*');
    expect(allText(view)).toContain('Friday');
    expect(viewViolations(view)).toEqual([]);
  });

  it('should offer every half hour from 06:00 to 20:00, plus an off-grid current time', () => {
    expect(CHECKIN_TIMES).toHaveLength(29);
    expect(CHECKIN_TIMES[0]).toBe('06:00');
    expect(CHECKIN_TIMES.at(-1)).toBe('20:00');
    const view = teamSettingsModal(ZH, { ...TEAM, checkinTime: '21:15', channelRef: null, checkinWeekday: 9 });
    const values = submission(view);
    expect(values.time).toEqual({ time: { type: 'static_select', selected_option: { value: '21:15' } } });
    expect(values.weekday).toEqual({ weekday: { type: 'static_select', selected_option: null } });
    expect(values.channel).toEqual({ channel: { type: 'conversations_select', selected_conversation: null } });
    expect(allText(view)).toContain('周五');
    expect(allText(view)).toContain('多久后通知上级（工作日）');
    expect(viewViolations(view)).toEqual([]);
  });

  it('should prefill the ladder only with values in range, and show 0 (never) as 0', () => {
    const values = submission(teamSettingsModal(EN, { ...TEAM, remindAfterHours: 0, escalateAfterWorkdays: 0, digestAfterHours: 1.5 }));
    expect(values.remind).toEqual({ remind: { type: 'plain_text_input', value: null } });
    expect(values.escalate).toEqual({ escalate: { type: 'plain_text_input', value: '0' } });
    expect(values.digest).toEqual({ digest: { type: 'plain_text_input', value: null } });
  });
});

describe('readTeamSettingsForm', () => {
  const view = teamSettingsModal(EN, TEAM);

  it('should read the settings', () => {
    expect(readTeamSettingsForm(submission(view, { weekday: '1', time: '10:00', threshold: ' 25 ' }), 'en')).toEqual({
      ok: true, value: { checkinWeekday: 1, checkinTime: '10:00', channelRef: 'C0123ABCD', lagThreshold: 25, ...LADDER },
    });
    expect(readTeamSettingsForm(submission(view, { channel: null, threshold: '30%' }), 'en')).toEqual({
      ok: true, value: { checkinWeekday: 5, checkinTime: '09:30', channelRef: null, lagThreshold: 30, ...LADDER },
    });
  });

  it.each([
    [{ remind: '1', escalate: '0', digest: '0' }, { remindAfterHours: 1, escalateAfterWorkdays: 0, digestAfterHours: 0 }],
    [{ remind: '72', escalate: '20', digest: '144' }, { remindAfterHours: 72, escalateAfterWorkdays: 20, digestAfterHours: 144 }],
    [{ remind: '6h', escalate: 'never', digest: '2d' }, { remindAfterHours: 6, escalateAfterWorkdays: 0, digestAfterHours: 48 }],
    [{ remind: '8 hours', escalate: '3 workdays', digest: '1 day' }, { remindAfterHours: 8, escalateAfterWorkdays: 3, digestAfterHours: 24 }],
    [{ remind: '四小时', escalate: '从不', digest: '２４小时' }, { remindAfterHours: 4, escalateAfterWorkdays: 0, digestAfterHours: 24 }],
    [{ remind: '12个小时', escalate: '两个工作日', digest: '一天' }, { remindAfterHours: 12, escalateAfterWorkdays: 2, digestAfterHours: 24 }],
  ])('should read the escalation ladder %j', (fill, ladder) => {
    expect(readTeamSettingsForm(submission(view, fill), 'en')).toEqual({
      ok: true, value: { checkinWeekday: 5, checkinTime: '09:30', channelRef: 'C0123ABCD', lagThreshold: 20, ...ladder },
    });
  });

  it.each([
    ['remind', '0', 'Use a whole number of hours from 1 to 72.'],
    ['remind', '73', 'Use a whole number of hours from 1 to 72.'],
    ['remind', '1.5', 'Use a whole number of hours from 1 to 72.'],
    ['remind', 'never', 'Use a whole number of hours from 1 to 72.'],
    ['remind', '', 'Use a whole number of hours from 1 to 72.'],
    ['escalate', '21', 'Use a whole number of workdays from 0 to 20, or never.'],
    ['escalate', '-1', 'Use a whole number of workdays from 0 to 20, or never.'],
    ['escalate', 'soon', 'Use a whole number of workdays from 0 to 20, or never.'],
    ['digest', '145', 'Use a whole number of hours from 0 to 144.'],
    ['digest', '7d', 'Use a whole number of hours from 0 to 144.'],
    ['digest', '', 'Use a whole number of hours from 0 to 144.'],
  ])('should reject %s %p with a field error', (field, text, message) => {
    expect(readTeamSettingsForm(submission(view, { [field]: text }), 'en')).toEqual({ ok: false, errors: { [field]: message } });
  });

  it('should put every ladder error under its own field at once, in Chinese too', () => {
    expect(readTeamSettingsForm(submission(view, { remind: '100', escalate: '很久', digest: '200小时', threshold: '0' }), 'zh-CN')).toEqual({
      ok: false,
      errors: {
        threshold: '请输入 1 到 100 之间的整数。',
        remind: '请输入 1 到 72 之间的整数小时。',
        escalate: '请输入 0 到 20 之间的整数工作日，或“从不”。',
        digest: '请输入 0 到 144 之间的整数小时。',
      },
    });
  });

  it('should leave the ladder alone when the modal was opened before it had those fields', () => {
    const { remind: _r, escalate: _e, digest: _d, ...old } = submission(view);
    expect(readTeamSettingsForm(old, 'en')).toEqual({ ok: true, value: { checkinWeekday: 5, checkinTime: '09:30', channelRef: 'C0123ABCD', lagThreshold: 20 } });
  });

  it('should map every setting the use-case may refuse to a block of the form', () => {
    const blocks = new Set(inputIds(view));
    for (const block of Object.values(TEAM_SETTINGS_ERROR_BLOCK)) expect(blocks.has(block)).toBe(true);
    expect(TEAM_SETTINGS_ERROR_BLOCK).toMatchObject({ remind: 'remind', escalate: 'escalate', digest: 'digest', stale: 'threshold' });
  });

  it.each(['0', '101', '12.5', 'lots', '', '20 ms'])('should reject the threshold %p', (threshold) => {
    expect(readTeamSettingsForm(submission(view, { threshold }), 'en')).toEqual({ ok: false, errors: { threshold: 'Use a whole number from 1 to 100.' } });
  });

  it('should reject a missing day or time, in Chinese too', () => {
    expect(readTeamSettingsForm(submission(view, { weekday: null, time: '25:00' }), 'zh-CN')).toEqual({
      ok: false, errors: { weekday: '请选择星期几。', time: '请选择时间。' },
    });
    expect(readTeamSettingsForm(submission(view, { weekday: '8' }), 'en')).toEqual({ ok: false, errors: { weekday: 'Choose a day of the week.' } });
  });
});
