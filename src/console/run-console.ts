import readline from 'node:readline';
import type { ConsoleSession } from './console-session';

/**
 * Reads lines from a terminal (with a prompt) or from a pipe (one command per line, echoed so a
 * transcript reads like a chat) and prints each reply. Resolves when input ends or on `:quit`.
 */
export async function runConsole(
  session: ConsoleSession,
  io: { input: NodeJS.ReadableStream & { isTTY?: boolean }; output: NodeJS.WritableStream },
  greeting: string,
): Promise<void> {
  const interactive = Boolean(io.input.isTTY);
  const rl = readline.createInterface({ input: io.input, output: interactive ? io.output : undefined, terminal: interactive });
  const print = (text: string) => text && io.output.write(`${text}\n`);
  const prompt = () => interactive && rl.setPrompt(`${session.actorName ?? 'okr'}> `);
  print(greeting);
  prompt();
  if (interactive) rl.prompt();
  // Lines are handled one at a time: a scripted session depends on each command finishing first.
  for await (const line of rl) {
    if (!interactive && line.trim() !== '') print(`> ${line}`);
    const reply = await session.handle(line);
    print(reply.text);
    if (reply.quit) break;
    if (!interactive) print('');
    prompt();
    if (interactive) rl.prompt();
  }
  rl.close();
}
