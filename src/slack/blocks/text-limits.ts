// Slack rejects blocks whose text is over its limits instead of truncating them (platform-facts
// A5), so every piece of text passes through these clamps on its way into a block.

export const LIMIT = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  messageText: 4_000,
  textObject: 3_000,
  sectionField: 2_000,
  sectionFields: 10,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  optionText: 75,
  optionValue: 75,
  options: 100,
  placeholder: 150,
  inputLabel: 2_000,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3_000,
  blockId: 255,
  actionId: 255,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` UTF-16 code units, on a code point boundary, ending with "…" when
 * cut. Slack counts characters; counting code units is never fewer, so this is the safe side.
 */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // never split a surrogate pair
  return text.slice(0, Math.max(0, cut)) + ELLIPSIS;
}

/**
 * Clamps mrkdwn that was built from escaped user text without cutting inside an entity
 * (`&amp;`), which would leave a dangling `&` that Slack might read as the start of one.
 */
export function clampMrkdwn(text: string, max: number): string {
  const cut = clamp(text, max);
  if (cut === text) return text;
  const body = cut.slice(0, -ELLIPSIS.length);
  const amp = body.lastIndexOf('&');
  return amp >= 0 && !body.slice(amp).includes(';') ? body.slice(0, amp) + ELLIPSIS : cut;
}
