import type { KeyResultView } from '../../use-cases/views';
import { actions, section, sections } from './block-builders';
import { esc } from './goal-lines';
import { checkInButton, newObjectiveButton } from './next-actions';
import type { Reply, ReplyKit } from './reply';

/**
 * A command that wants a form. The listener normally opens the modal straight away with the
 * command's trigger_id; this message is the fallback when it could not (the trigger expired or the
 * reply is delivered later), with a button whose click brings a fresh trigger_id.
 * KPIs have no modal, so `/kpi new` without arguments explains the command instead.
 */
export function formReply(form: 'new_objective' | 'check_in' | 'new_kpi', openKeyResults: readonly KeyResultView[], kit: ReplyKit): Reply {
  const { t } = kit;
  switch (form) {
    case 'check_in': {
      if (openKeyResults.length === 0) return { text: esc(t('outcome.form.checkInEmpty')), blocks: [section(esc(t('outcome.form.checkInEmpty')))] };
      const line = t('slackReply.form.checkIn');
      return { text: esc(line), blocks: [section(esc(line)), ...actions([checkInButton(kit)])] };
    }
    case 'new_objective': {
      const line = t('slackReply.form.newObjective');
      return { text: esc(line), blocks: [section(esc(line)), ...actions([newObjectiveButton(kit)])] };
    }
    case 'new_kpi': {
      const line = t('slackReply.form.newKpi');
      return { text: esc(line), blocks: sections([esc(line), esc(t('outcome.form.newKpiExample'))]) };
    }
  }
}
