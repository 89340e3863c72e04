import { VIEW } from '../../../../src/slack/blocks/ids';
import { readTeamSettingsForm } from '../../../../src/slack/blocks/team-settings-form';
import { CHECKIN_TIMES, teamSettingsModal, type TeamSettings } from '../../../../src/slack/blocks/team-settings-modal.blocks';
import { EN, ZH } from '../../render/fixtures';
import { allText, inputIds, submission, viewViolations } from './view-check';

const TEAM: TeamSettings = { id: 3, name: 'Growth <!here>', checkinWeekday: 5, checkinTime: '09:30', channelRef: 'C0123ABCD', lagThreshold: 20 };

describe('teamSettingsModal', () => {
  it('should prefill the current settings', () => {
    const view = teamSettingsModal(EN, TEAM);
    expect(view.callback_id).toBe(VIEW.teamSettings);
    expect(view.private_metadata).toBe('3');
    expect(inputIds(view)).toEqual(['weekday', 'time', 'channel', 'threshold']);
    expect(submission(view)).toEqual({
      weekday: { weekday: { type: 'static_select', selected_option: { value: '5' } } },
      time: { time: { type: 'static_select', selected_option: { value: '09:30' } } },
      channel: { channel: { type: 'conversations_select', selected_conversation: 'C0123ABCD' } },
      threshold: { threshold: { type: 'plain_text_input', value: '20' } },
    });
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
    expect(viewViolations(view)).toEqual([]);
  });
});

describe('readTeamSettingsForm', () => {
  const view = teamSettingsModal(EN, TEAM);

  it('should read the settings', () => {
    expect(readTeamSettingsForm(submission(view, { weekday: '1', time: '10:00', threshold: ' 25 ' }), 'en')).toEqual({
      ok: true, value: { checkinWeekday: 1, checkinTime: '10:00', channelRef: 'C0123ABCD', lagThreshold: 25 },
    });
    expect(readTeamSettingsForm(submission(view, { channel: null, threshold: '30%' }), 'en')).toEqual({
      ok: true, value: { checkinWeekday: 5, checkinTime: '09:30', channelRef: null, lagThreshold: 30 },
    });
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
