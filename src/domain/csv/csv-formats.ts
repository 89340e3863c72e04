import type { z } from 'zod';
import { mapHeader, validateRows, type CsvColumn } from './csv-columns';
import type { CsvIssue, CsvKind } from './csv-issue';
import { readCsvTable, writeCsvTable, MAX_CSV_ROWS } from './csv-table';
import { KPI_COLUMNS, KPI_READING_COLUMNS, kpiCells, kpiReadingCells, kpiReadingRowSchema, kpiRowSchema, type KpiReadingRecord, type KpiRecord } from './kpi-csv';
import { OKR_COLUMNS, okrCells, okrRowSchema, type OkrRecord } from './okr-csv';
import { ORG_COLUMNS, orgCells, orgRowSchema, type OrgRecord } from './org-csv';

/** What each kind of file reads into (one record per data row) and writes from. */
export interface CsvRecords {
  org: OrgRecord;
  okrs: OkrRecord;
  kpis: KpiRecord;
  'kpi-readings': KpiReadingRecord;
}

interface Format<R> {
  readonly columns: readonly CsvColumn[];
  readonly schema: z.ZodType<R, Record<string, string>>;
  readonly cells: (r: R) => Record<string, string>;
}

const FORMATS: { readonly [K in CsvKind]: Format<CsvRecords[K]> } = {
  org: { columns: ORG_COLUMNS, schema: orgRowSchema as z.ZodType<OrgRecord, Record<string, string>>, cells: orgCells },
  okrs: { columns: OKR_COLUMNS, schema: okrRowSchema as z.ZodType<OkrRecord, Record<string, string>>, cells: okrCells },
  kpis: { columns: KPI_COLUMNS, schema: kpiRowSchema as z.ZodType<KpiRecord, Record<string, string>>, cells: kpiCells },
  'kpi-readings': { columns: KPI_READING_COLUMNS, schema: kpiReadingRowSchema as z.ZodType<KpiReadingRecord, Record<string, string>>, cells: kpiReadingCells },
};

export type Lined<R> = R & { readonly line: number };

/** The English headers of a kind, in export order. */
export const csvHeaders = (kind: CsvKind): string[] => FORMATS[kind].columns.map((c) => c.header);

/**
 * Reads a file of one kind into typed records, each with its line, and every issue found (file,
 * header and row level). Records come back even when other rows have issues, so the planner can
 * report those too; callers write nothing while issues exist.
 */
export function readCsv<K extends CsvKind>(kind: K, text: string, maxRows = MAX_CSV_ROWS): { records: Lined<CsvRecords[K]>[]; issues: CsvIssue[] } {
  const format = FORMATS[kind] as unknown as Format<CsvRecords[K]>;
  const table = readCsvTable(text, maxRows);
  if (!table.ok) return { records: [], issues: [table.error] };
  const index = mapHeader(table.value.header, format.columns);
  if (!index.ok) return { records: [], issues: index.error };
  return validateRows(table.value.rows, table.value.header, index.value, format.columns, format.schema);
}

/** Writes records of one kind as a file (BOM, English headers, CRLF). */
export function writeCsv<K extends CsvKind>(kind: K, records: readonly CsvRecords[K][]): string {
  const format = FORMATS[kind] as unknown as Format<CsvRecords[K]>;
  return writeCsvTable(
    csvHeaders(kind),
    records.map((r) => {
      const cells = format.cells(r);
      return format.columns.map((c) => cells[c.key] ?? '');
    }),
  );
}
