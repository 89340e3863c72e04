import type { Locale } from '../../domain/member';
import { formatNumber } from '../../i18n/format';
import { createTranslator, type Translator } from '../../i18n/translate';

/** Who the text is for: language, the reader's time zone (for dates) and the time it is rendered. */
export interface RenderContext {
  readonly locale: Locale;
  readonly timeZone: string;
  readonly now: Date;
}

/** The translator and number formatter every text renderer needs. */
export interface TextKit {
  readonly ctx: RenderContext;
  readonly t: Translator;
  /** A number with its unit, compact and localised. */
  readonly num: (n: number, unit?: string | null) => string;
}

export function textKit(ctx: RenderContext): TextKit {
  return { ctx, t: createTranslator(ctx.locale), num: (n, unit) => formatNumber(ctx.locale, n, unit) };
}

/** Indents every line of `lines` by `prefix`. */
export const indent = (lines: readonly string[], prefix = '  '): string[] => lines.map((l) => (l === '' ? l : `${prefix}${l}`));
