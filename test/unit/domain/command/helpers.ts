import type { Command, ParseError } from '../../../../src/domain/command/command';
import { parseChatText, parseCommand } from '../../../../src/domain/command/parse-command';

/** The command parsed from a whole chat message; fails the test with the error if it did not parse. */
export function chat(text: string): Command {
  const result = parseChatText(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The error of a chat message that must not parse. */
export function chatError(text: string): ParseError {
  const result = parseChatText(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to fail, got ${JSON.stringify(result.value)}`);
  return result.error;
}

export function slash(namespace: 'okr' | 'kpi', text: string): Command {
  const result = parseCommand(namespace, text);
  if (!result.ok) throw new Error(`expected /${namespace} ${JSON.stringify(text)} to parse, got ${JSON.stringify(result.error)}`);
  return result.value;
}
