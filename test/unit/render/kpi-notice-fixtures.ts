import type { NoticeView } from '../../../src/use-cases/notice-views';
import type { KeyResultView } from '../../../src/use-cases/views';
import { keyResult, kpi, reading } from './fixtures';

type NoticeOf<T extends NoticeView['type']> = Extract<NoticeView, { type: T }>;

/**
 * The KPI notices for the renderer tests: an alert (band worsened and 3 weeks below target, with
 * its trend) and a linked key result's confirm request ("CRM deals says 412 (+37 since …)").
 * `name` is the KPI's name, the user text the hostile-input tests swap.
 */
export function kpiNotices(kr: (over?: Partial<KeyResultView>) => KeyResultView = keyResult, name = 'Net Promoter Score'): { kpi_alert: NoticeOf<'kpi_alert'>; kpi_linked_update: NoticeOf<'kpi_linked_update'> } {
  return {
    kpi_alert: {
      type: 'kpi_alert',
      kpi: kpi({ name, latest: reading({ on: '2026-11-16', value: 31 }), band: 'yellow' }),
      bandBefore: 'green',
      band: 'yellow',
      reasons: [{ kind: 'band_worsened', from: 'green', to: 'yellow' }, { kind: 'below_target', periods: 3 }],
      trend: [reading({ on: '2026-11-02', value: 38 }), reading({ on: '2026-11-09', value: 35 }), reading({ on: '2026-11-16', value: 31 })],
    },
    kpi_linked_update: {
      type: 'kpi_linked_update',
      keyResult: kr({ current: 412, unit: null }),
      kpi: kpi({ key: 'deals', name: name === 'Net Promoter Score' ? 'CRM deals' : name, unit: null, latest: reading({ on: '2026-11-23', value: 412, source: 'api' }) }),
      previous: reading({ on: '2026-11-16', value: 375, source: 'api' }),
    },
  };
}
