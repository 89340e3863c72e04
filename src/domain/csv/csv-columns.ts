import type { z } from 'zod';
import { fail, ok, type Result } from '../result';
import type { CsvIssue } from './csv-issue';
import type { CsvRow } from './csv-table';

/** One column of a format: the English header written on export and every header accepted on import. */
export interface CsvColumn<K extends string = string> {
  readonly key: K;
  readonly header: string;
  /** Other names people use, English and Simplified Chinese (`负责人` for owner). */
  readonly aliases: readonly string[];
  readonly required?: boolean;
}

/** `External ID`, `external_id` and `external-id` are one header; full-width letters fold too. */
export const normalizeHeader = (h: string): string => h.normalize('NFKC').trim().toLowerCase().replace(/[\s_\-]+/g, '');

/** Where each known column sits in the file. */
export type ColumnIndex<K extends string> = ReadonlyMap<K, number>;

/**
 * Matches a header row against a format's columns. Unknown, repeated and missing required columns
 * are all reported (line 1), so a wrong file is explained in one go.
 */
export function mapHeader<K extends string>(header: readonly string[], columns: readonly CsvColumn<K>[]): Result<ColumnIndex<K>, CsvIssue[]> {
  const byName = new Map<string, CsvColumn<K>>();
  for (const c of columns) for (const name of [c.header, c.key, ...c.aliases]) byName.set(normalizeHeader(name), c);
  const index = new Map<K, number>();
  const issues: CsvIssue[] = [];
  header.forEach((h, i) => {
    if (h === '') return;
    const column = byName.get(normalizeHeader(h));
    if (!column) issues.push({ line: 1, column: h, message: `unknown column; expected ${columns.map((c) => c.header).join(', ')}` });
    else if (index.has(column.key)) issues.push({ line: 1, column: h, message: `column ${column.header} appears twice` });
    else index.set(column.key, i);
  });
  for (const c of columns) if (c.required && !index.has(c.key)) issues.push({ line: 1, column: c.header, message: 'required column is missing' });
  return issues.length > 0 ? fail(issues) : ok(index);
}

/** The row as `{ key: cell }` for every known column; absent columns read as empty. */
export function cellsOf<K extends string>(row: CsvRow, index: ColumnIndex<K>, columns: readonly CsvColumn<K>[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const c of columns) {
    const i = index.get(c.key);
    out[c.key] = i === undefined ? '' : (row.cells[i] ?? '');
  }
  return out;
}

/** The header the file used for a column (what the user will look for), else its English header. */
export function headerOf<K extends string>(key: K, header: readonly string[], index: ColumnIndex<K>, columns: readonly CsvColumn<K>[]): string {
  const i = index.get(key);
  return (i === undefined ? undefined : header[i]) ?? columns.find((c) => c.key === key)?.header ?? key;
}

/**
 * Validates every data row with a zod schema over its cells. A row's issues carry its line and the
 * column as the file named it; rows that pass come back typed, with their line.
 */
export function validateRows<K extends string, T>(
  rows: readonly CsvRow[],
  header: readonly string[],
  index: ColumnIndex<K>,
  columns: readonly CsvColumn<K>[],
  schema: z.ZodType<T, Record<K, string>>,
): { records: (T & { line: number })[]; issues: CsvIssue[] } {
  const records: (T & { line: number })[] = [];
  const issues: CsvIssue[] = [];
  for (const row of rows) {
    // Lines padded with separators only (",,,,") are blank lines to a person.
    if (row.cells.every((c) => c === '')) continue;
    const parsed = schema.safeParse(cellsOf(row, index, columns));
    if (parsed.success) {
      records.push({ ...parsed.data, line: row.line });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      issues.push({ line: row.line, ...(typeof key === 'string' ? { column: headerOf(key as K, header, index, columns) } : {}), message: issue.message });
    }
  }
  return { records, issues };
}
