// What the WeCom notifier sends through message/send (and update_template_card): the message
// body only; recipients, agentid and the duplicate check are the notifier's. Field names are
// WeCom's own, so a message serialises as it is (platform-facts B5; zsmhub/workweixin copies the
// field descriptions of the official template card page).

/** Hard limits WeCom enforces, and the lengths it recommends ("建议不超过 N 个字") turned into bytes. */
export const CARD_LIMITS = {
  /** `task_id`: unique per app, `[0-9a-zA-Z_-@]`. */
  taskIdBytes: 128,
  /** Button and menu `key`s come back as `EventKey`; unique within the card. */
  keyBytes: 1024,
  /** `button_selection.question_key`. */
  questionKeyBytes: 1024,
  /** `button_selection.option_list[].id`, unique within the selection. */
  optionIdBytes: 128,
  buttons: 6,
  options: 10,
  horizontalContents: 6,
  // Recommendations are in 字 (characters); a 字 is 3 bytes, so N 字 is N × 3 bytes. Latin text then
  // gets more letters, which is about as wide on screen, since Latin letters are narrower.
  sourceDescBytes: 20 * 3,
  mainTitleBytes: 36 * 3,
  mainTitleDescBytes: 44 * 3,
  subTitleTextBytes: 160 * 3,
  horizontalKeynameBytes: 5 * 3,
  horizontalValueBytes: 30 * 3,
  buttonTextBytes: 10 * 3,
  optionTextBytes: 16 * 3,
  selectionTitleBytes: 5 * 3,
} as const;

/** Source line above the title; `desc_color`: 0 grey (default), 1 black, 2 red, 3 green. */
export interface CardSource {
  readonly icon_url?: string;
  readonly desc?: string;
  readonly desc_color?: 0 | 1 | 2 | 3;
}

export interface CardMainTitle {
  readonly title?: string;
  readonly desc?: string;
}

/** A `keyname: value` row; `type` 0 plain, 1 link (`url`), 2 attachment (`media_id`), 3 member (`userid`). */
export interface CardHorizontalContent {
  readonly type?: 0 | 1 | 2 | 3;
  readonly keyname: string;
  readonly value?: string;
  readonly url?: string;
  readonly media_id?: string;
  readonly userid?: string;
}

/** A drop-down whose choice comes back with a button click as `SelectedItems`. */
export interface CardButtonSelection {
  readonly question_key: string;
  readonly title?: string;
  /** 1 to 10 options. */
  readonly option_list: readonly { readonly id: string; readonly text: string }[];
  /** The first option when missing or unknown. */
  readonly selected_id?: string;
}

/** A callback button (`type` 0, `key` required) or a link (`type` 1, `url`); `style` 1–4, default 1. */
export type CardButton =
  | { readonly type?: 0; readonly text: string; readonly style?: 1 | 2 | 3 | 4; readonly key: string }
  | { readonly type: 1; readonly text: string; readonly style?: 1 | 2 | 3 | 4; readonly url: string };

/** Where tapping the card itself goes: 1 a URL, 2 a mini program. */
export interface CardAction {
  readonly type: 1 | 2;
  readonly url?: string;
  readonly appid?: string;
  readonly pagepath?: string;
}

/**
 * A `button_interaction` template card, the only card type the bot sends: it can be updated after
 * a click (update_template_card with the click's single-use `ResponseCode`).
 */
export interface TemplateCard {
  readonly card_type: 'button_interaction';
  readonly source?: CardSource;
  readonly main_title: CardMainTitle;
  readonly sub_title_text?: string;
  /** At most 6 rows. */
  readonly horizontal_content_list?: readonly CardHorizontalContent[];
  readonly card_action?: CardAction;
  /** ≤128 bytes of `[0-9a-zA-Z_-@]`, unique per app; clicks come back with it as `TaskId`. */
  readonly task_id: string;
  readonly button_selection?: CardButtonSelection;
  /** 1 to 6 buttons. */
  readonly button_list: readonly CardButton[];
}

/** One outgoing message: `text` and `markdown` content is at most 2,048 UTF-8 bytes. */
export type WecomMessage =
  | { readonly msgtype: 'text'; readonly text: { readonly content: string } }
  | { readonly msgtype: 'markdown'; readonly markdown: { readonly content: string } }
  | { readonly msgtype: 'template_card'; readonly template_card: TemplateCard };

export const textMessage = (content: string): WecomMessage => ({ msgtype: 'text', text: { content } });

export const markdownMessage = (content: string): WecomMessage => ({ msgtype: 'markdown', markdown: { content } });
