import { chat, slash } from './helpers';

const O7 = { type: 'objective', number: 7 } as const;
const O3 = { type: 'objective', number: 3 } as const;
const KR12 = { type: 'key_result', number: 12 } as const;
const B4 = { type: 'blocker', number: 4 } as const;

describe('OKR verbs', () => {
  it.each([
    ['', { verb: 'home' }],
    ['help', { verb: 'help' }],
    ['帮助', { verb: 'help' }],
    ['help update', { verb: 'help', topic: 'update' }],
    ['帮助 更新', { verb: 'help', topic: 'update' }],
    ['help grammar', { verb: 'help', topic: 'grammar' }],
    ['mine', { verb: 'list', scope: { type: 'me' } }],
    ['我的', { verb: 'list', scope: { type: 'me' } }],
    ['我的OKR', { verb: 'list', scope: { type: 'me' } }],
    ['我的进度', { verb: 'list', scope: { type: 'me' } }],
    ['help me', { verb: 'help' }],
    ['进度', { verb: 'list', scope: { type: 'me' } }],
    ['mine 2026-Q4', { verb: 'list', scope: { type: 'me' }, cycle: '2026-Q4' }],
    ['list', { verb: 'list', scope: { type: 'me' } }],
    ['list @bob', { verb: 'list', scope: { type: 'member', member: { name: 'bob' } } }],
    ['list <@U42|bob> 2026-Q4', { verb: 'list', scope: { type: 'member', member: { id: 'U42', name: 'bob' } }, cycle: '2026-Q4' }],
    ['list #eng', { verb: 'list', scope: { type: 'team', team: { name: 'eng' } } }],
    ['list <#C1|eng>', { verb: 'list', scope: { type: 'team', team: { id: 'C1', name: 'eng' } } }],
    ['list company 2026-Q4', { verb: 'list', scope: { type: 'company' }, cycle: '2026-Q4' }],
    ['列表 公司', { verb: 'list', scope: { type: 'company' } }],
    ['列表 2026-Q4 #研发', { verb: 'list', scope: { type: 'team', team: { name: '研发' } }, cycle: '2026-Q4' }],
    ['show O-7', { verb: 'show', target: O7 }],
    ['show kr12', { verb: 'show', target: KR12 }],
    ['show "Delight customers"', { verb: 'show', target: { type: 'title', text: 'Delight customers' } }],
    ['查看 KR-12', { verb: 'show', target: KR12 }],
    ['详情 o7', { verb: 'show', target: O7 }],
    ['进度 KR-12', { verb: 'show', target: KR12 }],
    ['查看KR-12', { verb: 'show', target: KR12 }],
    ['checkin', { verb: 'checkin' }],
    ['check-in', { verb: 'checkin' }],
    ['check in', { verb: 'checkin' }],
    ['签到', { verb: 'checkin' }],
    ['打卡', { verb: 'checkin' }],
    ['周报', { verb: 'checkin' }],
    ['tree', { verb: 'tree' }],
    ['tree O-3', { verb: 'tree', root: O3 }],
    ['树 O3', { verb: 'tree', root: O3 }],
    ['对齐', { verb: 'tree' }],
    ['team', { verb: 'team' }],
    ['team #eng', { verb: 'team', team: { name: 'eng' } }],
    ['team <#C9|growth>', { verb: 'team', team: { id: 'C9', name: 'growth' } }],
    ['团队 研发部', { verb: 'team', team: { name: '研发部' } }],
    ['团队进度', { verb: 'team' }],
    ['team Growth Marketing', { verb: 'team', team: { name: 'Growth Marketing' } }],
    ['lagging', { verb: 'lagging' }],
    ['滞后', { verb: 'lagging' }],
    ['落后', { verb: 'lagging' }],
    ['review', { verb: 'review' }],
    ['review 2026-Q4', { verb: 'review', cycle: '2026-Q4' }],
    ['复盘 2026-Q3', { verb: 'review', cycle: '2026-Q3' }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });
});

describe('update', () => {
  it.each([
    ['update KR-12 45', { value: { mode: 'absolute', quantity: { value: 45 } } }],
    ['update kr12 45%', { value: { mode: 'absolute', quantity: { value: 45, unit: '%' } } }],
    ['update KR-12 +5', { value: { mode: 'delta', quantity: { value: 5 } } }],
    ['update KR-12 -3', { value: { mode: 'delta', quantity: { value: -3 } } }],
    ['update KR-12 1.2k', { value: { mode: 'absolute', quantity: { value: 1200 } } }],
    ['update KR-12 3万', { value: { mode: 'absolute', quantity: { value: 30000 } } }],
    ['update KR-12 ¥30', { value: { mode: 'absolute', quantity: { value: 30, unit: '¥' } } }],
    ['update KR-12 done', { value: { mode: 'done' } }],
    ['update KR-12 undone', { value: { mode: 'not_done' } }],
    ['更新 KR12 完成', { value: { mode: 'done' } }],
    ['更新 KR12 未完成', { value: { mode: 'not_done' } }],
    ['update KR-12 to 45', { value: { mode: 'absolute', quantity: { value: 45 } } }],
    ['update KR-12 45 at-risk', { value: { mode: 'absolute', quantity: { value: 45 } }, confidence: 'at_risk' }],
    ['update KR-12 45 on track', { value: { mode: 'absolute', quantity: { value: 45 } }, confidence: 'on_track' }],
    ['update KR-12 45 RED', { value: { mode: 'absolute', quantity: { value: 45 } }, confidence: 'off_track' }],
    [
      'update KR-12 45 at-risk waiting on legal',
      { value: { mode: 'absolute', quantity: { value: 45 } }, confidence: 'at_risk', note: 'waiting on legal' },
    ],
    ['update KR-12 45 waiting on legal', { value: { mode: 'absolute', quantity: { value: 45 } }, note: 'waiting on legal' }],
    ['update KR-12 at-risk legal', { value: { mode: 'none' }, confidence: 'at_risk', note: 'legal' }],
    ['update KR-12 at risk', { value: { mode: 'none' }, confidence: 'at_risk' }],
    [
      '更新 KR12 45 有风险 等法务',
      { value: { mode: 'absolute', quantity: { value: 45 } }, confidence: 'at_risk', note: '等法务' },
    ],
    ['更新 KR12 45有风险 等法务', { value: { mode: 'absolute', quantity: { value: 45 } }, confidence: 'at_risk', note: '等法务' }],
    ['更新KR12 45 正常', { value: { mode: 'absolute', quantity: { value: 45 } }, confidence: 'on_track' }],
    ['更新 KR12 延期', { value: { mode: 'none' }, confidence: 'off_track' }],
    ['更新 KR12 30 落后 客户没回', { value: { mode: 'absolute', quantity: { value: 30 } }, confidence: 'off_track', note: '客户没回' }],
    ['update KR-12 45 green  two   spaces kept ', { value: { mode: 'absolute', quantity: { value: 45 } }, confidence: 'on_track', note: 'two   spaces kept' }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual({ verb: 'update', keyResult: KR12, ...expected });
  });

  it('accepts a quoted title as the key result', () => {
    expect(chat('update "Raise NPS" 45')).toMatchObject({ keyResult: { type: 'title', text: 'Raise NPS' } });
  });
});

describe('new', () => {
  it.each([
    ['new', { verb: 'new' }],
    ['新建', { verb: 'new' }],
    ['new "Delight customers"', { verb: 'new', title: 'Delight customers' }],
    ['new Delight our customers', { verb: 'new', title: 'Delight our customers' }],
    ['创建 “提升客户满意度”', { verb: 'new', title: '提升客户满意度' }],
    ['新建「提升客户满意度」', { verb: 'new', title: '提升客户满意度' }],
    [
      'new "Delight customers" --parent O-3 --team #eng --level team --cycle 2026-Q4 --weight 2',
      { verb: 'new', title: 'Delight customers', parent: O3, team: { name: 'eng' }, level: 'team', cycle: '2026-Q4', weight: 2 },
    ],
    ['new Grow --level 公司', { verb: 'new', title: 'Grow', level: 'company' }],
    ['新建 提升效率 --level 个人', { verb: 'new', title: '提升效率', level: 'personal' }],
    ['new --team <#C1|eng>', { verb: 'new', team: { id: 'C1', name: 'eng' } }],
    ['new Grow —parent O-3', { verb: 'new', title: 'Grow', parent: O3 }],
    ['new Grow --weight=3', { verb: 'new', title: 'Grow', weight: 3 }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });
});

describe('kr add', () => {
  const spec = { title: 'Raise NPS from 30 to 45', kind: 'increase', start: 30, target: 45 };
  it.each([
    ['kr add O-7 "Raise NPS from 30 to 45"', { verb: 'kr_add', objective: O7, spec }],
    ['kr add O-7 Raise NPS from 30 to 45', { verb: 'kr_add', objective: O7, spec }],
    ['kr add o7 Raise NPS from 30 to 45 --owner @bob --weight 2', { verb: 'kr_add', objective: O7, spec, owner: { name: 'bob' }, weight: 2 }],
    ['kr O-7 Raise NPS from 30 to 45', { verb: 'kr_add', objective: O7, spec }],
    ['kr 添加 O-7 Raise NPS from 30 to 45', { verb: 'kr_add', objective: O7, spec }],
    [
      '添加kr O-7 NPS 从 30 提升到 45',
      { verb: 'kr_add', objective: O7, spec: { title: 'NPS 从 30 提升到 45', kind: 'increase', start: 30, target: 45 } },
    ],
    ['加KR O7 上线新版官网', { verb: 'kr_add', objective: O7, spec: { title: '上线新版官网', kind: 'milestone', start: 0, target: 1 } }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });

  it('`kr KR-12 45` is an update', () => {
    expect(chat('kr KR-12 45')).toEqual({ verb: 'update', keyResult: KR12, value: { mode: 'absolute', quantity: { value: 45 } } });
  });
});

describe('feedback', () => {
  it.each([
    ['comment KR-12 great progress!', { verb: 'comment', target: KR12, text: 'great progress!' }],
    ['comment O-7 "nice"', { verb: 'comment', target: O7, text: 'nice' }],
    ['评论 KR12 做得好，继续', { verb: 'comment', target: KR12, text: '做得好，继续' }],
    ['blocker KR-12 waiting on legal', { verb: 'blocker', target: KR12, text: 'waiting on legal' }],
    ['blocker KR-12 waiting on legal --help @bob', { verb: 'blocker', target: KR12, text: 'waiting on legal', helper: { name: 'bob' } }],
    ['阻碍 KR12 等待法务审批 --help <@U7>', { verb: 'blocker', target: KR12, text: '等待法务审批', helper: { id: 'U7' } }],
    ['卡点 KR12 服务器不够', { verb: 'blocker', target: KR12, text: '服务器不够' }],
    ['resolve B-4', { verb: 'resolve', blocker: B4 }],
    ['resolve b4 legal signed', { verb: 'resolve', blocker: B4, note: 'legal signed' }],
    ['解决 B4 已签字', { verb: 'resolve', blocker: B4, note: '已签字' }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });
});

describe('score', () => {
  it.each([
    ['score O-7 0.7', { verb: 'score', target: O7, score: 0.7 }],
    ['score O-7 70%', { verb: 'score', target: O7, score: 0.7 }],
    ['score KR-12 1 nailed it', { verb: 'score', target: KR12, score: 1, note: 'nailed it' }],
    ['score O-7 0', { verb: 'score', target: O7, score: 0 }],
    ['评分 O7 0.6 基本达成', { verb: 'score', target: O7, score: 0.6, note: '基本达成' }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });
});

describe('ooo and snooze', () => {
  it.each([
    ['ooo until 2026-12-01', { verb: 'ooo', until: '2026-12-01' }],
    ['ooo 2026-12-01', { verb: 'ooo', until: '2026-12-01' }],
    ['ooo 2026-11-20 2026-12-01', { verb: 'ooo', from: '2026-11-20', until: '2026-12-01' }],
    ['ooo from 2026-11-20 to 2026/12/01', { verb: 'ooo', from: '2026-11-20', until: '2026-12-01' }],
    ['ooo 2026-11-20~2026-12-01', { verb: 'ooo', from: '2026-11-20', until: '2026-12-01' }],
    ['请假 到 2026-12-01', { verb: 'ooo', until: '2026-12-01' }],
    ['请假 到2026年12月1日', { verb: 'ooo', until: '2026-12-01' }],
    ['休假 2026年11月20日 至 2026年12月1日', { verb: 'ooo', from: '2026-11-20', until: '2026-12-01' }],
    ['ooo off', { verb: 'ooo_clear' }],
    ['请假 取消', { verb: 'ooo_clear' }],
    ['snooze', { verb: 'snooze', days: 1 }],
    ['snooze 3', { verb: 'snooze', days: 3 }],
    ['snooze 2d', { verb: 'snooze', days: 2 }],
    ['snooze 3 days', { verb: 'snooze', days: 3 }],
    ['snooze 1 week', { verb: 'snooze', days: 7 }],
    ['稍后 3天', { verb: 'snooze', days: 3 }],
    ['暂停 两天', { verb: 'snooze', days: 2 }],
    ['推迟 明天', { verb: 'snooze', days: 1 }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });
});

describe('edit, align, close', () => {
  it.each([
    ['edit O-7 "Delight every customer"', { verb: 'edit', target: O7, changes: { title: 'Delight every customer' } }],
    ['edit O-7 --level company --weight 2', { verb: 'edit', target: O7, changes: { level: 'company', weight: 2 } }],
    [
      'edit KR-12 --target 50% --start 10 --pace back-loaded --owner @bob',
      { verb: 'edit', target: KR12, changes: { target: 50, start: 10, unit: '%', pace: 'back_loaded', owner: { name: 'bob' } } },
    ],
    ['edit KR-12 --target 50 --unit pts', { verb: 'edit', target: KR12, changes: { target: 50, unit: 'pts' } }],
    ['edit KR-12 --title "New title" --pace end_loaded', { verb: 'edit', target: KR12, changes: { title: 'New title', pace: 'end_loaded' } }],
    ['修改 KR12 --target 60', { verb: 'edit', target: KR12, changes: { target: 60 } }],
    ['编辑 O7 提升客户满意度', { verb: 'edit', target: O7, changes: { title: '提升客户满意度' } }],
    ['align O-9 O-3', { verb: 'align', child: { type: 'objective', number: 9 }, parent: O3 }],
    ['align O-9 to O-3', { verb: 'align', child: { type: 'objective', number: 9 }, parent: O3 }],
    ['align O-9 none', { verb: 'align', child: { type: 'objective', number: 9 }, parent: null }],
    ['align O-9 -', { verb: 'align', child: { type: 'objective', number: 9 }, parent: null }],
    ['对齐到 O9 O3', { verb: 'align', child: { type: 'objective', number: 9 }, parent: O3 }],
    ['对齐 O9 O3', { verb: 'align', child: { type: 'objective', number: 9 }, parent: O3 }],
    ['对齐到 O9 无', { verb: 'align', child: { type: 'objective', number: 9 }, parent: null }],
    ['close O-7', { verb: 'close', target: O7, reopen: false }],
    ['close KR-12', { verb: 'close', target: KR12, reopen: false }],
    ['关闭 O7', { verb: 'close', target: O7, reopen: false }],
    ['reopen O-7', { verb: 'close', target: O7, reopen: true }],
    ['重新打开 O7', { verb: 'close', target: O7, reopen: true }],
  ])('%j', (text, expected) => {
    expect(chat(text)).toEqual(expected);
  });
});

describe('slash command text', () => {
  it('parses what follows /okr', () => {
    expect(slash('okr', '')).toEqual({ verb: 'home' });
    expect(slash('okr', '  update KR-12 45 ')).toMatchObject({ verb: 'update', keyResult: KR12 });
    expect(slash('okr', 'mine')).toEqual({ verb: 'list', scope: { type: 'me' } });
  });

  it('treats a bare reference as show, and a key result with a value as update', () => {
    expect(chat('KR-12')).toEqual({ verb: 'show', target: KR12 });
    expect(chat('kr12 45 at-risk')).toMatchObject({ verb: 'update', keyResult: KR12, confidence: 'at_risk' });
  });
});
