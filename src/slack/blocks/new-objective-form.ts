import type { KeyResultSpec } from '../../domain/command/command';
import { parseKeyResultSpec } from '../../domain/command/key-result-spec';
import { codePointLength } from '../../domain/command/text';
import type { Locale } from '../../domain/member';
import { OBJECTIVE_LEVELS, type ObjectiveLevel } from '../../domain/objective';
import { createTranslator } from '../../i18n/translate';
import { NEW_OBJECTIVE_BLOCK, NEW_OBJECTIVE_KR_MAX, NEW_OBJECTIVE_TITLE_MAX } from './new-objective-modal.blocks';
import { hasErrors, selectedOf, textOf, type FormErrors, type FormResult, type ViewStateValues } from './read-form';

export type { ViewStateValues } from './read-form';

export interface NewObjectiveForm {
  readonly title: string;
  readonly level?: ObjectiveLevel;
  readonly teamId?: number;
  /** The parent objective's reference number: 3 for `O-3`. */
  readonly parentRef?: number;
  readonly keyResults: KeyResultSpec[];
}

const PARENT_VALUE = /^O-([1-9]\d{0,8})$/;
const TEAM_VALUE = /^[1-9]\d{0,14}$/;

const isLevel = (v: string): v is ObjectiveLevel => (OBJECTIVE_LEVELS as readonly string[]).includes(v);

/**
 * Reads a submitted create-objective modal. Errors are keyed by block_id, ready for
 * `ack({ response_action: 'errors', errors })`: an empty or too long title, a level, team or parent
 * that is not one of the options, and a key result that is too long or cannot be read.
 */
export function readNewObjectiveForm(values: ViewStateValues, locale: Locale = 'en'): FormResult<NewObjectiveForm> {
  const t = createTranslator(locale);
  const B = NEW_OBJECTIVE_BLOCK;
  const errors: FormErrors = {};

  const title = textOf(values, B.title);
  const titleLength = codePointLength(title);
  if (title === '') errors[B.title] = t('slackViews.newObjective.titleEmpty');
  else if (titleLength > NEW_OBJECTIVE_TITLE_MAX) {
    errors[B.title] = t('slackViews.newObjective.titleTooLong', { max: NEW_OBJECTIVE_TITLE_MAX, length: titleLength });
  }

  const levelValue = selectedOf(values, B.level);
  let level: ObjectiveLevel | undefined;
  if (levelValue !== null) {
    if (isLevel(levelValue)) level = levelValue;
    else errors[B.level] = t('slackViews.newObjective.badLevel');
  }

  const teamValue = selectedOf(values, B.team);
  let teamId: number | undefined;
  if (teamValue !== null) {
    if (TEAM_VALUE.test(teamValue)) teamId = Number(teamValue);
    else errors[B.team] = t('slackViews.newObjective.badTeam');
  }

  const parentValue = selectedOf(values, B.parent);
  let parentRef: number | undefined;
  if (parentValue !== null) {
    const m = PARENT_VALUE.exec(parentValue);
    if (m) parentRef = Number(m[1]);
    else errors[B.parent] = t('slackViews.newObjective.badParent');
  }

  const keyResults: KeyResultSpec[] = [];
  for (const blockId of B.keyResults) {
    const text = textOf(values, blockId);
    if (text === '') continue;
    const length = codePointLength(text);
    if (length > NEW_OBJECTIVE_KR_MAX) {
      errors[blockId] = t('slackViews.newObjective.keyResultTooLong', { max: NEW_OBJECTIVE_KR_MAX, length });
      continue;
    }
    const spec = parseKeyResultSpec(text);
    if (spec) keyResults.push(spec);
    else errors[blockId] = t('slackViews.newObjective.keyResultUnreadable');
  }

  if (hasErrors(errors)) return { ok: false, errors };
  const value: { -readonly [K in keyof NewObjectiveForm]: NewObjectiveForm[K] } = { title, keyResults };
  if (level !== undefined) value.level = level;
  if (teamId !== undefined) value.teamId = teamId;
  if (parentRef !== undefined) value.parentRef = parentRef;
  return { ok: true, value };
}
