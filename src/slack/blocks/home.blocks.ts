import type { HomeView, KnownBlock } from '@slack/types';
import { textKit, type RenderContext, type TextKit } from '../../render/text/context';
import { progressBar } from '../../render/text/progress-bar';
import type { KeyResultView, ObjectiveView } from '../../use-cases/views';
import {
  bold, button, context, divider, esc, header, keyResultMrkdwn, mrkdwnText, section, TITLE_IN_TEXT,
} from './common-modal.blocks';
import { ACTION, VIEW } from './ids';
import { LIMIT } from './text-limits';

export interface HomeData {
  readonly memberName: string;
  readonly objectives: readonly ObjectiveView[];
  readonly team: { readonly name: string; readonly progress: number; readonly lagging: readonly KeyResultView[]; readonly members: number } | null;
  readonly cycleName: string | null;
}

/** Lagging key results of the team shown on the Home tab; the rest are counted. */
export const HOME_TEAM_LAGGING_MAX = 10;

const details = (kit: TextKit, ref: string) => button(kit.t('slackViews.home.details'), ACTION.showGoal, ref);

function objectiveSection(o: ObjectiveView, kit: TextKit): KnownBlock {
  const { t } = kit;
  const level = t(`level.${o.level}`);
  const owner = o.ownerName;
  const meta = o.teamName
    ? t('slackViews.home.objectiveMeta', { level, team: o.teamName, owner })
    : t('slackViews.home.objectiveMetaNoTeam', { level, owner });
  const status = o.status === 'active' ? '' : `  [${t(`status.${o.status}`)}]`;
  const lines = [`${bold(o.ref, 40)}  ${bold(o.title, TITLE_IN_TEXT)}`, esc(`${progressBar(o.progress)}  ·  ${meta}${status}`, 1_000)];
  if (o.keyResults.length === 0) lines.push(`_${mrkdwnText(t, 'slackViews.home.noKeyResults', { ref: esc(o.ref, 40) })}_`);
  return section(lines.join('\n'), details(kit, o.ref));
}

/** Each objective and its key results, one section each, every one with a Details button. */
function myObjectives(objectives: readonly ObjectiveView[], kit: TextKit): KnownBlock[] {
  return objectives.flatMap((o) => [
    objectiveSection(o, kit),
    ...o.keyResults.map((kr) => section(keyResultMrkdwn(kr, kit, { lag: true }), details(kit, kr.ref))),
  ]);
}

function teamBlocks(team: NonNullable<HomeData['team']>, kit: TextKit): KnownBlock[] {
  const { t } = kit;
  const title = mrkdwnText(t, 'slackViews.home.team', { team: esc(team.name, 200), progress: esc(progressBar(team.progress)) });
  const blocks: KnownBlock[] = [
    divider(),
    section(`*${title}*\n${mrkdwnText(t, 'slackViews.home.teamMembers', { members: esc(kit.num(team.members)) })}`),
  ];
  if (team.lagging.length === 0) return [...blocks, context(mrkdwnText(t, 'slackViews.home.teamNoLagging'))];
  const shown = team.lagging.slice(0, HOME_TEAM_LAGGING_MAX);
  blocks.push(
    context(mrkdwnText(t, 'slackViews.home.teamLagging')),
    ...shown.map((kr) => section(keyResultMrkdwn(kr, kit, { owner: true, lag: true }), details(kit, kr.ref))),
  );
  const more = team.lagging.length - shown.length;
  if (more > 0) blocks.push(context(mrkdwnText(t, 'slackViews.home.teamMoreLagging', { count: more })));
  return blocks;
}

/**
 * The App Home tab: header, Check in / New objective buttons, my objectives with their key results
 * (progress, confidence, lag flags with reasons, a Details button each), my team's summary with its
 * lagging key results, or how to start when there is nothing yet. At most 100 blocks: when my goals
 * do not fit, the last block says how many were left out and to use `/okr mine`.
 */
export function homeView(ctx: RenderContext, data: HomeData): HomeView {
  const kit = textKit(ctx);
  const { t } = kit;
  const head: KnownBlock[] = [
    header(data.cycleName ? t('slackViews.home.header', { cycle: data.cycleName }) : t('slackViews.home.headerNoCycle')),
  ];
  if (data.memberName.trim() !== '') head.push(section(mrkdwnText(t, 'slackViews.home.greeting', { name: esc(data.memberName, 200) })));
  head.push(
    {
      type: 'actions',
      elements: [
        button(t('slackViews.home.checkIn'), ACTION.openCheckIn, '', 'primary'),
        button(t('slackViews.home.newObjective'), ACTION.openNewObjective, ''),
      ],
    },
    divider(),
  );

  let mine: KnownBlock[];
  if (data.objectives.length === 0) {
    mine = [
      section(
        data.cycleName
          ? mrkdwnText(t, 'slackViews.home.empty', { cycle: esc(data.cycleName, 200) })
          : mrkdwnText(t, 'slackViews.home.noCycle'),
      ),
    ];
  } else {
    mine = [section(bold(t('slackViews.home.mine'))), ...myObjectives(data.objectives, kit)];
  }

  const team = data.team ? teamBlocks(data.team, kit) : [];
  const hint = context(mrkdwnText(t, 'slackViews.home.hint'));
  const fits = head.length + mine.length + team.length + 1 <= LIMIT.blocksPerView;
  if (fits) return view([...head, ...mine, ...team, hint]);

  // Cut my goals so the team summary and the closing "and N more" line still fit.
  const room = LIMIT.blocksPerView - head.length - team.length - 1;
  const kept = mine.slice(0, Math.max(0, room));
  const omitted = mine.length - kept.length;
  return view([...head, ...kept, ...team, context(mrkdwnText(t, 'slackViews.home.more', { count: omitted }))]);
}

const view = (blocks: KnownBlock[]): HomeView => ({ type: 'home', callback_id: VIEW.home, blocks: blocks.slice(0, LIMIT.blocksPerView) });
