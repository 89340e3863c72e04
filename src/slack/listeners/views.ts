import type { App, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Actor, Locale } from '../../domain/member';
import { refsByIds } from '../../db/key-result.repository';
import { findTeamById } from '../../db/team.repository';
import type { Outcome } from '../../use-cases/outcome';
import { runCommand } from '../../use-cases/run-command';
import { readCheckInForm } from '../blocks/check-in-form';
import { VIEW } from '../blocks/ids';
import type { SlackMessage } from '../blocks/message';
import { readNewObjectiveForm } from '../blocks/new-objective-form';
import { renderErrorMessage } from '../blocks/error-message.blocks';
import { renderOutcomeMessages } from '../blocks/outcome-messages.blocks';
import { splitIntoMessages } from '../blocks/paginate';
import { readScoreForm } from '../blocks/score-form';
import { readTeamSettingsForm, TEAM_SETTINGS_ERROR_BLOCK } from '../blocks/team-settings-form';
import { TEAM_SETTINGS_BLOCK } from '../blocks/team-settings-modal.blocks';
import { updateTeamSettings } from '../../use-cases/team-settings';
import { parseReference } from '../../domain/command/reference';
import { slackActor } from '../slack-actor';
import type { SlackDeps } from '../slack-deps';
import { publishHome } from './home';
import { renderContext, unexpected } from './reply';

type ViewArgs = { body: ViewSubmitAction; client: WebClient };

/** Sends results to the member's DM with the bot (the Home tab's Messages), as several messages if long. */
async function tell(client: WebClient, userId: string, messages: readonly SlackMessage[]): Promise<void> {
  for (const m of messages) await client.chat.postMessage({ channel: userId, text: m.text, blocks: m.blocks });
}

function merge(outcomes: SlackMessage[][], locale: Locale): SlackMessage[] {
  const all = outcomes.flat();
  return splitIntoMessages(all.map((m) => m.text).join('\n').slice(0, 3_000), all.flatMap((m) => m.blocks), locale);
}

/**
 * Modal submissions. Form problems go back as field errors inside the 3-second ack
 * (`response_action: errors`); valid input is acked first and the work happens after.
 */
export function registerViews(app: App, deps: SlackDeps): void {
  const actorOf = ({ body, client }: ViewArgs) => slackActor(deps, client, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id }, deps.defaults);

  app.view<ViewSubmitAction>(VIEW.newObjective, async ({ ack, body, client }) => {
    const actor = await actorOf({ body, client });
    const form = readNewObjectiveForm(body.view.state.values, actor.locale);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const f = form.value;
    const team = f.teamId === undefined ? undefined : await findTeamById(deps.db, actor.workspaceId, f.teamId);
    // The objective is created before the ack so refusals (company level, not in that team) land on the form.
    const created = await runCommand(deps, actor, {
      verb: 'new',
      title: f.title,
      ...(f.level ? { level: f.level } : {}),
      ...(team ? { team: { name: team.handle } } : {}),
      ...(f.parentRef !== undefined ? { parent: { type: 'objective', number: f.parentRef } } : {}),
    });
    if (!created.ok) {
      const field = created.error.code === 'admin_only' ? 'level' : created.error.code === 'unknown_team' || created.error.code === 'forbidden' ? 'team' : created.error.code === 'not_found' || created.error.code === 'alignment_level' ? 'parent' : 'title';
      const text = renderErrorMessage(created.error, renderContext(actor, deps)).text;
      return ack({ response_action: 'errors', errors: { [field]: text.slice(0, 300) } });
    }
    await ack();
    await afterAck(deps, actor, body, client, async () => {
      const results: Outcome[] = [created.value];
      const ref = created.value.type === 'objective_created' ? created.value.objective.ref : '';
      for (const spec of f.keyResults) {
        const added = await runCommand(deps, actor, { verb: 'kr_add', objective: parseReference(ref)!, spec });
        if (added.ok) results.push(added.value);
      }
      return results;
    });
  });

  app.view<ViewSubmitAction>(VIEW.checkIn, async ({ ack, body, client }) => {
    const actor = await actorOf({ body, client });
    const form = readCheckInForm(body.view.state.values, actor.locale);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    await ack();
    await afterAck(deps, actor, body, client, async () => {
      const refs = await refsByIds(deps.db, actor.workspaceId, form.value.map((e) => e.keyResultId));
      const results: Outcome[] = [];
      for (const entry of form.value) {
        const ref = refs.get(entry.keyResultId);
        if (ref === undefined) continue;
        const keyResult = { type: 'key_result' as const, number: ref };
        const r = await runCommand(deps, actor, {
          verb: 'update',
          keyResult,
          value: entry.value,
          ...(entry.confidence ? { confidence: entry.confidence } : {}),
          ...(entry.note ? { note: entry.note } : {}),
        });
        if (r.ok) results.push(r.value);
        if (entry.blocker) {
          const b = await runCommand(deps, actor, { verb: 'blocker', target: keyResult, text: entry.blocker });
          if (b.ok) results.push(b.value);
        }
      }
      return results;
    });
  });

  app.view<ViewSubmitAction>(VIEW.teamSettings, async ({ ack, body, client }) => {
    const actor = await actorOf({ body, client });
    const form = readTeamSettingsForm(body.view.state.values, actor.locale);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    // Saved before the ack: a refusal or an out-of-range value lands on the form, not in a DM.
    const saved = await updateTeamSettings(deps, actor, Number(body.view.private_metadata), form.value);
    if (!saved.ok) {
      const text = renderErrorMessage(saved.error, renderContext(actor, deps)).text.slice(0, 300);
      const e = saved.error;
      const field = e.code === 'invalid_setting' && e.field !== 'handle' && e.field !== 'name' ? TEAM_SETTINGS_ERROR_BLOCK[e.field] : TEAM_SETTINGS_BLOCK.threshold;
      return ack({ response_action: 'errors', errors: { [field]: text } });
    }
    await ack();
    await afterAck(deps, actor, body, client, async () => [saved.value]);
  });

  app.view<ViewSubmitAction>(VIEW.score, async ({ ack, body, client }) => {
    const actor = await actorOf({ body, client });
    const form = readScoreForm(body.view.state.values, actor.locale);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    await ack();
    await afterAck(deps, actor, body, client, async () => {
      const results: Outcome[] = [];
      for (const s of form.value.value) {
        const target = parseReference(s.ref);
        if (!target) continue;
        const r = await runCommand(deps, actor, { verb: 'score', target, score: s.score, ...(form.value.note ? { note: form.value.note } : {}) });
        if (r.ok) results.push(r.value);
      }
      return results;
    });
  });
}

/** Runs the work after an ack, then tells the member what happened and refreshes their Home tab. */
async function afterAck(deps: SlackDeps, actor: Actor, body: ViewSubmitAction, client: WebClient, work: () => Promise<Outcome[]>): Promise<void> {
  try {
    const outcomes = await work();
    const ctx = renderContext(actor, deps);
    if (outcomes.length > 0) await tell(client, body.user.id, merge(outcomes.map((o) => renderOutcomeMessages(o, ctx)), actor.locale));
    await publishHome(deps, client, actor, body.user.id);
  } catch (error) {
    await tell(client, body.user.id, [unexpected(deps, actor, error, body.view.callback_id)]).catch(() => undefined);
  }
}
