import type { ParseError } from '../../domain/command/command';
import { translate } from '../../i18n/translate';
import type { RenderContext } from '../../render/text/context';
import { renderParseError, renderUseCaseError } from '../../render/text/render-error';
import type { UseCaseError } from '../../use-cases/outcome';
import { sections } from './block-builders';
import { escapeMrkdwn } from './escape';
import type { SlackMessage } from './message';
import { clamp, clampMrkdwn, LIMIT } from './text-limits';

// Replies for commands that changed nothing. The sentences are the console's; they quote what the
// user typed ("I don't know the command «…»") and usage lines contain `<value>`, so they are
// escaped whole before they become mrkdwn.

/** How much of a quoted token or name an error shows; a pasted essay stays out of the reply. */
const QUOTED = 200;

/** A parse error carries `usage`; a use-case error never does. */
const isParseError = (error: UseCaseError | ParseError): error is ParseError => 'usage' in error;

function message(text: string): SlackMessage {
  const safe = escapeMrkdwn(text);
  return { text: clampMrkdwn(safe, LIMIT.messageText), blocks: sections(safe.split('\n')) };
}

function shortened(error: UseCaseError | ParseError): UseCaseError | ParseError {
  const copy: Record<string, unknown> = { ...error };
  for (const [key, value] of Object.entries(copy)) {
    if (typeof value === 'string' && key !== 'code' && key !== 'usage') copy[key] = clamp(value, QUOTED);
    if (Array.isArray(value)) copy[key] = value.slice(0, 10).map((v: unknown) => (typeof v === 'string' ? clamp(v, QUOTED) : v));
  }
  return copy as unknown as UseCaseError | ParseError;
}

export function renderErrorMessage(error: UseCaseError | ParseError, ctx: RenderContext): SlackMessage {
  const short = shortened(error);
  return message(isParseError(short) ? renderParseError(short, ctx) : renderUseCaseError(short, ctx));
}

/** A failure nobody planned for: an apology with the id to find it in the logs, never a stack trace. */
export function renderUnexpectedError(correlationId: string, ctx: RenderContext): SlackMessage {
  return message(translate(ctx.locale, 'common.somethingWentWrong', { id: clamp(correlationId, 64) }));
}
