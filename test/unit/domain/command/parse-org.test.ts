import type { ParseError } from '../../../../src/domain/command/command';
import { parseHours, parseWorkdays } from '../../../../src/domain/command/durations';
import { clockTime } from '../../../../src/domain/command/okr-org';
import { parseChatText } from '../../../../src/domain/command/parse-command';
import { chat, slash } from './helpers';

const ENG = { name: 'eng' } as const;
const ALICE = { name: 'alice' } as const;
const BOB = { name: 'bob' } as const;

describe('organisation commands (English)', () => {
  it.each([
    ['team new eng "Engineering"', { verb: 'team_new', handle: 'eng', name: 'Engineering' }],
    ['team new eng', { verb: 'team_new', handle: 'eng', name: 'eng' }],
    ['team new #eng Engineering and Platform', { verb: 'team_new', handle: 'eng', name: 'Engineering and Platform' }],
    [
      'team new eng "Engineering" --parent #rnd --manager @bob --channel #eng-okr',
      { verb: 'team_new', handle: 'eng', name: 'Engineering', parent: { name: 'rnd' }, manager: BOB, channel: { name: 'eng-okr' } },
    ],
    [
      'team create eng "Engineering" --lead <@U2|bob> --channel <#C123|eng-okr>',
      { verb: 'team_new', handle: 'eng', name: 'Engineering', manager: { id: 'U2', name: 'bob' }, channel: { id: 'C123', name: 'eng-okr' } },
    ],
    ['team add @alice #eng', { verb: 'team_member', action: 'add', member: ALICE, team: ENG }],
    ['team add #eng @alice', { verb: 'team_member', action: 'add', member: ALICE, team: ENG }],
    ['team add @alice to #eng', { verb: 'team_member', action: 'add', member: ALICE, team: ENG }],
    ['team add <@U1|alice> <#C9|eng>', { verb: 'team_member', action: 'add', member: { id: 'U1', name: 'alice' }, team: { id: 'C9', name: 'eng' } }],
    ['team add alice eng', { verb: 'team_member', action: 'add', member: ALICE, team: ENG }],
    ['team remove @alice #eng', { verb: 'team_member', action: 'remove', member: ALICE, team: ENG }],
    ['team rm @alice from #eng', { verb: 'team_member', action: 'remove', member: ALICE, team: ENG }],
    ['team manager #eng @bob', { verb: 'team_manager', team: ENG, manager: BOB }],
    ['team manager @bob #eng', { verb: 'team_manager', team: ENG, manager: BOB }],
    ['team lead eng bob', { verb: 'team_manager', team: ENG, manager: BOB }],
    [
      'team set #eng --weekday mon --time 9:30 --threshold 25 --stale 14 --channel #eng-okr',
      { verb: 'team_set', team: ENG, changes: { checkinWeekday: 1, checkinTime: '09:30', lagThreshold: 25, staleDays: 14, channel: { name: 'eng-okr' } } },
    ],
    ['team set #eng --weekday 5', { verb: 'team_set', team: ENG, changes: { checkinWeekday: 5 } }],
    ['team set #eng --weekday Friday --time 4pm', { verb: 'team_set', team: ENG, changes: { checkinWeekday: 5, checkinTime: '16:00' } }],
    ['team set --threshold 30%', { verb: 'team_set', changes: { lagThreshold: 30 } }],
    ['team set #eng --channel none', { verb: 'team_set', team: ENG, changes: { channel: null } }],
    ['team set #eng --channel <#C123|eng-okr>', { verb: 'team_set', team: ENG, changes: { channel: { id: 'C123', name: 'eng-okr' } } }],
    // Out of range values parse; the use-case says which setting is wrong and why.
    ['team set #eng --weekday 9 --time 25:00 --threshold 0 --stale 400', { verb: 'team_set', team: ENG, changes: { checkinWeekday: 9, checkinTime: '25:00', lagThreshold: 0, staleDays: 400 } }],
    ['team set #eng', { verb: 'team_settings', team: ENG }],
    // The escalation ladder: reminder hours, manager workdays (never = 0), digest hours.
    [
      'team set #eng --remind 4 --escalate 2 --digest 24',
      { verb: 'team_set', team: ENG, changes: { remindAfterHours: 4, escalateAfterWorkdays: 2, digestAfterHours: 24 } },
    ],
    [
      'team set --remind-after 6h --manager-after 3d --digest-after 2d',
      { verb: 'team_set', changes: { remindAfterHours: 6, escalateAfterWorkdays: 3, digestAfterHours: 48 } },
    ],
    ['team set #eng --reminder 8hours --escalate never', { verb: 'team_set', team: ENG, changes: { remindAfterHours: 8, escalateAfterWorkdays: 0 } }],
    ['team set #eng --escalate 0 --digest 0', { verb: 'team_set', team: ENG, changes: { escalateAfterWorkdays: 0, digestAfterHours: 0 } }],
    ['team set #eng --escalate=1w --remind=12hrs', { verb: 'team_set', team: ENG, changes: { escalateAfterWorkdays: 5, remindAfterHours: 12 } }],
    ['team set #eng --escalate_after off', { verb: 'team_set', team: ENG, changes: { escalateAfterWorkdays: 0 } }],
    // Out of range or not whole: parsed, then refused by the use-case (invalid_setting).
    ['team set #eng --remind 0 --escalate 21 --digest 1.5', { verb: 'team_set', team: ENG, changes: { remindAfterHours: 0, escalateAfterWorkdays: 21, digestAfterHours: 1.5 } }],
    ['team settings', { verb: 'team_settings' }],
    ['team settings #eng', { verb: 'team_settings', team: ENG }],
    ['team config Growth Marketing', { verb: 'team_settings', team: { name: 'Growth Marketing' } }],
    ['role @bob admin', { verb: 'member_role', member: BOB, role: 'admin' }],
    ['role @bob manager', { verb: 'member_role', member: BOB, role: 'manager' }],
    ['role <@U2|bob> member', { verb: 'member_role', member: { id: 'U2', name: 'bob' }, role: 'member' }],
    ['role admin @bob', { verb: 'member_role', member: BOB, role: 'admin' }],
    ['manager @alice @bob', { verb: 'member_manager', member: ALICE, manager: BOB }],
    ['manager @alice to @bob', { verb: 'member_manager', member: ALICE, manager: BOB }],
    ['manager @alice none', { verb: 'member_manager', member: ALICE, manager: null }],
    ['reports-to "Alice Li" "Bob Wu"', { verb: 'member_manager', member: { name: 'Alice Li' }, manager: { name: 'Bob Wu' } }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });

  it('should keep /okr team [#team] the team summary', () => {
    expect(chat('team')).toEqual({ verb: 'team' });
    expect(chat('team #eng')).toEqual({ verb: 'team', team: ENG });
    expect(chat('team Growth Marketing')).toEqual({ verb: 'team', team: { name: 'Growth Marketing' } });
    expect(chat('team #new')).toEqual({ verb: 'team', team: { name: 'new' } });
    expect(chat('团队 研发部')).toEqual({ verb: 'team', team: { name: '研发部' } });
    expect(slash('okr', 'team <#C9|growth>')).toEqual({ verb: 'team', team: { id: 'C9', name: 'growth' } });
  });

  it('should parse the slash command the same way', () => {
    expect(slash('okr', 'team new eng "Engineering" --manager <@U2|bob>')).toEqual({ verb: 'team_new', handle: 'eng', name: 'Engineering', manager: { id: 'U2', name: 'bob' } });
    expect(slash('okr', 'role <@U2|bob> admin')).toEqual({ verb: 'member_role', member: { id: 'U2', name: 'bob' }, role: 'admin' });
  });

  it('should offer the usage of the right command in help', () => {
    expect(chat('help team new')).toEqual({ verb: 'help', topic: 'team_new' });
    expect(chat('help role')).toEqual({ verb: 'help', topic: 'member_role' });
    expect(chat('帮助 汇报')).toEqual({ verb: 'help', topic: 'member_manager' });
  });
});

describe('organisation commands (Chinese)', () => {
  it.each([
    ['团队 新建 研发部 "研发部"', { verb: 'team_new', handle: '研发部', name: '研发部' }],
    ['新建团队 eng “工程部” --manager @李四', { verb: 'team_new', handle: 'eng', name: '工程部', manager: { name: '李四' } }],
    ['团队 添加 @张三 #研发部', { verb: 'team_member', action: 'add', member: { name: '张三' }, team: { name: '研发部' } }],
    ['团队 添加 @张三 到 #研发部', { verb: 'team_member', action: 'add', member: { name: '张三' }, team: { name: '研发部' } }],
    ['团队 移除 @张三 #研发部', { verb: 'team_member', action: 'remove', member: { name: '张三' }, team: { name: '研发部' } }],
    ['团队 负责人 #研发部 @李四', { verb: 'team_manager', team: { name: '研发部' }, manager: { name: '李四' } }],
    [
      '团队 设置 #研发部 --weekday 周五 --time 9点半 --threshold 30',
      { verb: 'team_set', team: { name: '研发部' }, changes: { checkinWeekday: 5, checkinTime: '09:30', lagThreshold: 30 } },
    ],
    ['团队 设置 #研发部 --weekday 星期天 --channel 无', { verb: 'team_set', team: { name: '研发部' }, changes: { checkinWeekday: 7, channel: null } }],
    ['团队 设置 研发部', { verb: 'team_settings', team: { name: '研发部' } }],
    ['团队 配置', { verb: 'team_settings' }],
    ['团队 配置 #研发部', { verb: 'team_settings', team: { name: '研发部' } }],
    ['角色 @李四 管理员', { verb: 'member_role', member: { name: '李四' }, role: 'admin' }],
    ['角色 @李四 为 经理', { verb: 'member_role', member: { name: '李四' }, role: 'manager' }],
    ['角色 @李四 成员', { verb: 'member_role', member: { name: '李四' }, role: 'member' }],
    ['汇报 @张三 @李四', { verb: 'member_manager', member: { name: '张三' }, manager: { name: '李四' } }],
    ['汇报 @张三 无', { verb: 'member_manager', member: { name: '张三' }, manager: null }],
    ['上级 @张三 @李四', { verb: 'member_manager', member: { name: '张三' }, manager: { name: '李四' } }],
    [
      '团队 设置 #研发部 --remind 4小时 --escalate 2个工作日 --digest 24小时',
      { verb: 'team_set', team: { name: '研发部' }, changes: { remindAfterHours: 4, escalateAfterWorkdays: 2, digestAfterHours: 24 } },
    ],
    ['团队 设置 --remind 四个小时 --escalate 从不 --digest 一天', { verb: 'team_set', changes: { remindAfterHours: 4, escalateAfterWorkdays: 0, digestAfterHours: 24 } }],
    ['团队 设置 --remind ６ --escalate 两天 --digest 十二小时', { verb: 'team_set', changes: { remindAfterHours: 6, escalateAfterWorkdays: 2, digestAfterHours: 12 } }],
    ['团队 设置 #研发部 --escalate 不升级', { verb: 'team_set', team: { name: '研发部' }, changes: { escalateAfterWorkdays: 0 } }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });
});

describe('malformed organisation commands', () => {
  const errorOf = (text: string): ParseError | undefined => {
    const r = parseChatText(text);
    return r.ok ? undefined : r.error;
  };

  it.each<[string, Partial<ParseError>]>([
    ['team new', { code: 'missing_argument', usage: 'team_new' }],
    ['team new eng "Engineering', { code: 'unterminated_quote', usage: 'team_new' }],
    ['team new eng --boss @bob', { code: 'bad_option', usage: 'team_new', token: '--boss' }],
    ['team new eng --manager', { code: 'missing_argument', usage: 'team_new', token: '--manager' }],
    ['team add @alice', { code: 'missing_argument', usage: 'team_member' }],
    ['team add', { code: 'missing_argument', usage: 'team_member' }],
    ['team add @alice #eng #ops', { code: 'extra_argument', usage: 'team_member', token: '#ops' }],
    ['team add @alice @bob', { code: 'bad_reference', usage: 'team_member', token: '@bob' }],
    ['team manager #eng #ops', { code: 'bad_reference', usage: 'team_manager', token: '#ops' }],
    ['team set #eng --weekday funday', { code: 'bad_option', usage: 'team_set', token: 'funday' }],
    ['team set #eng --time noon', { code: 'bad_option', usage: 'team_set', token: 'noon' }],
    ['team set #eng --threshold lots', { code: 'bad_number', usage: 'team_set', token: 'lots' }],
    ['team set #eng --colour red', { code: 'bad_option', usage: 'team_set', token: '--colour' }],
    ['team set #eng 25', { code: 'extra_argument', usage: 'team_set', token: '25' }],
    ['team settings #eng #ops', { code: 'extra_argument', usage: 'team_settings', token: '#ops' }],
    ['role @bob', { code: 'missing_argument', usage: 'member_role' }],
    ['role @bob king', { code: 'bad_option', usage: 'member_role', token: 'king' }],
    ['role @bob admin now', { code: 'extra_argument', usage: 'member_role', token: 'now' }],
    ['manager @alice', { code: 'missing_argument', usage: 'member_manager' }],
    ['manager @alice #eng', { code: 'bad_reference', usage: 'member_manager', token: '#eng' }],
    ['角色 @李四 国王', { code: 'bad_option', usage: 'member_role', token: '国王' }],
    ['团队 设置 #研发部 --weekday 周八', { code: 'bad_option', usage: 'team_set', token: '周八' }],
    ['team set #eng --remind soon', { code: 'bad_number', usage: 'team_set', token: 'soon' }],
    ['team set #eng --remind never', { code: 'bad_number', usage: 'team_set', token: 'never' }],
    ['team set #eng --remind -3', { code: 'bad_number', usage: 'team_set', token: '-3' }],
    ['team set #eng --escalate sometimes', { code: 'bad_number', usage: 'team_set', token: 'sometimes' }],
    ['team set #eng --escalate 2 months', { code: 'extra_argument', usage: 'team_set', token: 'months' }],
    ['team set #eng --digest "24"', { code: 'bad_number', usage: 'team_set', token: '24' }],
    ['team set #eng --digest 3万', { code: 'bad_number', usage: 'team_set', token: '3万' }],
    ['team set #eng --digest', { code: 'missing_argument', usage: 'team_set', token: '--digest' }],
    ['team set #eng --escalate --digest 4', { code: 'missing_argument', usage: 'team_set', token: '--escalate' }],
    ['团队 设置 #研发部 --remind 很久', { code: 'bad_number', usage: 'team_set', token: '很久' }],
    ['团队 设置 #研发部 --escalate 下个月', { code: 'bad_number', usage: 'team_set', token: '下个月' }],
  ])('%j', (text, expected) => {
    expect(errorOf(text)).toMatchObject(expected);
  });

  it('should suggest the organisation verbs for typos', () => {
    expect(errorOf('rolle @bob admin')).toMatchObject({ code: 'unknown_verb', usage: 'member_role', suggestion: 'role' });
    expect(errorOf('manger @alice @bob')).toMatchObject({ code: 'unknown_verb', usage: 'member_manager', suggestion: 'manager' });
    expect(errorOf('团队设置 #研发部 --threshold 30')).toMatchObject({ code: 'unknown_verb', usage: 'team_set', suggestion: '团队 设置' });
  });
});

describe('parseHours and parseWorkdays', () => {
  it.each([
    ['4', 4], ['4h', 4], ['4 hours', 4], ['1 hour', 1], ['4hrs', 4], ['4小时', 4], ['4个小时', 4], ['四小时', 4], ['两个钟头', 2],
    ['二十四小时', 24], ['十', 10], ['1d', 24], ['2 days', 48], ['一天', 24], ['２４', 24], ['1.5', 1.5], ['0', 0], ['4h。', 4],
  ])('hours %j -> %p', (text, hours) => {
    expect(parseHours(text)).toBe(hours);
  });

  it.each(['', 'soon', 'never', '-3', '4 weeks', 'h', '小时', '4x', '1e3', '三万'])('%j is not a number of hours', (text) => {
    expect(parseHours(text)).toBeNull();
  });

  it.each([
    ['2', 2], ['2d', 2], ['2 workdays', 2], ['1 workday', 1], ['3 business days', 3], ['2个工作日', 2], ['两天', 2], ['1w', 5], ['1 week', 5],
    ['never', 0], ['Never', 0], ['off', 0], ['0', 0], ['从不', 0], ['不升级', 0], ['无', 0], ['二十', 20],
  ])('workdays %j -> %p', (text, days) => {
    expect(parseWorkdays(text)).toBe(days);
  });

  it.each(['', 'soon', '-1', '2 months', '下个月', 'h'])('%j is not a number of workdays', (text) => {
    expect(parseWorkdays(text)).toBeNull();
  });
});

describe('clockTime', () => {
  it.each([
    ['09:30', '09:30'], ['9:30', '09:30'], ['9.30', '09:30'], ['9', '09:00'], ['０９：３０', '09:30'], ['9点', '09:00'],
    ['9点半', '09:30'], ['9点30', '09:30'], ['9点30分', '09:30'], ['9:30am', '09:30'], ['12am', '00:00'], ['12pm', '12:00'],
    ['4pm', '16:00'], ['23:59', '23:59'], ['25:00', '25:00'], ['9:75', '09:75'],
  ])('%s -> %s', (text, expected) => {
    expect(clockTime(text)).toBe(expected);
  });

  it.each(['noon', '9:5', '13pm', '0am', '930', '', '9:30:00', '-1'])('%j is not a time', (text) => {
    expect(clockTime(text)).toBeNull();
  });
});
