import { homeView } from '../../../../src/slack/blocks/home.blocks';
import { ACTION, VIEW } from '../../../../src/slack/blocks/ids';
import { BEHIND, EN, keyResult, objective, ZH } from '../../render/fixtures';
import { allText, mrkdwnTexts, viewViolations } from './view-check';

type Json = Record<string, unknown>;
const buttons = (blocks: readonly unknown[]): Json[] =>
  (blocks as Json[]).flatMap((b) => [...((b.elements as Json[] | undefined) ?? []), ...(b.accessory ? [b.accessory as Json] : [])]).filter((e) => e.type === 'button');

const LAGGING = keyResult({ id: 21, ref: 'KR-21', title: 'Cut churn from 5% to 3%', ownerName: 'Bob <@U999>', lag: BEHIND });

describe('homeView', () => {
  it('should show my objectives, their key results with lag flags, and my team', () => {
    const view = homeView(EN, {
      memberName: 'Alice & <!everyone>',
      objectives: [objective({ keyResults: [keyResult(), LAGGING] })],
      team: { name: 'Growth', progress: 0.52, lagging: [LAGGING], members: 5 },
      cycleName: '2026-Q4',
    });
    expect(view.type).toBe('home');
    expect(view.callback_id).toBe(VIEW.home);
    expect(viewViolations(view)).toEqual([]);
    const text = allText(view);
    expect(text).toContain('OKRs — 2026-Q4');
    expect(text).toContain('Hi Alice &amp; &lt;!everyone&gt;! Here is where your goals stand.');
    expect(text).toContain('*KR-21*  Cut churn from 5% to 3%');
    expect(text).toContain('⚠️ Lagging: expected 62 pts by today, at 41 pts (21 points behind); no check-in for 16 days');
    expect(text).toContain('My team: Growth — ▓▓▓▓▓░░░░░ 52%');
    expect(text).toContain('(Bob &lt;@U999&gt;)');
    const all = buttons(view.blocks);
    expect(all.map((b) => b.action_id)).toEqual([
      ACTION.openCheckIn, ACTION.openNewObjective, ACTION.showGoal, ACTION.showGoal, ACTION.showGoal, ACTION.showGoal,
    ]);
    expect(all.filter((b) => b.action_id === ACTION.showGoal).map((b) => b.value)).toEqual(['O-7', 'KR-12', 'KR-21', 'KR-21']);
  });

  it('should explain how to start when there is nothing yet', () => {
    const view = homeView(EN, { memberName: 'Alice', objectives: [], team: null, cycleName: '2026-Q4' });
    expect(allText(view)).toContain('You have no objectives in 2026-Q4 yet. Press New objective');
    const none = homeView(ZH, { memberName: '', objectives: [], team: { name: '增长', progress: 0, lagging: [], members: 1 }, cycleName: null });
    expect(allText(none)).toContain('当前没有进行中的周期');
    expect(allText(none)).toContain('团队里没有滞后的关键结果。🎉');
    expect(viewViolations(none)).toEqual([]);
  });

  it('should stay within 100 blocks and say how many goals were left out', () => {
    const objectives = Array.from({ length: 30 }, (_, i) =>
      objective({ id: i + 1, ref: `O-${i + 1}`, keyResults: Array.from({ length: 5 }, (_, k) => keyResult({ id: i * 10 + k, ref: `KR-${i * 10 + k}` })) }),
    );
    const lagging = Array.from({ length: 14 }, (_, i) => keyResult({ id: 900 + i, ref: `KR-${900 + i}`, lag: BEHIND }));
    const view = homeView(EN, { memberName: 'Alice', objectives, team: { name: 'Growth', progress: 0.4, lagging, members: 9 }, cycleName: '2026-Q4' });
    expect(view.blocks).toHaveLength(100);
    expect(viewViolations(view)).toEqual([]);
    const texts = mrkdwnTexts(view);
    expect(texts.at(-1)).toMatch(/^… and \d+ more — \/okr mine$/);
    const shownGoals = buttons(view.blocks).filter((b) => b.action_id === ACTION.showGoal && !lagging.some((kr) => kr.ref === b.value)).length;
    expect(Number(/and (\d+) more/.exec(texts.at(-1)!)![1]) + shownGoals).toBe(30 * 6);
    expect(texts).toContain('… and 4 more lagging — /okr team');
  });
});
