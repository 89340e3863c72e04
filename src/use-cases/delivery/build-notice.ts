import { localDay } from '../../domain/calendar';
import type { LagVerdict } from '../../domain/lag';
import type { Locale } from '../../domain/member';
import { suggestKeyResultScore, suggestObjectiveScore } from '../../domain/score';
import type { MemberRow, ThreadKind } from '../../db/database';
import { findPrompt } from '../../db/check-in-prompt.repository';
import { findCheckIn } from '../../db/check-in.repository';
import { findKeyResults } from '../../db/key-result.repository';
import { findMemberById, findWorkspace } from '../../db/member.repository';
import { findObjectives } from '../../db/objective.repository';
import type { OutboxRow } from '../../db/outbox.repository';
import type { Destination, OutgoingNotice } from '../../ports/chat-notifier';
import { buildObjectiveViews, toKeyResultView } from '../build-views';
import type { UseCaseDeps } from '../deps';
import { findCycle } from '../current-cycle';
import { objectivesOf } from '../list-goals';
import type { NoticeView } from '../notice-views';
import { teamDigestView } from './team-digest-view';
import { kpiNoticeView } from './kpi-notice-view';

/** The thread the delivered message starts, so replies in it reach the right goal or person. */
export interface ThreadSubject {
  readonly kind: ThreadKind;
  readonly memberId?: number;
  readonly teamId?: number;
  readonly keyResultId?: number;
  readonly checkInId?: number;
}

export type BuiltNotice =
  | { readonly state: 'ready'; readonly notice: OutgoingNotice; readonly thread: ThreadSubject | null }
  /** Nothing to say any more (the member checked in, has no open KRs, left): done without sending. */
  | { readonly state: 'skip'; readonly reason: string }
  /** It can never be sent (its recipient or its thread is gone): recorded as failed. */
  | { readonly state: 'fail'; readonly reason: string };

type Payload = Record<string, unknown>;
const num = (p: Payload, k: string) => Number(p[k]);

/**
 * Reads what an outbox row is about as it stands now and turns it into a notice for its
 * recipient, in their language and time zone. `parent` is the delivered row whose thread this
 * one replies in.
 */
export async function buildNotice(deps: UseCaseDeps, row: OutboxRow, parent: OutboxRow | undefined): Promise<BuiltNotice> {
  const { db } = deps;
  const now = deps.clock.now();
  const ws = row.workspace_id;
  const workspace = await findWorkspace(db, ws);
  if (!workspace) return { state: 'fail', reason: 'workspace_gone' };
  const p = row.payload as Payload;
  const recipient = row.recipient_member_id === null ? undefined : await findMemberById(db, ws, row.recipient_member_id);
  if (row.recipient_member_id !== null && !recipient?.active) return { state: 'fail', reason: 'recipient_inactive' };
  const inThread = parent?.channel_ref && parent.thread_ref ? { channelRef: parent.channel_ref, threadRef: parent.thread_ref } : null;
  const base = {
    workspace: { id: ws, platform: workspace.platform, externalId: workspace.external_id },
    deliveryKey: `${ws}:${row.dedupe_key}`,
  };
  const toMember = (m: MemberRow): Pick<OutgoingNotice, 'to' | 'locale' | 'timeZone'> => ({
    to: { kind: 'member', externalId: m.external_id, dmChannelRef: null },
    locale: m.locale,
    timeZone: m.time_zone,
  });
  const toChannel = (channelRef: string): Pick<OutgoingNotice, 'to' | 'locale' | 'timeZone'> => ({
    to: { kind: 'channel', channelRef } as Destination,
    locale: workspace.default_locale as Locale,
    timeZone: workspace.default_time_zone,
  });
  const ready = (target: Pick<OutgoingNotice, 'to' | 'locale' | 'timeZone'>, notice: NoticeView, thread: ThreadSubject | null, threadOf = inThread): BuiltNotice => ({
    state: 'ready',
    notice: { ...base, ...target, inThread: threadOf, notice },
    thread,
  });
  const openKrs = async (memberId: number) => (await findKeyResults(db, ws, { ownerId: memberId, openOnly: true })).map((k) => toKeyResultView(k, now));

  switch (row.kind) {
    case 'check_in_prompt':
    case 'check_in_reminder':
    case 'check_in_escalation': {
      const prompt = await findPrompt(db, ws, num(p, 'promptId'));
      // The prompt and its reminder go to the member themself: no need to read them twice.
      const member = prompt && (prompt.member_id === recipient?.id ? recipient : await findMemberById(db, ws, prompt.member_id));
      if (!prompt || !member?.active) return { state: 'skip', reason: 'member_gone' };
      const krs = await openKrs(member.id);
      if (krs.length === 0) return { state: 'skip', reason: 'no_open_key_results' };
      if (row.kind === 'check_in_prompt') {
        return ready(toMember(member), { type: 'check_in_prompt', promptId: prompt.id, memberName: member.display_name, period: prompt.period, keyResults: krs }, { kind: 'check_in_prompt', memberId: member.id });
      }
      const pending = krs.filter((k) => !k.lastCheckInAt || k.lastCheckInAt < prompt.due_at);
      const answered = await db.selectFrom('check_in').select('id').where('workspace_id', '=', ws).where('author_id', '=', member.id).where('created_at', '>=', prompt.due_at).limit(1).executeTakeFirst();
      if (answered || pending.length === 0) return { state: 'skip', reason: 'answered' };
      if (row.kind === 'check_in_reminder') {
        if (!inThread) return { state: 'fail', reason: 'prompt_not_delivered' };
        return ready(toMember(member), { type: 'check_in_reminder', promptId: prompt.id, memberName: member.display_name, keyResults: pending }, null);
      }
      const workdays = await db.selectFrom('team').select('escalate_after_workdays').where('workspace_id', '=', ws).where('id', '=', prompt.team_id ?? -1).executeTakeFirst();
      return ready(
        toMember(recipient!),
        { type: 'check_in_escalation', managerName: recipient!.display_name, memberName: member.display_name, workdays: workdays?.escalate_after_workdays ?? 2, keyResults: pending },
        { kind: 'check_in_prompt', memberId: member.id },
      );
    }
    case 'team_digest': {
      const digest = await db.selectFrom('team_digest').selectAll().where('workspace_id', '=', ws).where('id', '=', num(p, 'digestId')).executeTakeFirst();
      const team = digest && (await db.selectFrom('team').select(['id', 'name', 'channel_ref', 'manager_id']).where('workspace_id', '=', ws).where('id', '=', digest.team_id).executeTakeFirst());
      if (!digest || !team) return { state: 'skip', reason: 'team_gone' };
      const target = recipient ? toMember(recipient) : team.channel_ref ? toChannel(team.channel_ref) : null;
      if (!target) return { state: 'skip', reason: 'no_destination' };
      return ready(target, await teamDigestView(db, digest, team.name, now), { kind: 'team_digest', teamId: team.id });
    }
    case 'digest_check_in': {
      const checkIn = await findCheckIn(db, ws, num(p, 'checkInId'));
      if (!checkIn) return { state: 'skip', reason: 'check_in_gone' };
      if (!inThread) return { state: 'fail', reason: 'digest_not_delivered' };
      const [kr] = await findKeyResults(db, ws, { ids: [checkIn.key_result_id] });
      if (!kr) return { state: 'skip', reason: 'key_result_gone' };
      const notice: NoticeView = {
        type: 'digest_check_in',
        checkIn: {
          authorName: checkIn.author_name,
          keyResult: toKeyResultView(kr, now),
          value: checkIn.value,
          previousValue: checkIn.previous_value,
          confidence: checkIn.confidence,
          note: checkIn.note,
          at: checkIn.created_at,
        },
      };
      // A reply lands in the digest's conversation, whoever the digest went to.
      const target = recipient ? toMember(recipient) : toChannel(inThread.channelRef);
      return ready(target, notice, null);
    }
    case 'lag_alert':
    case 'lag_alert_owner': {
      const [kr] = await findKeyResults(db, ws, { ids: [num(p, 'keyResultId')], openOnly: true });
      if (!kr) return { state: 'skip', reason: 'key_result_closed' };
      const keyResult = toKeyResultView(kr, now);
      const verdict = p.verdict as LagVerdict;
      const thread: ThreadSubject = { kind: 'lag_alert', keyResultId: kr.id, ...(p.teamId ? { teamId: num(p, 'teamId') } : {}) };
      if (row.kind === 'lag_alert_owner') return ready(toMember(recipient!), { type: 'lag_alert_owner', keyResult, verdict }, thread);
      const team = await db.selectFrom('team').select(['channel_ref']).where('workspace_id', '=', ws).where('id', '=', num(p, 'teamId')).executeTakeFirst();
      const target = recipient ? toMember(recipient) : team?.channel_ref ? toChannel(team.channel_ref) : null;
      if (!target) return { state: 'skip', reason: 'no_destination' };
      return ready(target, { type: 'lag_alert', keyResult, verdict, worsened: p.worsened === true }, thread);
    }
    case 'monthly_review': {
      const member = recipient!;
      const cycle = await findCycle(db, ws, localDay(now, member.time_zone));
      if (!cycle.ok || !cycle.value) return { state: 'skip', reason: 'no_cycle' };
      const objectives = await buildObjectiveViews(db, ws, await objectivesOf(deps, ws, member.id, cycle.value.id), now);
      if (objectives.length === 0) return { state: 'skip', reason: 'no_objectives' };
      return ready(toMember(member), { type: 'monthly_review', memberName: member.display_name, month: String(p.month), objectives }, { kind: 'review_prompt', memberId: member.id });
    }
    case 'cycle_scoring': {
      const member = recipient!;
      const cycle = await db.selectFrom('cycle').select(['id', 'name', 'ends_on']).where('workspace_id', '=', ws).where('id', '=', num(p, 'cycleId')).executeTakeFirst();
      if (!cycle) return { state: 'skip', reason: 'no_cycle' };
      const objectives = await buildObjectiveViews(db, ws, await findObjectives(db, ws, { ownerId: member.id, cycleId: cycle.id }), now);
      if (objectives.length === 0) return { state: 'skip', reason: 'no_objectives' };
      const scored = objectives.map((objective) => ({
        objective,
        suggested: suggestObjectiveScore(objective.keyResults.map((k) => ({ weight: k.weight, score: suggestKeyResultScore({ kind: k.kind, start: k.start, target: k.target, current: k.current }) }))),
      }));
      return ready(toMember(member), { type: 'cycle_scoring', memberName: member.display_name, cycleName: cycle.name, endsOn: cycle.ends_on, objectives: scored }, { kind: 'review_prompt', memberId: member.id });
    }
    case 'kpi_alert':
    case 'kpi_linked_update': {
      const built = await kpiNoticeView(db, row, now);
      if (built.state === 'skip') return built;
      const target = recipient ? toMember(recipient) : built.channelRef ? toChannel(built.channelRef) : null;
      if (!target) return { state: 'skip', reason: 'no_destination' };
      return ready(target, built.notice, null);
    }
    default:
      return { state: 'fail', reason: `unknown_kind:${row.kind}` };
  }
}
