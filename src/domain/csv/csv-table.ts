import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { fail, ok, type Result } from '../result';
import type { CsvIssue } from './csv-issue';

/** More data rows than this in one file is refused as a whole (issue 6: "up to 10,000 rows per file"). */
export const MAX_CSV_ROWS = 10_000;

/** One data row with the 1-based line of the file it starts on, so errors point where people look. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** Byte offsets where each line starts (\r\n, \n and a lone \r all end a line), for offset → line. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/** The line (1-based) of the first byte at or after `offset` that is not a line break. */
function lineAt(bytes: Buffer, starts: readonly number[], offset: number, from: number): number {
  let at = offset;
  while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  let line = from;
  while (line < starts.length && starts[line]! <= at) line++;
  return line;
}

/**
 * Reads a CSV file: a header row, then data rows. A UTF-8 BOM (Excel writes one) is dropped, any
 * line ending is accepted, blank lines are skipped, quoted fields may hold commas, quotes and line
 * breaks. More than `maxRows` data rows is one error on line 1 and nothing else is read.
 */
export function readCsvTable(text: string, maxRows = MAX_CSV_ROWS): Result<CsvTable, CsvIssue> {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // With `info`, csv-parse returns { record, info } objects; its typings only know plain rows.
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return fail({ line: e.lines ?? 1, message: `not a readable CSV file: ${(e.message ?? '').split(':')[0]}` });
  }
  if (records.length === 0) return fail({ line: 1, message: 'the file is empty; the first row must name the columns' });
  if (records.length - 1 > maxRows) return fail({ line: 1, message: `too many rows: ${records.length - 1}, at most ${maxRows} per file` });
  const bytes = Buffer.from(text, 'utf8');
  const starts = lineStarts(bytes);
  const rows: CsvRow[] = [];
  // csv-parse's byte offsets count a BOM, as Buffer.from does: both agree on every position.
  let previousEnd = records[0]!.info.bytes;
  let line = 1;
  for (const r of records.slice(1)) {
    line = lineAt(bytes, starts, previousEnd, line);
    previousEnd = r.info.bytes;
    // Blank cells at the end of a row are how spreadsheets pad short rows; they carry nothing.
    rows.push({ line, cells: r.record.map((c) => c.trim()) });
  }
  return ok({ header: records[0]!.record.map((h) => h.trim()), rows });
}

/**
 * Writes a CSV file with a UTF-8 BOM and CRLF line ends: Excel (also the Chinese edition) opens it
 * with the right encoding, and readCsvTable reads it back unchanged. Fields with commas, quotes or
 * line breaks of any kind are quoted.
 */
export function writeCsvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header as string[], ...(rows as string[][])], { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
