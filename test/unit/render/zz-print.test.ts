import { renderOutcome } from '../../../src/render/text/render-outcome';
import { renderHelp } from '../../../src/render/text/help-text';
import { BEHIND, EN, ZH, checkIn, feedback, keyResult, kpi, objective, reading, review } from './fixtures';
it('prints', () => {
  const outs: any[] = [
    { type: 'home', objectives: [objective({ keyResults: [keyResult({ lag: BEHIND }), keyResult({ ref: 'KR-13', kind: 'milestone', current: null, progress: 0, confidence: null, unit: null, title: 'Launch v2' })] })], cycleName: '2026-Q4' },
    { type: 'objective', objective: objective({ weight: 2 }), children: [objective({ ref: 'O-9', title: 'Child goal', progress: 0.3 })], feedback: [feedback(), feedback({ kind: 'comment', ref: null, state: null, body: 'nice' })] },
    { type: 'key_result', keyResult: keyResult({ lag: BEHIND, kpiKey: 'nps' }), objectiveTitle: 'Delight our customers', history: [checkIn(), checkIn({ value: null, previousValue: null, note: null })], feedback: [feedback()] },
    { type: 'form', form: 'check_in', openKeyResults: [keyResult(), keyResult({ ref: 'KR-13', title: 'Ship v2' })] },
    { type: 'checked_in', keyResult: keyResult({ current: 41, progress: 0.73 }), previous: 35, objectiveRef: 'O-7', objectiveProgress: 0.52, lag: BEHIND },
    { type: 'key_result_added', keyResult: keyResult({ current: null, progress: 0 }), objectiveProgress: 0.25 },
    { type: 'tree', nodes: [{ depth: 0, objective: objective({ ref: 'O-1' }) }, { depth: 1, objective: objective({ ref: 'O-3' }) }, { depth: 2, objective: objective() }], truncated: 5 },
    { type: 'team', teamName: '#growth', progress: 0.46, objectives: [objective()], lagging: [keyResult({ lag: BEHIND })], members: 5 },
    { type: 'review', report: review() },
    { type: 'kpi_list', kpis: [kpi(), kpi({ key: 'uptime', name: 'Uptime', unit: '%', latest: null, band: null, target: null })] },
    { type: 'kpi_detail', kpi: kpi(), history: [reading(), reading({ on: '2026-11-13', value: 38 })] },
    { type: 'kpi_logged', kpi: kpi(), previous: reading({ on: '2026-11-13', value: 38 }) },
    { type: 'out_of_office', from: '2026-11-24', until: '2026-12-01' },
    { type: 'snoozed', until: new Date('2026-11-26T09:00:00Z') },
    { type: 'edited', ref: 'KR-12', fields: ['target', 'unit'] },
    { type: 'scored', ref: 'O-7', title: 'Delight our customers', score: 0.7, suggested: 0.62 },
    { type: 'feedback_added', feedback: feedback() },
  ];
  const out: string[] = [];
  for (const ctx of [EN, ZH]) for (const o of outs) out.push(`---- ${o.type} ${ctx.locale}\n${renderOutcome(o, ctx)}`);
  out.push(renderHelp(undefined, EN), renderHelp(undefined, ZH), renderHelp('update', ZH), renderHelp('kpi', EN), renderHelp('foo', EN).slice(0, 200));
  require('fs').writeFileSync('/tmp/render-out.txt', out.join('\n\n'));
});
