import type { NoticeType, NoticeView } from '../../../src/use-cases/notice-views';
import { utf8Bytes, WECOM_TEXT_LIMIT } from '../../../src/wecom/messages/byte-limits';
import { markdownMarkupIn } from '../../../src/wecom/messages/markdown-escape';
import { checkInDetailsMessages, noticeMessages } from '../../../src/wecom/messages/notice-messages';
import type { WecomMessage } from '../../../src/wecom/messages/wecom-message';
import { BEHIND, CONTEXTS, EN, ZH, keyResult, objective } from '../render/fixtures';
import { kpiNotices } from '../render/kpi-notice-fixtures';

// The scheduler's notices as WeCom messages: every type in both languages within 2,048 bytes a
// message, the prompt as one card, user text that cannot become markup, and the messages Slack
// would thread reading well on their own.

type NoticeOf<T extends NoticeType> = Extract<NoticeView, { type: T }>;

const MILESTONE = keyResult({ id: 13, ref: 'KR-13', title: 'Ship v2', kind: 'milestone', start: 0, target: 1, current: 0, unit: null, progress: 0, confidence: null });

/** One notice of each type; the mapped type makes a new notice type a compile error here. */
const NOTICES: { readonly [T in NoticeType]: NoticeOf<T> } = {
  check_in_prompt: { type: 'check_in_prompt', promptId: 41, memberName: 'Alice', period: '2026-W48', keyResults: [keyResult({ lag: BEHIND }), MILESTONE] },
  check_in_reminder: { type: 'check_in_reminder', promptId: 41, memberName: 'Alice', keyResults: [keyResult(), MILESTONE] },
  check_in_escalation: { type: 'check_in_escalation', managerName: 'Bob', memberName: 'Alice', workdays: 3, keyResults: [keyResult(), MILESTONE] },
  team_digest: {
    type: 'team_digest',
    teamName: 'Growth',
    period: '2026-W48',
    checkedIn: ['Alice', 'Bob'],
    missing: ['Dan'],
    atRisk: [keyResult({ ref: 'KR-21', title: 'Cut churn', lag: BEHIND })],
    changes: [{ keyResult: keyResult({ progress: 0.6 }), previousProgress: 0.48 }],
  },
  digest_check_in: {
    type: 'digest_check_in',
    checkIn: { authorName: 'Carol', keyResult: keyResult(), value: 39, previousValue: 35, confidence: 'at_risk', note: 'waiting on legal', at: new Date('2026-11-20T10:00:00Z') },
  },
  lag_alert: { type: 'lag_alert', keyResult: keyResult(), verdict: BEHIND, worsened: false },
  lag_alert_owner: { type: 'lag_alert_owner', keyResult: keyResult(), verdict: BEHIND },
  monthly_review: { type: 'monthly_review', memberName: 'Alice', month: '2026-11', objectives: [objective({ keyResults: [keyResult({ lag: BEHIND }), MILESTONE] })] },
  cycle_scoring: {
    type: 'cycle_scoring',
    memberName: 'Alice',
    cycleName: '2026-Q4',
    endsOn: '2026-12-31',
    objectives: [{ objective: objective(), suggested: 0.52 }, { objective: objective({ id: 8, ref: 'O-8', title: 'Grow revenue' }), suggested: 0.3 }],
  },
  ...kpiNotices(),
};

/** Facts each notice must carry in either language. */
const FACTS: { readonly [T in NoticeType]: readonly string[] } = {
  check_in_prompt: [],
  check_in_reminder: ['Alice', 'KR-12', 'KR-13'],
  check_in_escalation: ['Alice', '3', 'KR-12', 'KR-13'],
  team_digest: ['Growth', '2026-W48', 'Alice', 'Bob', 'Dan', 'KR-21', 'Cut churn', 'KR-12', '48% → 60%'],
  digest_check_in: ['Carol', 'KR-12', 'Raise NPS from 30 to 45', '35 pts → 39 pts', 'waiting on legal'],
  lag_alert: ['KR-12', 'Raise NPS from 30 to 45', 'Alice', 'O-7', '62 pts', '41 pts'],
  lag_alert_owner: ['KR-12', 'Raise NPS from 30 to 45', '62 pts', '41 pts'],
  monthly_review: ['Alice', 'O-7', 'Delight our customers', 'KR-12'],
  cycle_scoring: ['Alice', '2026-Q4', 'O-7', '0.52', 'O-8', '0.3'],
  kpi_alert: ['Net Promoter Score', 'nps', '31 pts', '45 pts', '38 pts', '3'],
  kpi_linked_update: ['KR-12', 'CRM deals', '412', '+37', 'KR-12 412'],
};

const TYPES = Object.keys(NOTICES) as NoticeType[];
const TASK = 'checkin-41';

const contentOf = (m: WecomMessage): string => (m.msgtype === 'markdown' ? m.markdown.content : m.msgtype === 'text' ? m.text.content : '');
const allContent = (messages: readonly WecomMessage[]): string => messages.map(contentOf).join('\n');

/** What is left of a message once the markup we add ourselves (bold, font colours) is taken out. */
const withoutOurMarkup = (content: string): string => content.replace(/\*\*|<font color="(?:info|comment|warning)">|<\/font>/g, '');

/** Broken limits or markup in markdown messages; empty when all are fine. */
function problems(messages: readonly WecomMessage[]): string[] {
  return messages.flatMap((m, i) => {
    if (m.msgtype !== 'markdown') return [`${i}: ${m.msgtype}`];
    const c = m.markdown.content;
    const out: string[] = [];
    if (utf8Bytes(c) > WECOM_TEXT_LIMIT) out.push(`${i}: ${utf8Bytes(c)} bytes`);
    if (c.trim() === '') out.push(`${i}: empty`);
    if ((c.match(/\*\*/g) ?? []).length % 2 !== 0) out.push(`${i}: unbalanced bold`);
    if ((c.match(/<font /g) ?? []).length !== (c.match(/<\/font>/g) ?? []).length) out.push(`${i}: unbalanced font`);
    const stray = markdownMarkupIn(withoutOurMarkup(c));
    if (stray.length > 0) out.push(`${i}: stray markup ${stray.join(' ')}`);
    return out;
  });
}

describe('noticeMessages', () => {
  for (const ctx of CONTEXTS) {
    describe(ctx.locale, () => {
      it.each(TYPES.filter((t) => t !== 'check_in_prompt'))('should render %s as markdown within the limits, with its facts', (type) => {
        const messages = noticeMessages(NOTICES[type], { ...ctx, taskId: TASK });
        expect(messages.length).toBeGreaterThan(0);
        expect(problems(messages)).toEqual([]);
        const text = allContent(messages);
        for (const fact of FACTS[type]) expect({ type, fact, found: text.includes(fact) }).toEqual({ type, fact, found: true });
        expect(text).not.toMatch(/\{\w+\}|NaN|undefined|wecom\.|notice\./);
      });

      it('should send the weekly prompt as one button_interaction card with the given task id', () => {
        const messages = noticeMessages(NOTICES.check_in_prompt, { ...ctx, taskId: TASK });
        expect(messages).toHaveLength(1);
        const [card] = messages;
        expect(card?.msgtype).toBe('template_card');
        if (card?.msgtype === 'template_card') {
          expect(card.template_card.task_id).toBe(TASK);
          expect(card.template_card.card_type).toBe('button_interaction');
        }
      });
    });
  }

  it('should page a huge digest (300 members, 60-character Chinese titles) within 2,048 bytes a message', () => {
    const title = '提升华东区大客户的续约率并完成新版客户成功手册的编写与全员培训同时降低工单平均响应时长'.padEnd(60, '续');
    const members = Array.from({ length: 300 }, (_, i) => `成员${String(i).padStart(3, '0')}号欧阳`);
    const krs = Array.from({ length: 120 }, (_, i) => keyResult({ id: 1000 + i, ref: `KR-${1000 + i}`, title, ownerName: members[i]!, lag: BEHIND }));
    const digest: NoticeOf<'team_digest'> = {
      type: 'team_digest',
      teamName: '华东区客户成功部'.repeat(5),
      period: '2026-W48',
      checkedIn: members.slice(0, 150),
      missing: members.slice(150),
      atRisk: krs.slice(0, 60),
      changes: krs.slice(60).map((keyResult, i) => ({ keyResult, previousProgress: i % 2 === 0 ? 0.1 : null })),
    };
    for (const ctx of CONTEXTS) {
      const messages = noticeMessages(digest, { ...ctx, taskId: TASK });
      expect(messages.length).toBeGreaterThan(3);
      expect(problems(messages)).toEqual([]);
      const marker = ctx.locale === 'en' ? `(2/${messages.length})` : `（2/${messages.length}）`;
      expect(contentOf(messages[1]!).split('\n')[0]).toContain(marker);
      const text = allContent(messages);
      for (const kr of krs) expect(text).toContain(kr.ref);
      expect(text).toContain(ctx.locale === 'en' ? 'and 110 more' : '另有 110 人');
    }
  });

  it('should escape user text so a title or name cannot inject links, font tags, headings or emphasis', () => {
    const evil = keyResult({ title: '[x](http://evil) **loud** `code`', ownerName: '<font color="warning">boss</font>' });
    const notices: NoticeView[] = [
      { ...NOTICES.lag_alert, keyResult: evil },
      { ...NOTICES.check_in_reminder, memberName: '# Heading', keyResults: [evil] },
      { type: 'digest_check_in', checkIn: { ...NOTICES.digest_check_in.checkIn, authorName: '> quote', note: '\n# big\n> quoted <@all>', keyResult: evil } },
      { ...NOTICES.team_digest, teamName: '[team](http://evil)', checkedIn: ['<font color="info">x</font>'], atRisk: [evil] },
      ...Object.values(kpiNotices(() => evil, '# [x](http://evil) <font color="info">x</font> <@all>')),
    ];
    for (const notice of notices) {
      for (const ctx of CONTEXTS) {
        const messages = noticeMessages(notice, { ...ctx, taskId: TASK });
        expect(problems(messages)).toEqual([]);
        const text = allContent(messages);
        expect(text).not.toContain('](http');
        expect(text).not.toMatch(/<font color="\w+">(?:boss|x)</);
        expect(text).not.toContain('<@all>');
        expect(text).not.toMatch(/^\s*[#>]/m);
      }
    }
    expect(allContent(noticeMessages(notices[0]!, { ...EN, taskId: TASK }))).toContain('［x］(http://evil)');
  });

  it('should open a reminder and a digest check-in with what they belong to, since WeCom has no threads', () => {
    const reminder = contentOf(noticeMessages(NOTICES.check_in_reminder, { ...ZH, taskId: TASK })[0]!);
    expect(reminder.split('\n')[0]).toContain('关于本周的签到卡片');
    const checkIn = contentOf(noticeMessages(NOTICES.digest_check_in, { ...EN, taskId: TASK })[0]!);
    expect(checkIn.split('\n')[0]).toContain('New check-in for this week’s team digest');
    expect(checkIn).toContain('/okr comment KR-12 ＜text＞');
    const digest = allContent(noticeMessages(NOTICES.team_digest, { ...EN, taskId: TASK }));
    expect(digest).not.toContain('thread');
    expect(digest).toContain('check-ins follow as separate messages');
  });
});

describe('checkInDetailsMessages', () => {
  it('should list every key result of the prompt and how to check in by typing', () => {
    const many = { ...NOTICES.check_in_prompt, keyResults: Array.from({ length: 40 }, (_, i) => keyResult({ id: i + 1, ref: `KR-${i + 1}` })) };
    for (const ctx of CONTEXTS) {
      const messages = checkInDetailsMessages(many, ctx);
      expect(problems(messages)).toEqual([]);
      const text = allContent(messages);
      for (const kr of many.keyResults) expect(text).toContain(`${kr.ref}  `);
      expect(text).toContain(ctx.locale === 'en' ? '/okr checkin' : '签到');
    }
  });
});
