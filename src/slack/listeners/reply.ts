import { randomUUID } from 'node:crypto';
import type { Command } from '../../domain/command/command';
import type { Actor } from '../../domain/member';
import type { Result } from '../../domain/result';
import type { ParseError } from '../../domain/command/command';
import type { Outcome, UseCaseError } from '../../use-cases/outcome';
import { runCommand } from '../../use-cases/run-command';
import { renderErrorMessage, renderUnexpectedError } from '../blocks/error-message.blocks';
import type { SlackMessage } from '../blocks/message';
import { renderOutcomeMessages } from '../blocks/outcome-messages.blocks';
import type { SlackDeps } from '../slack-deps';

export const renderContext = (actor: Actor, deps: SlackDeps) => ({ locale: actor.locale, timeZone: actor.timeZone, now: deps.clock.now() });

/** Runs a parsed command (or reports its parse error) and renders the reply as Slack messages. */
export async function commandReply(
  deps: SlackDeps,
  actor: Actor,
  parsed: Result<Command, ParseError>,
  commandText: string,
): Promise<SlackMessage[]> {
  const ctx = renderContext(actor, deps);
  if (!parsed.ok) return [renderErrorMessage(parsed.error, ctx)];
  const result: Result<Outcome, UseCaseError> = await runCommand(deps, actor, parsed.value, 'chat');
  return result.ok ? renderOutcomeMessages(result.value, { ...ctx, commandText }) : [renderErrorMessage(result.error, ctx)];
}

/**
 * Logs an unexpected failure with a correlation id and gives the user a message quoting it, so
 * a support request can be matched to the log line. Secrets never enter the log: only ids do.
 */
export function unexpected(deps: SlackDeps, actor: Actor | undefined, error: unknown, where: string): SlackMessage {
  const id = randomUUID().slice(0, 8);
  deps.logger.error({ err: error, correlationId: id, where }, 'slack handler failed');
  return renderUnexpectedError(id, { locale: actor?.locale ?? deps.defaults.locale, timeZone: actor?.timeZone ?? deps.defaults.timeZone, now: deps.clock.now() });
}
