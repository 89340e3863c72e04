import type { KnownBlock, View } from '@slack/types';
import { OBJECTIVE_LEVELS, type ObjectiveLevel } from '../../domain/objective';
import { textKit, type RenderContext } from '../../render/text/context';
import type { CatalogKey } from '../../i18n/translate';
import { context, esc, input, modal, option, placeholder } from './common-modal.blocks';
import { ACTION, VIEW } from './ids';
import { LIMIT } from './text-limits';

/** The block ids of the create-objective modal; its reader finds the fields under these. */
export const NEW_OBJECTIVE_BLOCK = {
  title: 'title',
  level: 'level',
  team: 'team',
  parent: 'parent',
  keyResults: ['kr_1', 'kr_2', 'kr_3', 'kr_4', 'kr_5'],
} as const;

/** Same limits as the text grammar (`/okr new "…"`, `parseKeyResultSpec`). */
export const NEW_OBJECTIVE_TITLE_MAX = 200;
export const NEW_OBJECTIVE_KR_MAX = 200;

/** The value of a parent option, as the external-select handler must produce it: `O-7`. */
export const parentOptionValue = (ref: number): string => `O-${ref}`;

const LEVEL_LABEL: Readonly<Record<ObjectiveLevel, CatalogKey>> = {
  company: 'slackViews.newObjective.levelCompany',
  team: 'slackViews.newObjective.levelTeam',
  personal: 'slackViews.newObjective.levelPersonal',
};

/** Create an objective with up to five key results typed as sentences ("Raise NPS from 30 to 45"). */
export function newObjectiveModal(
  ctx: RenderContext,
  opts: { teams: readonly { id: number; name: string }[]; initialTitle?: string; privateMetadata?: string },
): View {
  const { t } = textKit(ctx);
  const B = NEW_OBJECTIVE_BLOCK;
  const initialTitle = Array.from(opts.initialTitle?.trim() ?? '').slice(0, NEW_OBJECTIVE_TITLE_MAX).join('');
  const blocks: KnownBlock[] = [
    context(esc(t('slackViews.newObjective.intro'))),
    input(B.title, t('slackViews.newObjective.titleLabel'), {
      type: 'plain_text_input',
      action_id: B.title,
      max_length: NEW_OBJECTIVE_TITLE_MAX,
      placeholder: placeholder(t('slackViews.newObjective.titlePlaceholder')),
      ...(initialTitle === '' ? {} : { initial_value: initialTitle }),
    }),
    input(
      B.level,
      t('slackViews.newObjective.levelLabel'),
      {
        type: 'static_select',
        action_id: B.level,
        placeholder: placeholder(t('slackViews.newObjective.levelPlaceholder')),
        options: OBJECTIVE_LEVELS.map((level) => option(t(LEVEL_LABEL[level]), level)),
      },
      { optional: true },
    ),
  ];
  const teams = opts.teams.slice(0, LIMIT.options);
  if (teams.length > 0) {
    blocks.push(
      input(
        B.team,
        t('slackViews.newObjective.teamLabel'),
        {
          type: 'static_select',
          action_id: B.team,
          placeholder: placeholder(t('slackViews.newObjective.teamPlaceholder')),
          options: teams.map((team) => option(team.name, String(team.id))),
        },
        { optional: true },
      ),
    );
  }
  blocks.push(
    input(
      B.parent,
      t('slackViews.newObjective.parentLabel'),
      {
        type: 'external_select',
        action_id: ACTION.parentSelect,
        min_query_length: 0,
        placeholder: placeholder(t('slackViews.newObjective.parentPlaceholder')),
      },
      { optional: true },
    ),
    ...B.keyResults.map((blockId, i) =>
      input(
        blockId,
        t('slackViews.newObjective.keyResultLabel', { n: i + 1 }),
        { type: 'plain_text_input', action_id: blockId, max_length: NEW_OBJECTIVE_KR_MAX },
        { optional: true, hint: t('slackViews.newObjective.keyResultHint') },
      ),
    ),
  );
  return modal({
    callbackId: VIEW.newObjective,
    title: t('slackViews.newObjective.title'),
    submit: t('slackViews.newObjective.submit'),
    close: t('slackViews.common.cancel'),
    blocks,
    ...(opts.privateMetadata === undefined ? {} : { privateMetadata: opts.privateMetadata }),
  });
}
