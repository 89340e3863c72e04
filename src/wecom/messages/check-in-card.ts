import type { Confidence } from '../../domain/key-result';
import { progressPercent } from '../../domain/progress';
import { textKit, type RenderContext, type TextKit } from '../../render/text/context';
import { promptIntro, promptTitle } from '../../render/text/notice-text';
import type { NoticeView } from '../../use-cases/notice-views';
import type { KeyResultView } from '../../use-cases/views';
import { truncateBytes, utf8Bytes } from './byte-limits';
import { CARD_CHOICES, encodeCardKey, KEY_RESULT_QUESTION, keyResultOptionId, type CardChoice } from './card-keys';
import { CARD_LIMITS, type CardButton, type CardButtonSelection, type CardHorizontalContent, type TemplateCard } from './wecom-message';

// The weekly check-in prompt as one button_interaction card: pick a key result in the drop-down,
// tap how it is going. After each click the notifier sends the same card again through
// update_template_card with `recorded` grown by one, so the card shows progress. Key results still
// without a check-in come first in the list and the drop-down, so the default choice is always
// the next one to do. Card fields are plain text (no markdown), so user text needs no escaping.

export type CheckInPromptView = Extract<NoticeView, { type: 'check_in_prompt' }>;

/** A confidence recorded from this card (or by command) this period. */
export interface RecordedCheckIn {
  readonly keyResultId: number;
  readonly confidence: Confidence;
}

export interface CheckInCardOptions {
  readonly taskId: string;
  readonly recorded?: ReadonlyArray<RecordedCheckIn>;
}

const TASK_ID = /^[0-9a-zA-Z_\-@]+$/;

/** Bytes of the member's name and the period in the title and intro, so a long name cannot push the count out. */
const NAME_BYTES = 30;

const buttonText = (choice: CardChoice, kit: TextKit): string => kit.t(`wecom.card.button.${choice}`);

/** `Raise NPS from 30 to 45 · 60% ✓`, the title cut so the numbers always show. */
function rowValue(kr: KeyResultView, done: boolean, max: number): string {
  const suffix = ` · ${progressPercent(kr.progress)}%${done ? ' ✓' : ''}`;
  return `${truncateBytes(kr.title, Math.max(0, max - utf8Bytes(suffix)))}${suffix}`;
}

/** At most 6 rows; past that, 5 key results and a row saying how many more there are. */
function rows(ordered: readonly KeyResultView[], recorded: ReadonlyMap<number, Confidence>, kit: TextKit): CardHorizontalContent[] {
  const max = CARD_LIMITS.horizontalContents;
  const shown = ordered.length <= max ? ordered : ordered.slice(0, max - 1);
  const list: CardHorizontalContent[] = shown.map((kr) => ({
    keyname: truncateBytes(kr.ref, CARD_LIMITS.horizontalKeynameBytes),
    value: rowValue(kr, recorded.has(kr.id), CARD_LIMITS.horizontalValueBytes),
  }));
  if (shown.length < ordered.length) {
    list.push({
      keyname: truncateBytes(kit.t('wecom.card.moreKeyResults'), CARD_LIMITS.horizontalKeynameBytes),
      value: truncateBytes(kit.t('wecom.card.moreKeyResultsValue', { count: kit.num(ordered.length - shown.length) }), CARD_LIMITS.horizontalValueBytes),
    });
  }
  return list;
}

/** The drop-down: up to 10 key results, the first one without a check-in selected. */
function selection(ordered: readonly KeyResultView[], recorded: ReadonlyMap<number, Confidence>, kit: TextKit): CardButtonSelection {
  const offered = ordered.slice(0, CARD_LIMITS.options);
  const next = offered.find((kr) => !recorded.has(kr.id)) ?? offered[0]!;
  return {
    question_key: KEY_RESULT_QUESTION,
    title: truncateBytes(kit.t('wecom.card.keyResult'), CARD_LIMITS.selectionTitleBytes),
    option_list: offered.map((kr) => ({
      id: keyResultOptionId(kr.id),
      text: truncateBytes(`${kr.ref}${recorded.has(kr.id) ? ' ✓' : ''} ${kr.title}`, CARD_LIMITS.optionTextBytes),
    })),
    selected_id: keyResultOptionId(next.id),
  };
}

/**
 * `KR-12: 有风险 ✓` for each recorded key result, then what to do next; as many recorded lines as
 * fit, the rest counted ("and 5 more recorded").
 */
function subTitle(ordered: readonly KeyResultView[], recorded: ReadonlyMap<number, Confidence>, kit: TextKit): string {
  const done = ordered.filter((kr) => recorded.has(kr.id));
  const closing = kit.t(done.length === ordered.length ? 'wecom.card.allRecorded' : 'wecom.card.howTo');
  const lines = done.map((kr) => kit.t('wecom.card.recorded', { ref: kr.ref, choice: buttonText(recorded.get(kr.id)!, kit) }));
  const max = CARD_LIMITS.subTitleTextBytes;
  const fits = (text: string): boolean => utf8Bytes(text) <= max;
  if (fits([...lines, closing].join('\n'))) return [...lines, closing].join('\n');
  for (let shown = lines.length - 1; shown >= 0; shown--) {
    const more = kit.t('wecom.card.moreRecorded', { count: kit.num(lines.length - shown) });
    const text = [...lines.slice(0, shown), more, closing].join('\n');
    if (fits(text)) return text;
  }
  return truncateBytes(closing, max);
}

/** Key results without a check-in first, each group in the prompt's order; one entry per id. */
function ordered(keyResults: readonly KeyResultView[], recorded: ReadonlyMap<number, Confidence>): KeyResultView[] {
  const unique = [...new Map(keyResults.map((kr) => [kr.id, kr] as const)).values()];
  return [...unique.filter((kr) => !recorded.has(kr.id)), ...unique.filter((kr) => recorded.has(kr.id))];
}

/**
 * The check-in prompt as a WeCom `button_interaction` card: title and intro of the prompt, the open
 * key results (6 rows at most), a drop-down of up to 10 of them (option ids `kr-<id>`), and the
 * buttons 按计划 / 有风险 / 延期 / 详情 whose keys `decodeCardKey` reads back. With no open key
 * results only 详情 remains. Every text is cut to WeCom's recommended length, in bytes.
 */
export function checkInCard(view: CheckInPromptView, ctx: RenderContext, options: CheckInCardOptions): TemplateCard {
  if (!TASK_ID.test(options.taskId) || utf8Bytes(options.taskId) > CARD_LIMITS.taskIdBytes) {
    throw new RangeError(`task_id must be 1–128 bytes of [0-9a-zA-Z_-@]: ${JSON.stringify(options.taskId.slice(0, 200))}`);
  }
  const kit = textKit(ctx);
  const recorded = new Map((options.recorded ?? []).map((r) => [r.keyResultId, r.confidence] as const));
  const button = (choice: CardChoice): CardButton => ({
    text: truncateBytes(buttonText(choice, kit), CARD_LIMITS.buttonTextBytes),
    key: encodeCardKey({ promptId: view.promptId, choice }),
  });
  const named = { ...view, memberName: truncateBytes(view.memberName, NAME_BYTES), period: truncateBytes(view.period, NAME_BYTES) };
  const head = {
    card_type: 'button_interaction',
    source: { desc: truncateBytes(kit.t('wecom.card.source'), CARD_LIMITS.sourceDescBytes) },
    main_title: {
      title: truncateBytes(promptTitle(named, kit), CARD_LIMITS.mainTitleBytes),
      desc: truncateBytes(promptIntro(named, kit), CARD_LIMITS.mainTitleDescBytes),
    },
    task_id: options.taskId,
  } as const;
  const list = ordered(view.keyResults, recorded);
  if (list.length === 0) return { ...head, button_list: [button('details')] };
  return {
    ...head,
    sub_title_text: subTitle(list, recorded, kit),
    horizontal_content_list: rows(list, recorded, kit),
    button_selection: selection(list, recorded, kit),
    button_list: CARD_CHOICES.map(button),
  };
}
