import type { ObjectiveView } from '../../use-cases/views';
import { indent, type TextKit } from './context';
import { keyResultLines } from './key-result-line';
import { progressBar } from './progress-bar';

/** `O-7  Delight our customers  ▓▓▓▓▓░░░░░ 52%  (Alice · team · Growth)`. */
export function objectiveHeader(o: ObjectiveView, kit: TextKit): string {
  const meta = [o.ownerName, kit.t(`level.${o.level}`), ...(o.teamName ? [o.teamName] : [])].join(' · ');
  const parts = [o.ref, o.title, progressBar(o.progress)];
  if (o.status !== 'active') parts.push(`[${kit.t(`status.${o.status}`)}]`);
  parts.push(`(${meta})`);
  return parts.join('  ');
}

/** The objective and its key results, indented below it (with lag reasons), or how to add one. */
export function objectiveBlock(o: ObjectiveView, kit: TextKit): string[] {
  const body = o.keyResults.length === 0
    ? [kit.t('objective.noKeyResults', { ref: o.ref })]
    : o.keyResults.flatMap((kr) => keyResultLines(kr, kit));
  return [objectiveHeader(o, kit), ...indent(body)];
}

/** Several objectives, a blank line between them. */
export function objectiveBlocks(objectives: readonly ObjectiveView[], kit: TextKit): string[] {
  return objectives.flatMap((o, i) => (i === 0 ? objectiveBlock(o, kit) : ['', ...objectiveBlock(o, kit)]));
}
