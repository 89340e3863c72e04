import type { en } from './en';

/** The shape of a catalog with every string leaf widened to `string`. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** What every locale's catalog must provide: exactly the keys of `en`, each a string. */
export type Catalog = Widen<typeof en>;

/** Dotted paths to string leaves of `T`: `'usage.update' | 'error.not_found' | …`. */
export type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

/** Every key `translate` accepts. */
export type CatalogKey = LeafPaths<Catalog>;

/** Values for `{name}` placeholders. */
export type Params = Readonly<Record<string, string | number>>;
