import type { Kysely } from 'kysely';
import type { Reference } from '../domain/command/command';
import { closestRefs, formatBlockerRef, formatKeyResultRef, formatObjectiveRef } from '../domain/references';
import { fail, ok, type Result } from '../domain/result';
import type { Database } from '../db/database';
import { findBlockerByRef, type FeedbackDetailRow } from '../db/feedback.repository';
import { findKeyResultByRef, type KeyResultDetailRow } from '../db/key-result.repository';
import { findObjectiveByRef, type ObjectiveDetailRow } from '../db/objective.repository';
import { nearbyRefs, searchTitles } from '../db/reference-search.repository';
import type { UseCaseError } from './outcome';

type Db = Kysely<Database>;

export type Goal = { readonly type: 'objective'; readonly row: ObjectiveDetailRow } | { readonly type: 'key_result'; readonly row: KeyResultDetailRow };

const describe = (r: Reference) =>
  r.type === 'title' ? `"${r.text}"` : r.type === 'objective' ? formatObjectiveRef(r.number) : r.type === 'key_result' ? formatKeyResultRef(r.number) : formatBlockerRef(r.number);

/** Resolves O-n, KR-n or a title (fuzzy, only when unambiguous) to an objective or key result. */
export async function resolveGoal(db: Db, workspaceId: number, ref: Reference): Promise<Result<Goal, UseCaseError>> {
  if (ref.type === 'objective') {
    const row = await findObjectiveByRef(db, workspaceId, ref.number);
    if (row) return ok({ type: 'objective', row });
    const near = await nearbyRefs(db, 'objective', workspaceId, ref.number);
    return fail({ code: 'not_found', what: describe(ref), suggestions: closestRefs(ref.number, near.map((r) => r.ref)).map(formatObjectiveRef) });
  }
  if (ref.type === 'key_result') {
    const row = await findKeyResultByRef(db, workspaceId, ref.number);
    if (row) return ok({ type: 'key_result', row });
    const near = await nearbyRefs(db, 'key_result', workspaceId, ref.number);
    return fail({ code: 'not_found', what: describe(ref), suggestions: closestRefs(ref.number, near.map((r) => r.ref)).map(formatKeyResultRef) });
  }
  if (ref.type !== 'title') return fail({ code: 'wrong_kind', ref: describe(ref), expected: 'key_result' });
  const [objectives, keyResults] = await Promise.all([
    searchTitles(db, 'objective', workspaceId, ref.text),
    searchTitles(db, 'key_result', workspaceId, ref.text),
  ]);
  const matches = [
    ...objectives.map((o) => ({ label: formatObjectiveRef(o.ref), load: () => findObjectiveByRef(db, workspaceId, o.ref) })),
    ...keyResults.map((k) => ({ label: formatKeyResultRef(k.ref), load: () => findKeyResultByRef(db, workspaceId, k.ref) })),
  ];
  if (matches.length === 0) return fail({ code: 'not_found', what: describe(ref), suggestions: [] });
  if (matches.length > 1) return fail({ code: 'ambiguous', what: describe(ref), suggestions: matches.slice(0, 5).map((m) => m.label) });
  if (objectives.length === 1) return ok({ type: 'objective', row: (await findObjectiveByRef(db, workspaceId, objectives[0]!.ref))! });
  return ok({ type: 'key_result', row: (await findKeyResultByRef(db, workspaceId, keyResults[0]!.ref))! });
}

export async function resolveObjective(db: Db, workspaceId: number, ref: Reference): Promise<Result<ObjectiveDetailRow, UseCaseError>> {
  const goal = await resolveGoal(db, workspaceId, ref);
  if (!goal.ok) return goal;
  if (goal.value.type !== 'objective') return fail({ code: 'wrong_kind', ref: describe(ref), expected: 'objective' });
  return ok(goal.value.row);
}

export async function resolveKeyResult(db: Db, workspaceId: number, ref: Reference): Promise<Result<KeyResultDetailRow, UseCaseError>> {
  const goal = await resolveGoal(db, workspaceId, ref);
  if (!goal.ok) return goal;
  if (goal.value.type !== 'key_result') return fail({ code: 'wrong_kind', ref: describe(ref), expected: 'key_result' });
  return ok(goal.value.row);
}

export async function resolveBlocker(db: Db, workspaceId: number, ref: Reference): Promise<Result<FeedbackDetailRow, UseCaseError>> {
  if (ref.type !== 'blocker') return fail({ code: 'wrong_kind', ref: describe(ref), expected: 'blocker' });
  const row = await findBlockerByRef(db, workspaceId, ref.number);
  return row ? ok(row) : fail({ code: 'not_found', what: describe(ref), suggestions: [] });
}
