import type { ParseError } from '../../../../src/domain/command/command';
import { parseChatText } from '../../../../src/domain/command/parse-command';
import { chat, chatError, slash } from './helpers';

describe('workspace calendar commands (English)', () => {
  it.each([
    ['holidays', { verb: 'holidays' }],
    ['holiday', { verb: 'holidays' }],
    ['holiday list', { verb: 'holidays' }],
    ['holidays 2027', { verb: 'holidays', year: 2027 }],
    ['holidays 2027.', { verb: 'holidays', year: 2027 }],
    ['holiday add 2026-12-25', { verb: 'holiday_add', day: '2026-12-25', kind: 'holiday' }],
    ['holiday add 2026-12-25 Christmas Day', { verb: 'holiday_add', day: '2026-12-25', kind: 'holiday', name: 'Christmas Day' }],
    ['holiday add 2026/12/25 "Company party"', { verb: 'holiday_add', day: '2026-12-25', kind: 'holiday', name: 'Company party' }],
    ['holiday add Boxing Day 2026-12-26', { verb: 'holiday_add', day: '2026-12-26', kind: 'holiday', name: 'Boxing Day' }],
    ['holidays add 2026.12.31', { verb: 'holiday_add', day: '2026-12-31', kind: 'holiday' }],
    ['holiday workday 2027-02-07 Spring Festival make-up', { verb: 'holiday_add', day: '2027-02-07', kind: 'workday', name: 'Spring Festival make-up' }],
    ['holiday make-up 2027-02-07', { verb: 'holiday_add', day: '2027-02-07', kind: 'workday' }],
    ['holiday remove 2026-12-25', { verb: 'holiday_remove', day: '2026-12-25' }],
    ['holiday rm 2026-12-25', { verb: 'holiday_remove', day: '2026-12-25' }],
    ['holiday delete 2026/1/1', { verb: 'holiday_remove', day: '2026-01-01' }],
    ['holiday calendar cn', { verb: 'holiday_calendar', calendar: 'cn' }],
    ['holiday calendar China', { verb: 'holiday_calendar', calendar: 'cn' }],
    ['holiday calendar none', { verb: 'holiday_calendar', calendar: 'none' }],
    ['holiday calendar weekends-only', { verb: 'holiday_calendar', calendar: 'none' }],
    ['/okr holiday add 2026-12-25 Christmas', { verb: 'holiday_add', day: '2026-12-25', kind: 'holiday', name: 'Christmas' }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });

  it('should parse the slash command the same way, keeping the name as typed', () => {
    expect(slash('okr', 'holidays')).toEqual({ verb: 'holidays' });
    expect(slash('okr', 'holiday add 2026-12-25 <!channel> *party*')).toEqual({ verb: 'holiday_add', day: '2026-12-25', kind: 'holiday', name: '<!channel> *party*' });
    expect(slash('okr', 'holiday calendar none')).toEqual({ verb: 'holiday_calendar', calendar: 'none' });
  });

  it('should offer the calendar commands in help', () => {
    expect(chat('help holiday')).toEqual({ verb: 'help', topic: 'holidays' });
    expect(chat('help holiday add')).toEqual({ verb: 'help', topic: 'holiday_add' });
    expect(chat('help holiday workday')).toEqual({ verb: 'help', topic: 'holiday_add' });
    expect(chat('帮助 调休')).toEqual({ verb: 'help', topic: 'holiday_add' });
    expect(chat('帮助 假期')).toEqual({ verb: 'help', topic: 'holidays' });
  });

  it('should leave the neighbouring verbs alone', () => {
    expect(chat('休假 到 2026-12-01')).toEqual({ verb: 'ooo', until: '2026-12-01' });
    expect(chat('ooo until 2026-12-01')).toEqual({ verb: 'ooo', until: '2026-12-01' });
    expect(chat('team')).toEqual({ verb: 'team' });
  });
});

describe('workspace calendar commands (Chinese)', () => {
  it.each([
    ['假期', { verb: 'holidays' }],
    ['节假日', { verb: 'holidays' }],
    ['节假日 2027年', { verb: 'holidays', year: 2027 }],
    ['假期 列表 2026', { verb: 'holidays', year: 2026 }],
    ['假期 添加 2026年12月25日 圣诞节', { verb: 'holiday_add', day: '2026-12-25', kind: 'holiday', name: '圣诞节' }],
    ['节假日 新增 2026-12-31 公司年会', { verb: 'holiday_add', day: '2026-12-31', kind: 'holiday', name: '公司年会' }],
    ['放假 2027-01-01 元旦', { verb: 'holiday_add', day: '2027-01-01', kind: 'holiday', name: '元旦' }],
    ['放假 元旦 2027-01-01', { verb: 'holiday_add', day: '2027-01-01', kind: 'holiday', name: '元旦' }],
    ['放假2026-12-25', { verb: 'holiday_add', day: '2026-12-25', kind: 'holiday' }],
    ['调休 2027-02-07 春节调休', { verb: 'holiday_add', day: '2027-02-07', kind: 'workday', name: '春节调休' }],
    ['调休2027-02-07', { verb: 'holiday_add', day: '2027-02-07', kind: 'workday' }],
    ['补班 2027年2月7日', { verb: 'holiday_add', day: '2027-02-07', kind: 'workday' }],
    ['节假日 补班 2027-02-20', { verb: 'holiday_add', day: '2027-02-20', kind: 'workday' }],
    ['假期 调休 ２０２７－０２－０７', { verb: 'holiday_add', day: '2027-02-07', kind: 'workday' }],
    ['假期 删除 2026-12-25', { verb: 'holiday_remove', day: '2026-12-25' }],
    ['删除假期 2026-12-25', { verb: 'holiday_remove', day: '2026-12-25' }],
    ['调休 删除 2027-02-07', { verb: 'holiday_remove', day: '2027-02-07' }],
    ['补班 取消 2027-02-07', { verb: 'holiday_remove', day: '2027-02-07' }],
    ['假期 日历 中国', { verb: 'holiday_calendar', calendar: 'cn' }],
    ['节假日 日历 cn', { verb: 'holiday_calendar', calendar: 'cn' }],
    ['假期 日历 法定节假日', { verb: 'holiday_calendar', calendar: 'cn' }],
    ['假期 日历 无', { verb: 'holiday_calendar', calendar: 'none' }],
    ['指标 记录 nps 42', { verb: 'kpi_log', key: 'nps', value: { value: 42 } }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });
});

describe('malformed workspace calendar commands', () => {
  const errorOf = (text: string): ParseError | undefined => {
    const r = parseChatText(text);
    return r.ok ? undefined : r.error;
  };

  it.each<[string, Partial<ParseError>]>([
    ['holiday add', { code: 'missing_argument', usage: 'holiday_add' }],
    ['holiday add tomorrow', { code: 'bad_date', usage: 'holiday_add', token: 'tomorrow' }],
    ['holiday add 2026-02-30 leap', { code: 'bad_date', usage: 'holiday_add', token: '2026-02-30' }],
    ['holiday add 12/25 Christmas', { code: 'bad_date', usage: 'holiday_add', token: '12/25' }],
    ['holiday add "2026-12-25"', { code: 'bad_date', usage: 'holiday_add', token: '2026-12-25' }],
    ['holiday add 2026-12-25 "Christmas', { code: 'unterminated_quote', usage: 'holiday_add' }],
    [`holiday add 2026-12-25 ${'x'.repeat(201)}`, { code: 'too_long', usage: 'holiday_add' }],
    ['holiday workday', { code: 'missing_argument', usage: 'holiday_add' }],
    ['holiday remove', { code: 'missing_argument', usage: 'holiday_remove' }],
    ['holiday remove 2026-13-01', { code: 'bad_date', usage: 'holiday_remove', token: '2026-13-01' }],
    ['holiday remove 2026-12-25 2026-12-26', { code: 'extra_argument', usage: 'holiday_remove', token: '2026-12-26' }],
    ['holiday calendar', { code: 'missing_argument', usage: 'holiday_calendar' }],
    ['holiday calendar usa', { code: 'bad_option', usage: 'holiday_calendar', token: 'usa' }],
    ['holiday calendar "cn"', { code: 'bad_option', usage: 'holiday_calendar', token: 'cn' }],
    ['holiday calendar cn please', { code: 'extra_argument', usage: 'holiday_calendar', token: 'please' }],
    ['holidays next', { code: 'extra_argument', usage: 'holidays', token: 'next' }],
    ['holidays 2027 2028', { code: 'extra_argument', usage: 'holidays', token: '2028' }],
    ['holidays 1800', { code: 'bad_number', usage: 'holidays', token: '1800' }],
    ['holiday 2026-12-25', { code: 'extra_argument', usage: 'holiday_add', token: '2026-12-25' }],
    ['假期 添加 明天 放假', { code: 'bad_date', usage: 'holiday_add', token: '明天' }],
    ['假期 删除 明天', { code: 'bad_date', usage: 'holiday_remove', token: '明天' }],
    ['假期 日历 美国', { code: 'bad_option', usage: 'holiday_calendar', token: '美国' }],
  ])('%j', (text, expected) => {
    expect(errorOf(text)).toMatchObject(expected);
  });

  it('should suggest the calendar verbs for typos', () => {
    expect(chatError('holidya')).toMatchObject({ code: 'unknown_verb', usage: 'holidays', suggestion: expect.stringMatching(/^holidays?$/) });
    expect(chatError('holiday ad 2026-12-25')).toMatchObject({ code: 'extra_argument', usage: 'holidays', token: 'ad' });
    expect(chatError('holidays ad 2026-12-25')).toMatchObject({ code: 'extra_argument', usage: 'holidays', token: 'ad' });
  });
});
