import type { KnownBlock, View } from '@slack/types';
import { textKit, type RenderContext } from '../../render/text/context';
import type { ObjectiveView } from '../../use-cases/views';
import { bold, context, esc, input, modal, mrkdwnText, placeholder, TITLE_IN_TEXT } from './common-modal.blocks';
import { VIEW } from './ids';
import { clamp, LIMIT } from './text-limits';

/** Block id of one score input: `s:KR-12`, `s:O-7`; the note is `note`. */
export const scoreBlockId = (ref: string): string => `s:${ref}`;
export const SCORE_NOTE_BLOCK = 'note';
export const SCORE_NOTE_MAX = 2_000;
/** Intro, objective, note and a "more" line leave room for this many key result inputs. */
export const SCORE_MAX_KEY_RESULTS = 95;

/** 0.7 -> `0.7`, 0.567 -> `0.57`: the prefilled text a reader can parse back. */
export const scoreText = (score: number): string => String(Math.round(Math.min(1, Math.max(0, score)) * 100) / 100);

/**
 * End-of-cycle scoring: one input per key result (not cancelled ones) and one for the objective,
 * each prefilled with the score suggested from progress, plus an optional note.
 * `private_metadata` is the objective's reference.
 */
export function scoreModal(ctx: RenderContext, objective: ObjectiveView, suggested: readonly { ref: string; suggested: number }[]): View {
  const { t } = textKit(ctx);
  const suggestion = new Map(suggested.filter((s) => Number.isFinite(s.suggested)).map((s) => [s.ref, s.suggested]));

  const scoreInput = (ref: string, label: string): KnownBlock => {
    const s = suggestion.get(ref);
    return input(
      scoreBlockId(ref),
      label,
      { type: 'plain_text_input', action_id: 'score', max_length: 10, ...(s === undefined ? {} : { initial_value: scoreText(s) }) },
      { optional: true, ...(s === undefined ? {} : { hint: t('slackViews.score.suggestedHint', { suggested: scoreText(s) }) }) },
    );
  };

  const byRef = new Map<string, ObjectiveView['keyResults'][number]>();
  for (const kr of objective.keyResults) if (kr.status !== 'cancelled' && kr.ref !== objective.ref && !byRef.has(kr.ref)) byRef.set(kr.ref, kr);
  const keyResults = [...byRef.values()];
  const shown = keyResults.slice(0, SCORE_MAX_KEY_RESULTS);
  const blocks: KnownBlock[] = [
    context(mrkdwnText(t, 'slackViews.score.intro', { ref: bold(objective.ref, 40), title: esc(objective.title, TITLE_IN_TEXT) })),
    ...shown.map((kr) => scoreInput(kr.ref, t('slackViews.score.keyResultLabel', { ref: kr.ref, title: clamp(kr.title, TITLE_IN_TEXT) }))),
  ];
  if (keyResults.length > shown.length) blocks.push(context(esc(t('slackViews.score.more', { count: keyResults.length - shown.length }))));
  blocks.push(
    scoreInput(objective.ref, t('slackViews.score.objectiveLabel', { ref: objective.ref, title: clamp(objective.title, TITLE_IN_TEXT) })),
    input(
      SCORE_NOTE_BLOCK,
      t('slackViews.score.noteLabel'),
      {
        type: 'plain_text_input',
        action_id: 'note',
        multiline: true,
        max_length: SCORE_NOTE_MAX,
        placeholder: placeholder(t('slackViews.score.notePlaceholder')),
      },
      { optional: true },
    ),
  );
  return modal({
    callbackId: VIEW.score,
    title: t('slackViews.score.title', { ref: objective.ref }),
    submit: t('slackViews.score.submit'),
    close: t('slackViews.common.cancel'),
    blocks,
    privateMetadata: objective.ref.slice(0, LIMIT.privateMetadata),
  });
}
