import type { KeyResultView, ObjectiveView, TreeNodeView } from '../../use-cases/views';
import { indent, type TextKit } from './context';
import { keyResultLines } from './key-result-line';
import { objectiveBlocks, objectiveHeader } from './objective-block';
import { progressBar } from './progress-bar';

/** Bare `/okr`: my objectives in the current cycle and a pointer to help. */
export function renderHome(objectives: readonly ObjectiveView[], cycleName: string | null, kit: TextKit): string[] {
  const { t } = kit;
  if (cycleName === null) return [t('outcome.home.noCycle'), '', t('outcome.home.hint')];
  if (objectives.length === 0) return [t('outcome.home.empty', { cycle: cycleName }), '', t('outcome.home.hint')];
  return [t('outcome.home.title', { cycle: cycleName }), '', ...objectiveBlocks(objectives, kit), '', t('outcome.home.hint')];
}

/** `/okr list …`: the scope is `me`, `company`, `@name` or `#team`. */
export function renderGoals(scope: string, objectives: readonly ObjectiveView[], cycleName: string | null, kit: TextKit): string[] {
  const { t } = kit;
  if (cycleName === null) return [t('outcome.goals.noCycle')];
  if (objectives.length === 0) {
    const cycle = { cycle: cycleName };
    if (scope === 'me') return [t('outcome.home.empty', cycle)];
    return [scope === 'company' ? t('outcome.goals.emptyCompany', cycle) : t('outcome.goals.empty', { scope, cycle: cycleName })];
  }
  const title =
    scope === 'me'
      ? t('outcome.goals.titleMine', { cycle: cycleName })
      : scope === 'company'
        ? t('outcome.goals.titleCompany', { cycle: cycleName })
        : t('outcome.goals.title', { scope, cycle: cycleName });
  return [title, '', ...objectiveBlocks(objectives, kit)];
}

/** `/okr tree`: one line per objective, `  ` per level and `└ ` before every child. */
export function renderTree(nodes: readonly TreeNodeView[], truncated: number, kit: TextKit): string[] {
  const { t } = kit;
  if (nodes.length === 0) return [t('outcome.tree.empty')];
  const lines = nodes.map((n) => {
    const depth = Math.max(0, Math.floor(n.depth));
    return `${'  '.repeat(depth)}${depth > 0 ? '└ ' : ''}${objectiveHeader(n.objective, kit)}`;
  });
  if (truncated > 0) lines.push(t('outcome.tree.truncated', { count: kit.num(truncated) }));
  return [t('outcome.tree.title'), ...lines];
}

/** A list of key results, each with its lag reasons. */
export const keyResultList = (keyResults: readonly KeyResultView[], kit: TextKit): string[] =>
  keyResults.flatMap((kr) => keyResultLines(kr, kit));

/** `/okr team`: overall progress, lagging key results first, then the objectives. */
export function renderTeam(
  o: { teamName: string; progress: number; objectives: readonly ObjectiveView[]; lagging: readonly KeyResultView[]; members: number },
  kit: TextKit,
): string[] {
  const { t, num } = kit;
  const lines = [
    t('outcome.team.title', { team: o.teamName, progress: progressBar(o.progress) }),
    t('outcome.team.summary', { objectives: num(o.objectives.length), members: num(o.members) }),
    '',
  ];
  if (o.objectives.length === 0) return [...lines, t('outcome.team.empty')];
  lines.push(...(o.lagging.length > 0 ? [t('outcome.team.lagging'), ...indent(keyResultList(o.lagging, kit))] : [t('outcome.team.noLagging')]));
  return [...lines, '', t('outcome.team.objectives'), ...indent(objectiveBlocks(o.objectives, kit))];
}

/** `/okr lagging`. */
export function renderLagging(keyResults: readonly KeyResultView[], kit: TextKit): string[] {
  const { t } = kit;
  if (keyResults.length === 0) return [t('outcome.lagging.empty')];
  return [t('outcome.lagging.title', { count: kit.num(keyResults.length) }), ...indent(keyResultList(keyResults, kit))];
}
