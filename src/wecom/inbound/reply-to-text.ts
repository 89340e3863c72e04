import { revealsSecret } from '../../domain/command/command';
import { parseChatText } from '../../domain/command/parse-command';
import type { Actor } from '../../domain/member';
import type { Result } from '../../domain/result';
import type { RenderContext } from '../../render/text/context';
import { answerAwaitedValue } from '../../use-cases/answer-awaited-value';
import type { UseCaseDeps } from '../../use-cases/deps';
import type { Outcome, UseCaseError } from '../../use-cases/outcome';
import { runCommand } from '../../use-cases/run-command';
import { errorMessages, outcomeMessages } from '../messages/outcome-messages';
import type { WecomMessage } from '../messages/wecom-message';

/**
 * A text message to the app: an answer to the value the bot asked for, else a command in the
 * shared grammar (with or without the slash, Chinese verbs too). `messageKey` (the MsgId's dedup
 * key) makes a redelivered check-in record nothing new.
 */
export async function replyToText(deps: UseCaseDeps, actor: Actor, content: string, messageKey: string, ctx: RenderContext): Promise<TextReply> {
  const text = content.trim();
  const answer = await answerAwaitedValue(deps, actor, text, messageKey);
  let result: Result<Outcome, UseCaseError>;
  let secret = false;
  if (answer) {
    result = answer;
  } else {
    const parsed = parseChatText(text);
    if (!parsed.ok) return { messages: errorMessages(parsed.error, ctx), secret: false };
    secret = revealsSecret(parsed.value);
    result = await runCommand(deps, actor, parsed.value, 'chat', { idempotencyKey: messageKey });
  }
  return { messages: result.ok ? outcomeMessages(result.value, ctx) : errorMessages(result.error, ctx), secret };
}

export interface TextReply {
  readonly messages: WecomMessage[];
  /** It shows a secret (a new API token): sent at once and never kept with the job in Redis. */
  readonly secret: boolean;
}
