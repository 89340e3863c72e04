import fc from 'fast-check';
import { renderOutcomeMessages } from '../../../src/slack/blocks/outcome-messages.blocks';
import { LIMIT } from '../../../src/slack/blocks/text-limits';
import type { Outcome } from '../../../src/use-cases/outcome';
import type { FeedbackView, KeyResultView, ObjectiveView } from '../../../src/use-cases/views';
import { BEHIND, CONTEXTS, EN, checkIn, feedback, keyResult, kpi, objective, reading, review, team } from '../render/fixtures';
import { allText, problems } from './helpers';

// Whatever people type into titles, notes and names — mentions, entities, 5,000 characters,
// emoji, CJK — every message must stay within Slack's limits and never ping anyone.

const HOSTILE = [
  '<!channel>', '<!here>', '<!everyone>', '<@U123>', '<@U123|alice>', '<#C123|general>', '<!subteam^S123>',
  '<https://evil.example|click me>', '&lt;!channel&gt;', '&amp;', '&', '<', '>', '*bold* _it_ ~s~ `code`',
  '👨‍👩‍👧‍👦🎉🇨🇳', '提升客户满意度，达成季度目标', 'x'.repeat(5_000), '&'.repeat(3_000), '<'.repeat(5_000), '😀'.repeat(2_500), '', ' ', '\n\n',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((s) => s.repeat(Math.ceil(5_000 / s.length))) },
);
/** A title, name or note: a few hostile pieces glued together. */
const text = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
const maybeText = fc.option(text, { nil: null });
const progress = fc.double({ min: -2, max: 5, noNaN: true });

const keyResultArb = (i: number): fc.Arbitrary<KeyResultView> =>
  fc.record({ title: text, ownerName: text, unit: maybeText, progress, lagging: fc.boolean(), current: fc.option(fc.double({ noNaN: true }), { nil: null }) }).map(
    (r) => keyResult({ id: i, ref: `KR-${i}`, title: r.title, ownerName: r.ownerName, unit: r.unit, progress: r.progress, current: r.current, lag: r.lagging ? BEHIND : null }),
  );

const objectiveArb = (i: number, maxKeyResults = 10): fc.Arbitrary<ObjectiveView> =>
  fc
    .record({
      title: text,
      ownerName: text,
      teamName: maybeText,
      cycleName: text,
      progress,
      keyResults: fc.array(fc.nat(1_000_000).chain((n) => keyResultArb(n)), { maxLength: maxKeyResults }),
    })
    .map((o) => objective({ id: i, ref: `O-${i}`, ...o }));

const objectivesArb = (max: number): fc.Arbitrary<ObjectiveView[]> =>
  fc.integer({ min: 0, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => objectiveArb(i + 1))));

const feedbackArb: fc.Arbitrary<FeedbackView> = fc
  .record({ body: text, authorName: text, kind: fc.constantFrom('comment', 'reply', 'blocker' as const) })
  .map((f) => feedback(f));

const outcomeArb: fc.Arbitrary<Outcome> = fc.oneof(
  objectivesArb(60).chain((objectives) => fc.record({ cycleName: maybeText }).map((r): Outcome => ({ type: 'home', objectives, cycleName: r.cycleName }))),
  fc.tuple(objectivesArb(60), text).map(([objectives, scope]): Outcome => ({ type: 'goals', scope, objectives, cycleName: '2026-Q4' })),
  fc.tuple(objectiveArb(7), fc.array(objectiveArb(9, 2), { maxLength: 20 }), fc.array(feedbackArb, { maxLength: 30 })).map(
    ([o, children, fb]): Outcome => ({ type: 'objective', objective: o, children, feedback: fb }),
  ),
  fc.tuple(keyResultArb(12), text, fc.array(fc.record({ note: maybeText, authorName: text }), { maxLength: 30 }), fc.array(feedbackArb, { maxLength: 30 })).map(
    ([kr, objectiveTitle, notes, fb]): Outcome => ({ type: 'key_result', keyResult: kr, objectiveTitle, history: notes.map((n) => checkIn(n)), feedback: fb }),
  ),
  objectivesArb(60).map((objectives): Outcome => ({ type: 'tree', nodes: objectives.map((o, i) => ({ depth: i % 5, objective: o })), truncated: 3 })),
  fc.tuple(text, objectivesArb(30), fc.array(keyResultArb(5), { maxLength: 40 })).map(
    ([teamName, objectives, lagging]): Outcome => ({ type: 'team', teamName, progress: 0.4, objectives, lagging, members: 7 }),
  ),
  fc.array(keyResultArb(3), { maxLength: 80 }).map((keyResults): Outcome => ({ type: 'lagging', keyResults })),
  fc.tuple(text, text, maybeText).map(([cycleName, title, note]): Outcome => {
    const base = review();
    const line = { ref: 'O-7', title, suggested: 0.5, score: 0.6, note };
    return { type: 'review', report: { ...base, cycleName, objectives: Array.from({ length: 40 }, () => ({ objective: objective(), score: line, keyResults: Array(10).fill(line) })) } };
  }),
  fc.array(fc.record({ key: text, name: text, unit: maybeText, ownerName: maybeText }), { maxLength: 60 }).map((ks): Outcome => ({ type: 'kpi_list', kpis: ks.map((k) => kpi(k)) })),
  fc.tuple(fc.record({ key: text, name: text, teamName: maybeText }), fc.array(text, { maxLength: 40 })).map(
    ([k, sources]): Outcome => ({ type: 'kpi_detail', kpi: kpi(k), history: sources.map((source) => reading({ source })) }),
  ),
  fc.tuple(text, text).map(([key, name]): Outcome => ({ type: 'kpi_created', kpi: kpi({ key, name }) })),
  fc.tuple(text, maybeText).map(([name, unit]): Outcome => ({ type: 'kpi_logged', kpi: kpi({ name, unit }), previous: reading() })),
  text.map((kpiKey): Outcome => ({ type: 'kpi_linked', keyResultRef: 'KR-12', kpiKey })),
  feedbackArb.map((f): Outcome => ({ type: 'feedback_added', feedback: f })),
  feedbackArb.map((f): Outcome => ({ type: 'blocker_resolved', feedback: f })),
  keyResultArb(12).map((kr): Outcome => ({ type: 'checked_in', keyResult: kr, previous: 3, objectiveRef: 'O-7', objectiveProgress: 0.5, lag: BEHIND })),
  keyResultArb(12).map((kr): Outcome => ({ type: 'key_result_added', keyResult: kr, objectiveProgress: 0.5 })),
  objectiveArb(7).map((o): Outcome => ({ type: 'objective_created', objective: o })),
  text.map((title): Outcome => ({ type: 'scored', ref: 'O-7', title, score: 0.7, suggested: 0.6 })),
  fc.array(text, { maxLength: 10 }).map((fields): Outcome => ({ type: 'edited', ref: 'KR-12', fields })),
  fc.tuple(text, text).map(([from, until]): Outcome => ({ type: 'out_of_office', from, until })),
  text.map((topic): Outcome => ({ type: 'help', topic })),
  fc.record({ name: text, handle: text, managerName: maybeText, parentHandle: maybeText, channelRef: maybeText }).chain((t) =>
    fc.constantFrom<Outcome>(
      { type: 'team_created', team: team(t) },
      { type: 'team_changed', team: team(t), fields: ['manager', 'role', 'weekday', 'time', 'threshold', 'stale', 'channel', 'remind', 'escalate', 'digest'] },
      { type: 'form', form: 'team_settings', openKeyResults: [], settings: team(t) },
      { type: 'team_member_changed', team: team(t), memberName: t.name, action: 'remove', changed: true },
    ),
  ),
  fc.tuple(text, maybeText).map(([memberName, managerName]): Outcome => ({ type: 'member_changed', memberName, change: { field: 'manager', managerName }, changed: true })),
  // Holiday names are typed by admins: `/okr holiday add 2026-12-25 <!channel>`.
  fc.array(fc.record({ name: text, kind: fc.constantFrom('holiday', 'workday' as const), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 400 }).map(
    (ds): Outcome => ({
      type: 'holidays', years: [2026, 2027], calendar: { calendar: 'cn', chosen: false, builtInYears: [2025, 2026], missingYears: [2027] },
      days: ds.map((d) => ({ day: `2026-12-${String(d.day).padStart(2, '0')}`, kind: d.kind, name: d.name })),
    }),
  ),
  fc.tuple(text, text, fc.constantFrom('holiday', 'workday' as const), fc.constantFrom(null, 'holiday', 'workday' as const)).chain(([now, before, kind, builtIn]) =>
    fc.constantFrom<Outcome>(
      { type: 'holiday_changed', day: '2026-12-26', now: { day: '2026-12-26', kind, name: now }, before: { day: '2026-12-26', kind: 'workday', name: before }, builtIn },
      { type: 'holiday_changed', day: '2026-12-26', now: null, before: { day: '2026-12-26', kind, name: before }, builtIn },
    ),
  ),
);

describe('Block Kit replies with hostile input', () => {
  it('should stay within every limit and never let a mention through', () => {
    fc.assert(
      fc.property(outcomeArb, fc.constantFrom(...CONTEXTS), fc.option(text, { nil: undefined }), (outcome, ctx, commandText) => {
        const messages = renderOutcomeMessages(outcome, { ...ctx, commandText });
        expect(messages.length).toBeGreaterThan(0);
        expect(problems(messages)).toEqual([]);
        for (const m of messages) {
          expect(m.blocks.length).toBeLessThanOrEqual(LIMIT.blocksPerMessage);
          expect(m.text.length).toBeLessThanOrEqual(LIMIT.messageText);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('should show injected mentions as text', () => {
    const o = objective({ title: '<!channel> & <@U999> <#C1|x>', ownerName: '<!here>', keyResults: [keyResult({ title: '<!everyone>', unit: '<@U1>' })] });
    const messages = renderOutcomeMessages({ type: 'home', objectives: [o], cycleName: '<!channel>' }, EN);
    expect(problems(messages)).toEqual([]);
    const shown = allText(messages);
    expect(shown).toContain('&lt;!channel&gt; &amp; &lt;@U999&gt; &lt;#C1|x&gt;');
    expect(shown).toContain('&lt;!here&gt;');
    expect(shown).toContain('&lt;!everyone&gt;');
    expect(shown).toContain('&lt;@U1&gt;');
    // plain_text (the header) is never parsed for mentions, so it shows the text as typed.
    expect(messages[0]?.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Your OKRs — <!channel>' } });
  });

  it('should split a 500-node tree with long titles into messages of at most 50 blocks', () => {
    const nodes = Array.from({ length: 500 }, (_, i) => ({
      depth: i % 7,
      objective: objective({ id: i, ref: `O-${i + 1}`, title: `${'目标'.repeat(400)} <!here>`, ownerName: 'x'.repeat(500) }),
    }));
    for (const ctx of CONTEXTS) {
      const messages = renderOutcomeMessages({ type: 'tree', nodes, truncated: 0 }, { ...ctx, commandText: '/okr tree' });
      expect(messages.length).toBeGreaterThan(1);
      for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(LIMIT.blocksPerMessage);
      expect(problems(messages)).toEqual([]);
      const shown = allText(messages);
      for (const n of nodes) expect(shown).toContain(`*${n.objective.ref}*`);
    }
  });
});
