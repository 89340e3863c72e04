import type { KeyResultView } from '../../use-cases/views';
import { indent, type TextKit } from './context';
import { keyResultLine } from './key-result-line';

/**
 * A command that opens a form in Slack or WeCom. Plain text has no forms, so this explains the
 * text command instead; a check-in lists every open key result with a line ready to copy.
 */
export function renderForm(form: 'new_objective' | 'check_in' | 'new_kpi', openKeyResults: readonly KeyResultView[], kit: TextKit): string[] {
  const { t } = kit;
  switch (form) {
    case 'new_objective':
      return [t('outcome.form.newObjective'), ...indent([t('outcome.form.newObjectiveExample')])];
    case 'new_kpi':
      return [t('outcome.form.newKpi'), ...indent([t('outcome.form.newKpiExample')])];
    case 'check_in':
      if (openKeyResults.length === 0) return [t('outcome.form.checkInEmpty')];
      return [
        t('outcome.form.checkIn'),
        ...openKeyResults.flatMap((kr) => ['', ...indent([keyResultLine(kr, kit), t('outcome.form.updateLine', { ref: kr.ref })])]),
        '',
        t('outcome.form.checkInHint'),
      ];
  }
}
