// Keeping user text (titles, names, notes, quoted tokens) inert in WeCom messages.
//
// WeCom's markdown has no documented escape character, so a backslash cannot be trusted to work.
// Instead every character that can open markup is replaced by its full-width twin, which reads the
// same (Chinese text uses these forms anyway) and which no parser treats as syntax:
//   anywhere:           [ ] < > * ` \ &   ->   ［ ］ ＜ ＞ ＊ ｀ ＼ ＆
//   at a line's start:  #  (after spaces)  ->   ＃
// That covers WeCom markdown's whole syntax: links `[t](url)` need `[`, font colours and
// mentions need `<`, bold `**`, inline code `` ` ``, quotes `>`, headings `#` at a line start.
// `&` goes so an entity (`&lt;font…`) cannot turn back into a tag; `\` so user text cannot escape
// the markup we put around it. Parentheses stay: without `]` before them they are not a link.
// Bare URLs stay too: WeCom links them anyway, and the address is shown, not hidden behind text.
//
// Text messages support `<a href>`, so there `<` and `>` are replaced the same way.
// Escape user text line by line as it comes out of the text renderer (catalog text included, as
// the Slack adapter does), then add our own markup around escaped pieces only.

const FULL_WIDTH: Readonly<Record<string, string>> = {
  '[': '［',
  ']': '］',
  '<': '＜',
  '>': '＞',
  '*': '＊',
  '`': '｀',
  '\\': '＼',
  '&': '＆',
  '#': '＃',
};

const INLINE_MARKUP = /[[\]<>*`\\&]/g;
const HEADING = /^([ \t]*)#/gm;
const ANGLES = /[<>]/g;

const twin = (ch: string): string => FULL_WIDTH[ch] ?? ch;

/** User text that WeCom markdown shows exactly as typed, with no link, tag, heading or emphasis. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_MARKUP, twin).replace(HEADING, (_, space: string) => `${space}${twin('#')}`);
}

/** User text for a WeCom `text` message, which turns `<a href>` into a link: angle brackets go. */
export function escapeText(text: string): string {
  return text.replace(ANGLES, twin);
}

/** `**text**` with `text` escaped. */
export const bold = (text: string): string => `**${escapeMarkdown(text)}**`;

/** WeCom's three font colours: `info` green, `comment` grey, `warning` orange-red. */
export type FontColor = 'info' | 'comment' | 'warning';

/** `text` escaped, in one of WeCom's font colours. */
export const colored = (text: string, color: FontColor): string => `<font color="${color}">${escapeMarkdown(text)}</font>`;

/**
 * Markup WeCom markdown would act on in `text`, for tests and assertions: what an escaped string
 * must never contain. Empty when `text` is inert.
 */
export function markdownMarkupIn(text: string): string[] {
  const found = [...text.matchAll(INLINE_MARKUP)].map((m) => m[0]);
  const headings = [...text.matchAll(HEADING)].map(() => '#');
  return [...found, ...headings];
}
