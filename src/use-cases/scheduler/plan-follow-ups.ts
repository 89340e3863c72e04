import { dueFollowUps, markFollowedUp } from '../../db/check-in-prompt.repository';
import { insertOutbox, type NewOutboxRow } from '../../db/outbox.repository';
import type { UseCaseDeps } from '../deps';
import { promptKey } from './plan-check-in-prompts';
import { remainingBudget } from './reminder-budget';
import type { TickContext } from './tick-context';

const BATCH = 5_000;

/**
 * The escalation ladder for unanswered prompts: one reminder in the prompt's own thread after the
 * team's N hours (within the member's daily reminder budget), then their manager after M
 * workdays. Each step happens once per prompt, whoever runs the tick.
 * @returns how many reminders and escalations were planned.
 */
export async function planFollowUps(deps: UseCaseDeps, tick: TickContext): Promise<{ reminders: number; escalations: number }> {
  const reminders = await followUp(deps, tick, 'remind');
  const escalations = await followUp(deps, tick, 'escalate');
  return { reminders, escalations };
}

async function followUp(deps: UseCaseDeps, tick: TickContext, step: 'remind' | 'escalate'): Promise<number> {
  const { now } = tick;
  return deps.db.transaction().execute(async (trx) => {
    const due = await dueFollowUps(trx, step, now, BATCH);
    if (due.length === 0) return 0;
    const rows: NewOutboxRow[] = [];
    if (step === 'remind') {
      for (const [workspaceId, prompts] of groupBy(due, (p) => p.workspace_id)) {
        const budget = tick.workspaces.get(workspaceId)?.dailyReminderBudget ?? 3;
        const left = await remainingBudget({ ...deps, db: trx }, workspaceId, prompts.map((p) => ({ id: p.member_id, timeZone: p.time_zone })), budget, now);
        for (const p of prompts) {
          // Over budget: this reminder is skipped for good rather than sent late.
          if ((left.get(p.member_id) ?? 0) <= 0) continue;
          left.set(p.member_id, left.get(p.member_id)! - 1);
          rows.push({
            workspaceId,
            kind: 'check_in_reminder',
            dedupeKey: `reminder:${p.id}`,
            payload: { promptId: p.id },
            recipientMemberId: p.member_id,
            parentKey: promptKey(p.member_id, p.period),
          });
        }
      }
    } else {
      for (const p of due) {
        const manager = p.manager_id ?? (p.team_manager_id !== p.member_id ? p.team_manager_id : null);
        if (manager === null) continue;
        rows.push({ workspaceId: p.workspace_id, kind: 'check_in_escalation', dedupeKey: `escalation:${p.id}`, payload: { promptId: p.id }, recipientMemberId: manager });
      }
    }
    await insertOutbox(trx, rows, now);
    await markFollowedUp(trx, step, due.map((p) => p.id), now);
    return rows.length;
  });
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}
