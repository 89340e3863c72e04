import { ALL_VERBS, renderHelp } from '../../../src/render/text/help-text';
import { translate } from '../../../src/i18n/translate';
import { renderOutcome } from '../../../src/render/text/render-outcome';
import { CONTEXTS, EN, ZH } from './fixtures';

describe('renderHelp', () => {
  for (const ctx of CONTEXTS) {
    it(`${ctx.locale}: should list every command in the overview`, () => {
      const text = renderHelp(undefined, ctx);
      for (const verb of ALL_VERBS) expect(text).toContain(translate(ctx.locale, `usage.${verb}`));
    });
  }

  it('should show the usage of one verb for a verb topic', () => {
    expect(renderHelp('update', EN)).toBe(`How to use it:\n  ${translate('en', 'usage.update')}`);
    expect(renderHelp('kr add', EN)).toContain(translate('en', 'usage.kr_add'));
    expect(renderHelp('ooo', ZH)).toContain(translate('zh-CN', 'usage.ooo_clear'));
  });

  it('should list the KPI commands for the kpi topic', () => {
    const text = renderHelp('kpi', EN);
    for (const verb of ['kpi_list', 'kpi_show', 'kpi_new', 'kpi_log', 'kpi_link'] as const) expect(text).toContain(translate('en', `usage.${verb}`));
    expect(text).not.toContain(translate('en', 'usage.update'));
  });

  it('should say so for an unknown topic and still help', () => {
    const text = renderHelp('weather', EN);
    expect(text.split('\n')[0]).toContain('"weather"');
    expect(text).toContain(translate('en', 'usage.update'));
  });

  it('should be what the help outcome renders', () => {
    expect(renderOutcome({ type: 'help', topic: 'score' }, ZH)).toBe(renderHelp('score', ZH));
  });
});
