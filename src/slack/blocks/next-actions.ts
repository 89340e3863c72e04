import type { Button } from '@slack/types';
import type { TextKit } from '../../render/text/context';
import { button } from './block-builders';
import { ACTION } from './ids';
import { clamp, LIMIT } from './text-limits';

// The buttons under a reply: the next thing a person usually does after seeing it, so the common
// path (see a goal → check in) never needs typing. Button values are references or command text,
// never shown to anyone, and clamped to the button value limit.

/** Opens the check-in modal; `ref` ('' for all my key results) is put first. */
export const checkInButton = (kit: TextKit, ref = ''): Button => button(kit.t('slackReply.button.checkIn'), ACTION.openCheckIn, ref, 'primary');

/** Shows a goal's details (`O-7`, `KR-12`). */
export const showButton = (kit: TextKit, ref: string): Button => button(kit.t('slackReply.button.show', { ref }), ACTION.showGoal, ref);

export const newObjectiveButton = (kit: TextKit): Button => button(kit.t('slackReply.button.newObjective'), ACTION.openNewObjective, '');

/**
 * Re-posts the reply for the whole channel by running `commandText` again. Only offered on replies
 * that show goals and change nothing: running a `new` or `update` twice would change things twice.
 * Nothing when there is no command text (the reply did not come from a command).
 */
export function shareButtons(kit: TextKit, commandText: string | undefined): Button[] {
  const text = commandText?.trim() ?? '';
  return text === '' ? [] : [button(kit.t('slackReply.button.share'), ACTION.share, clamp(text, LIMIT.buttonValue))];
}
