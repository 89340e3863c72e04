import { chat, slash } from './helpers';

const KR12 = { type: 'key_result', number: 12 } as const;

describe('KPI verbs', () => {
  it.each([
    ['', { verb: 'kpi_list' }],
    ['list', { verb: 'kpi_list' }],
    ['列表', { verb: 'kpi_list' }],
    ['show nps', { verb: 'kpi_show', key: 'nps' }],
    ['show NPS', { verb: 'kpi_show', key: 'nps' }],
    ['查看 营收', { verb: 'kpi_show', key: '营收' }],
    ['new', { verb: 'kpi_new' }],
    ['新建', { verb: 'kpi_new' }],
    [
      'new nps "Net Promoter Score" --target 45 --unit pts --green 40 --yellow 30 --direction up --freq weekly --team #cx',
      {
        verb: 'kpi_new', key: 'nps', name: 'Net Promoter Score', target: { value: 45, unit: 'pts' }, unit: 'pts',
        green: 40, yellow: 30, direction: 'up', frequency: 'weekly', team: { name: 'cx' },
      },
    ],
    ['new revenue Monthly revenue --target ¥3万 --freq monthly', { verb: 'kpi_new', key: 'revenue', name: 'Monthly revenue', target: { value: 30000, unit: '¥' }, unit: '¥', frequency: 'monthly' }],
    ['新建 churn 流失率 --direction 越低越好 --freq 每月', { verb: 'kpi_new', key: 'churn', name: '流失率', direction: 'down', frequency: 'monthly' }],
    ['new "Net Promoter Score"', { verb: 'kpi_new', name: 'Net Promoter Score' }],
    ['new nps --alert-after 4', { verb: 'kpi_new', key: 'nps', alertAfter: 4 }],
    ['新建 nps --alert_after=52', { verb: 'kpi_new', key: 'nps', alertAfter: 52 }],
    ['log nps 42', { verb: 'kpi_log', key: 'nps', value: { value: 42 } }],
    ['log nps 42 2026-11-20', { verb: 'kpi_log', key: 'nps', value: { value: 42 }, date: '2026-11-20' }],
    ['记录 revenue 3万', { verb: 'kpi_log', key: 'revenue', value: { value: 30000 } }],
    ['录入 nps 42 2026年11月20日', { verb: 'kpi_log', key: 'nps', value: { value: 42 }, date: '2026-11-20' }],
    ['link KR-12 nps', { verb: 'kpi_link', keyResult: KR12, key: 'nps' }],
    ['link nps KR-12', { verb: 'kpi_link', keyResult: KR12, key: 'nps' }],
    ['link KR-12 to nps', { verb: 'kpi_link', keyResult: KR12, key: 'nps' }],
    ['关联 KR12 nps', { verb: 'kpi_link', keyResult: KR12, key: 'nps' }],
    ['绑定 kr12 nps', { verb: 'kpi_link', keyResult: KR12, key: 'nps' }],
    ['help', { verb: 'help', topic: 'kpi' }],
    ['help log', { verb: 'help', topic: 'kpi_log' }],
  ])('/kpi %j', (text, expected) => {
    expect(slash('kpi', text)).toEqual(expected);
  });

  it('takes the kpi namespace from chat prefixes', () => {
    expect(chat('/kpi log nps 42')).toEqual({ verb: 'kpi_log', key: 'nps', value: { value: 42 } });
    expect(chat('kpi log nps 42')).toEqual({ verb: 'kpi_log', key: 'nps', value: { value: 42 } });
    expect(chat('KPI list')).toEqual({ verb: 'kpi_list' });
    expect(chat('指标 记录 nps 42')).toEqual({ verb: 'kpi_log', key: 'nps', value: { value: 42 } });
    expect(chat('指标记录 nps 42')).toEqual({ verb: 'kpi_log', key: 'nps', value: { value: 42 } });
    expect(chat('指标')).toEqual({ verb: 'kpi_list' });
    expect(chat('/kpi')).toEqual({ verb: 'kpi_list' });
  });

  it('accepts the kpi namespace typed after /okr', () => {
    expect(slash('okr', 'kpi log nps 42')).toEqual({ verb: 'kpi_log', key: 'nps', value: { value: 42 } });
    expect(slash('okr', '指标 列表')).toEqual({ verb: 'kpi_list' });
  });

  it('reads KPI-only verbs without a prefix as KPI commands', () => {
    expect(chat('记录 nps 42')).toEqual({ verb: 'kpi_log', key: 'nps', value: { value: 42 } });
    expect(chat('link KR-12 nps')).toEqual({ verb: 'kpi_link', keyResult: KR12, key: 'nps' });
  });
});
