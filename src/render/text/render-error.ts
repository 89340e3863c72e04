import type { ParseError } from '../../domain/command/command';
import type { UseCaseError } from '../../use-cases/outcome';
import { textKit, type RenderContext, type TextKit } from './context';
import { usageLine } from './help-text';

const list = (items: readonly string[], kit: TextKit): string => items.join(kit.t('common.listSeparator'));

function errorSentence(error: UseCaseError, kit: TextKit): string {
  const { t } = kit;
  switch (error.code) {
    case 'not_found': {
      const line = t('error.not_found', { what: error.what });
      return error.suggestions.length === 0 ? line : `${line}\n${t('error.didYouMean', { suggestions: list(error.suggestions, kit) })}`;
    }
    case 'ambiguous':
      return t('error.ambiguous', { what: error.what, suggestions: list(error.suggestions, kit) });
    case 'forbidden':
      return t(error.kind === 'team' ? 'error.forbidden_team' : error.kind === 'member' ? 'error.forbidden_member' : 'error.forbidden', { ref: error.ref });
    case 'admin_only':
      return t('error.admin_only');
    case 'no_active_cycle':
      return t('error.no_active_cycle');
    case 'unknown_cycle':
      return t('error.unknown_cycle', { name: error.name });
    case 'unknown_member':
      return t('error.unknown_member', { name: error.name });
    case 'unknown_team':
      // A team objective created without --team arrives with no name.
      return error.name.trim() === '' ? t('error.team_needed') : t('error.unknown_team', { name: error.name });
    case 'closed':
      return t('error.closed', { ref: error.ref });
    case 'alignment_cycle':
      return t('error.alignment_cycle', { ref: error.ref, parentRef: error.parentRef });
    case 'alignment_level':
      return t('error.alignment_level', { ref: error.ref, parentRef: error.parentRef });
    case 'wrong_kind':
      return t('error.wrong_kind', { ref: error.ref, expected: t(`refKind.${error.expected}`) });
    case 'value_needed':
      return t('error.value_needed', { ref: error.ref });
    case 'milestone_value':
      return t('error.milestone_value', { ref: error.ref });
    case 'already_resolved':
      return t('error.already_resolved', { ref: error.ref });
    case 'kpi_exists':
      return t('error.kpi_exists', { key: error.key });
    case 'invalid_kpi':
      return t('error.invalid_kpi', { reason: t(`invalidKpi.${error.reason}`) });
    case 'bad_date_range':
      return t('error.bad_date_range');
    case 'too_many_key_results':
      return t('error.too_many_key_results', { ref: error.ref, max: kit.num(error.max) });
    case 'team_exists':
      return t('error.team_exists', { handle: error.handle });
    case 'no_team':
      return t('error.no_team');
    case 'last_admin':
      return t('error.last_admin');
    case 'reporting_cycle':
      return t('error.reporting_cycle', { member: error.member, manager: error.manager });
    case 'invalid_setting':
      return t('error.invalid_setting', { rule: t(`invalidSetting.${error.field}`) });
    case 'invalid_holiday':
      return t('error.invalid_holiday', { rule: t(`invalidHoliday.${error.field}`) });
    case 'token_exists':
      return t('error.token_exists', { name: error.name });
    default: {
      const unexpected: never = error;
      return String(unexpected);
    }
  }
}

/** Why a command changed nothing, in one or two friendly lines. */
export function renderUseCaseError(error: UseCaseError, ctx: RenderContext): string {
  return errorSentence(error, textKit(ctx));
}

/**
 * Input that was not understood: what went wrong (quoting the token), the closest command if it
 * was a typo, and the usage line of the command meant.
 */
export function renderParseError(error: ParseError, ctx: RenderContext): string {
  const kit = textKit(ctx);
  const { t } = kit;
  const token = error.token ?? '…';
  const sentence =
    error.code === 'missing_argument' && error.token !== undefined
      ? t('parseError.missing_argument_after', { token })
      : t(`parseError.${error.code}`, { token });
  const lines = [sentence];
  if (error.suggestion) lines.push(t('parseError.didYouMean', { suggestion: error.suggestion }));
  lines.push(t('parseError.usage', { usage: usageLine(error.usage, kit) }));
  return lines.join('\n');
}
