import type { ParseError } from '../../domain/command/command';
import { translate } from '../../i18n/translate';
import { formatNumber } from '../../i18n/format';
import type { RenderContext } from '../../render/text/context';
import { renderParseError, renderUseCaseError } from '../../render/text/render-error';
import { renderOutcome } from '../../render/text/render-outcome';
import type { Outcome, UseCaseError } from '../../use-cases/outcome';
import { splitIntoPages, truncateBytes } from './byte-limits';
import { escapeText } from './markdown-escape';
import { textMessage, type WecomMessage } from './wecom-message';

// Replies to commands as WeCom `text` messages: the console's plain text (render/text), so a
// reply reads the same in every medium, with angle brackets made inert (text messages turn
// `<a href>` into links) and split into messages of at most 2,048 bytes, each marked "(2/3)" when
// there are several. Text rather than markdown: replies are mostly lists where markdown adds
// nothing, and text messages also reach members who read WeCom through WeChat.

/** How much of a quoted token or name an error shows: a pasted essay stays out of the reply. */
const QUOTED_BYTES = 300;

function pages(text: string, ctx: RenderContext): WecomMessage[] {
  const marker = (page: number, count: number): string =>
    translate(ctx.locale, 'wecom.page', { page: formatNumber(ctx.locale, page), pages: formatNumber(ctx.locale, count) });
  const split = splitIntoPages(escapeText(text), marker);
  // A reply always says something, even when the renderer had nothing to print.
  return (split.length === 0 ? ['…'] : split).map(textMessage);
}

/** What a command produced, as text messages to send in order. */
export function outcomeMessages(outcome: Outcome, ctx: RenderContext): WecomMessage[] {
  return pages(renderOutcome(outcome, ctx), ctx);
}

/** A parse error carries `usage`; a use-case error never does. */
const isParseError = (error: UseCaseError | ParseError): error is ParseError => 'usage' in error;

/** The error with every quoted string (tokens, names, suggestions) cut short; codes and usage ids stay. */
function shortened<E extends UseCaseError | ParseError>(error: E): E {
  const copy: Record<string, unknown> = { ...error };
  for (const [key, value] of Object.entries(copy)) {
    if (typeof value === 'string' && key !== 'code' && key !== 'usage') copy[key] = truncateBytes(value, QUOTED_BYTES);
    if (Array.isArray(value)) copy[key] = value.slice(0, 10).map((v: unknown) => (typeof v === 'string' ? truncateBytes(v, QUOTED_BYTES) : v));
  }
  return copy as E;
}

/** Why a command changed nothing (a parse or use-case error), as text messages. */
export function errorMessages(error: UseCaseError | ParseError, ctx: RenderContext): WecomMessage[] {
  const short = shortened(error);
  return pages(isParseError(short) ? renderParseError(short, ctx) : renderUseCaseError(short, ctx), ctx);
}

/** A failure nobody planned for: an apology with the id to find it in the logs, never a stack trace. */
export function unexpectedErrorMessage(correlationId: string, ctx: RenderContext): WecomMessage {
  return textMessage(escapeText(translate(ctx.locale, 'common.somethingWentWrong', { id: truncateBytes(correlationId, 64) })));
}
