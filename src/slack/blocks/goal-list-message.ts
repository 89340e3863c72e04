import type { KnownBlock } from '@slack/types';
import { progressBar } from '../../render/text/progress-bar';
import type { KeyResultView, ObjectiveView, TreeNodeView } from '../../use-cases/views';
import { actions, context, header, section, sections } from './block-builders';
import { bold, esc, keyResultLines, objectiveLines, short, treeLine } from './goal-lines';
import { checkInButton, newObjectiveButton, shareButtons } from './next-actions';
import type { Reply, ReplyKit } from './reply';

// Replies that list goals: bare `/okr`, `/okr list`, `/okr tree`, `/okr team`, `/okr lagging`.
// One section per objective (its key results inside), so 60 objectives cost about 60 blocks.

const objectiveSections = (objectives: readonly ObjectiveView[], kit: ReplyKit): KnownBlock[] =>
  objectives.flatMap((o) => sections(objectiveLines(o, kit)));

/** A sentence on its own, with the buttons that get someone started. */
function sentence(text: string, kit: ReplyKit, extra: KnownBlock[] = []): Reply {
  return { text: esc(text), blocks: [section(esc(text)), ...extra, ...actions([newObjectiveButton(kit)])] };
}

/** Bare `/okr`: my objectives in the current cycle, then check in / new objective. */
export function homeReply(objectives: readonly ObjectiveView[], cycleName: string | null, kit: ReplyKit): Reply {
  const { t } = kit;
  const hint = context(esc(t('outcome.home.hint')));
  if (cycleName === null) return sentence(t('outcome.home.noCycle'), kit, [hint]);
  if (objectives.length === 0) return sentence(t('outcome.home.empty', { cycle: short(cycleName) }), kit, [hint]);
  const title = t('outcome.home.title', { cycle: short(cycleName) });
  return {
    text: esc(title),
    blocks: [
      header(title),
      ...objectiveSections(objectives, kit),
      hint,
      ...actions([checkInButton(kit), newObjectiveButton(kit), ...shareButtons(kit, kit.commandText)]),
    ],
  };
}

/** `/okr list …`: the scope is `me`, `company`, `@name` or `#team`. */
export function goalsReply(scope: string, objectives: readonly ObjectiveView[], cycleName: string | null, kit: ReplyKit): Reply {
  const { t } = kit;
  if (cycleName === null) return sentence(t('outcome.goals.noCycle'), kit);
  const cycle = short(cycleName);
  const who = short(scope);
  if (objectives.length === 0) {
    if (scope === 'me') return sentence(t('outcome.home.empty', { cycle }), kit);
    return sentence(scope === 'company' ? t('outcome.goals.emptyCompany', { cycle }) : t('outcome.goals.empty', { scope: who, cycle }), kit);
  }
  const title =
    scope === 'me'
      ? t('outcome.goals.titleMine', { cycle })
      : scope === 'company'
        ? t('outcome.goals.titleCompany', { cycle })
        : t('outcome.goals.title', { scope: who, cycle });
  return {
    text: esc(title),
    blocks: [
      header(title),
      ...objectiveSections(objectives, kit),
      ...actions([checkInButton(kit), newObjectiveButton(kit), ...shareButtons(kit, kit.commandText)]),
    ],
  };
}

/** `/okr tree`: one line per objective, indented by level, packed into few sections. */
export function treeReply(nodes: readonly TreeNodeView[], truncated: number, kit: ReplyKit): Reply {
  const { t } = kit;
  if (nodes.length === 0) return sentence(t('outcome.tree.empty'), kit);
  const more = truncated > 0 ? [context(esc(t('outcome.tree.truncated', { count: kit.num(truncated) })))] : [];
  return {
    text: esc(t('outcome.tree.title')),
    blocks: [
      header(t('outcome.tree.title')),
      ...sections(nodes.map((n) => treeLine(n, kit))),
      ...more,
      ...actions(shareButtons(kit, kit.commandText)),
    ],
  };
}

/** A bold heading and the key results below it, each with its lag reasons. */
const keyResultSections = (heading: string, keyResults: readonly KeyResultView[], kit: ReplyKit): KnownBlock[] =>
  sections([bold(heading), ...keyResults.flatMap((kr) => keyResultLines(kr, kit))]);

/** `/okr team`: overall progress, lagging key results first, then the objectives. */
export function teamReply(
  o: { teamName: string; progress: number; objectives: readonly ObjectiveView[]; lagging: readonly KeyResultView[]; members: number },
  kit: ReplyKit,
): Reply {
  const { t, num } = kit;
  const title = t('outcome.team.title', { team: short(o.teamName), progress: progressBar(o.progress) });
  const top: KnownBlock[] = [header(title), context(esc(t('outcome.team.summary', { objectives: num(o.objectives.length), members: num(o.members) })))];
  const share = actions(shareButtons(kit, kit.commandText));
  if (o.objectives.length === 0) return { text: esc(title), blocks: [...top, section(esc(t('outcome.team.empty'))), ...share] };
  const lagging = o.lagging.length > 0 ? keyResultSections(t('outcome.team.lagging'), o.lagging, kit) : [section(esc(t('outcome.team.noLagging')))];
  return {
    text: esc(title),
    blocks: [...top, ...lagging, section(bold(t('outcome.team.objectives'))), ...objectiveSections(o.objectives, kit), ...share],
  };
}

/** `/okr lagging`: every lagging key result with why, and a check-in button. */
export function laggingReply(keyResults: readonly KeyResultView[], kit: ReplyKit): Reply {
  const { t } = kit;
  if (keyResults.length === 0) return { text: esc(t('outcome.lagging.empty')), blocks: [section(esc(t('outcome.lagging.empty')))] };
  const title = t('outcome.lagging.title', { count: kit.num(keyResults.length) });
  return {
    text: esc(title),
    blocks: [...keyResultSections(title, keyResults, kit), ...actions([checkInButton(kit), ...shareButtons(kit, kit.commandText)])],
  };
}
