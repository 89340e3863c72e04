import type { KnownBlock, PlainTextOption, View } from '@slack/types';
import { parseReference } from '../../domain/command/reference';
import { CONFIDENCES, type Confidence } from '../../domain/key-result';
import { textKit, type RenderContext, type TextKit } from '../../render/text/context';
import { confidenceText, valueText } from '../../render/text/key-result-line';
import type { KeyResultView } from '../../use-cases/views';
import { context, esc, input, keyResultMrkdwn, modal, option, placeholder, section } from './common-modal.blocks';
import { VIEW } from './ids';
import { LIMIT } from './text-limits';

/** Block ids of one key result's fields: `v:12` value, `c:12` confidence, `n:12` note, `b:12` blocker. */
export const CHECK_IN_BLOCK = {
  value: (keyResultId: number): string => `v:${keyResultId}`,
  confidence: (keyResultId: number): string => `c:${keyResultId}`,
  note: (keyResultId: number): string => `n:${keyResultId}`,
  blocker: (keyResultId: number): string => `b:${keyResultId}`,
} as const;

/**
 * The confidence select's action_id is this prefix plus the confidence it starts on (`confidence:at_risk`,
 * or `confidence:` when none), so the reader can tell a select left alone from a changed one.
 */
export const CONFIDENCE_ACTION_PREFIX = 'confidence:';

/** Limits Slack enforces on the note and blocker inputs; the reader checks them again. */
export const CHECK_IN_TEXT_MAX = 2_000;
export const CHECK_IN_VALUE_MAX = 64;
/** Each key result takes 5 blocks (section + 4 inputs); 19 leave room for the intro and "more" lines under 100. */
export const CHECK_IN_MAX_KEY_RESULTS = 19;

/** The open key results in modal order (each once): the one named by `firstRef` first, then as given. */
export function checkInOrder(krs: readonly KeyResultView[], firstRef?: string): KeyResultView[] {
  const byId = new Map<number, KeyResultView>();
  for (const kr of krs) if (kr.status === 'active' && !byId.has(kr.id)) byId.set(kr.id, kr);
  const open = [...byId.values()];
  const wanted = firstRef === undefined ? null : parseReference(firstRef);
  if (wanted?.type !== 'key_result') return open;
  const isFirst = (kr: KeyResultView): boolean => {
    const r = parseReference(kr.ref);
    return r?.type === 'key_result' && r.number === wanted.number;
  };
  return [...open.filter(isFirst), ...open.filter((kr) => !isFirst(kr))];
}

const confidenceOption = (confidence: Confidence, kit: TextKit): PlainTextOption => option(confidenceText(confidence, kit), confidence);

function keyResultBlocks(kr: KeyResultView, kit: TextKit): KnownBlock[] {
  const { t } = kit;
  const current = valueText(kr, kr.current, kit);
  const valueHint =
    kr.kind === 'milestone'
      ? t('slackViews.checkIn.valuePlaceholderMilestone', { current })
      : t('slackViews.checkIn.valuePlaceholder', { current });
  return [
    section(keyResultMrkdwn(kr, kit, { lag: true })),
    input(
      CHECK_IN_BLOCK.value(kr.id),
      t('slackViews.checkIn.valueLabel'),
      { type: 'plain_text_input', action_id: 'value', max_length: CHECK_IN_VALUE_MAX, placeholder: placeholder(valueHint) },
      { optional: true },
    ),
    input(
      CHECK_IN_BLOCK.confidence(kr.id),
      t('slackViews.checkIn.confidenceLabel'),
      {
        type: 'static_select',
        action_id: `${CONFIDENCE_ACTION_PREFIX}${kr.confidence ?? ''}`,
        placeholder: placeholder(t('slackViews.checkIn.confidencePlaceholder')),
        options: CONFIDENCES.map((c) => confidenceOption(c, kit)),
        ...(kr.confidence ? { initial_option: confidenceOption(kr.confidence, kit) } : {}),
      },
      { optional: true },
    ),
    input(
      CHECK_IN_BLOCK.note(kr.id),
      t('slackViews.checkIn.noteLabel'),
      {
        type: 'plain_text_input',
        action_id: 'note',
        multiline: true,
        max_length: CHECK_IN_TEXT_MAX,
        placeholder: placeholder(t('slackViews.checkIn.notePlaceholder')),
      },
      { optional: true },
    ),
    input(
      CHECK_IN_BLOCK.blocker(kr.id),
      t('slackViews.checkIn.blockerLabel'),
      {
        type: 'plain_text_input',
        action_id: 'blocker',
        max_length: CHECK_IN_TEXT_MAX,
        placeholder: placeholder(t('slackViews.checkIn.blockerPlaceholder')),
      },
      { optional: true },
    ),
  ];
}

/**
 * The weekly check-in of all my open key results at once. Shows at most 19 (the 100-block limit)
 * and says how many more there are; `private_metadata` is the JSON array of the key result ids shown.
 * With nothing open, a modal that explains why and has no submit button.
 */
export function checkInModal(ctx: RenderContext, krs: readonly KeyResultView[], opts: { firstRef?: string } = {}): View {
  const kit = textKit(ctx);
  const { t } = kit;
  const open = checkInOrder(krs, opts.firstRef);
  if (open.length === 0) {
    return modal({
      callbackId: VIEW.checkIn,
      title: t('slackViews.checkIn.title'),
      close: t('slackViews.common.close'),
      blocks: [section(esc(t('slackViews.checkIn.empty')))],
    });
  }
  const shown = open.slice(0, CHECK_IN_MAX_KEY_RESULTS);
  const blocks: KnownBlock[] = [context(esc(t('slackViews.checkIn.intro'))), ...shown.flatMap((kr) => keyResultBlocks(kr, kit))];
  const hidden = open.length - shown.length;
  if (hidden > 0) blocks.push(context(esc(t('slackViews.checkIn.more', { count: hidden }))));
  return modal({
    callbackId: VIEW.checkIn,
    title: t('slackViews.checkIn.title'),
    submit: t('slackViews.checkIn.submit'),
    close: t('slackViews.common.cancel'),
    blocks,
    privateMetadata: JSON.stringify(shown.map((kr) => kr.id)).slice(0, LIMIT.privateMetadata),
  });
}
