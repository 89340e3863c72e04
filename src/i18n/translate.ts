import type { Locale } from '../domain/member';
import type { Catalog, CatalogKey, Params } from './catalog';
import { en } from './en';
import { zhCN } from './zh-CN';

export type { Catalog, CatalogKey, Params } from './catalog';

/** `t('usage.update')`, `t('error.not_found', { what: 'KR-12' })`. */
export type Translator = (key: CatalogKey, params?: Params) => string;

/** Every string leaf of a catalog under its dotted path. */
function flatten(node: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (typeof node === 'string') {
    into.set(prefix, node);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) flatten(child, prefix === '' ? key : `${prefix}.${key}`, into);
  }
  return into;
}

const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, 'zh-CN': zhCN };
const FLAT: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  Object.entries(CATALOGS).map(([locale, catalog]) => [locale, flatten(catalog, '', new Map())]),
);
const FALLBACK = FLAT.get('en')!;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces `{name}` with `params.name`; a placeholder without a value stays visible as `{name}`. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/**
 * The text of `key` in `locale` with its placeholders filled in. An unknown locale falls back to
 * English; a key missing from the catalog (only possible through casts) comes back as the key itself.
 */
export function translate(locale: Locale, key: CatalogKey, params?: Params): string {
  const text = (FLAT.get(locale) ?? FALLBACK).get(key) ?? FALLBACK.get(key) ?? key;
  return interpolate(text, params);
}

/** A `translate` bound to one locale. */
export function createTranslator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}

/** The whole catalog of a locale (English for an unknown one). */
export function catalogOf(locale: Locale): Catalog {
  return Object.prototype.hasOwnProperty.call(CATALOGS, locale) ? CATALOGS[locale] : en;
}
