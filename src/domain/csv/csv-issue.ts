/** A problem with one place of a CSV file: the 1-based line, the column as the file names it, what is wrong. */
export interface CsvIssue {
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

/** The kinds of file that can be imported and exported; each has its own columns. */
export const CSV_KINDS = ['org', 'okrs', 'kpis', 'kpi-readings'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export const isCsvKind = (s: string): s is CsvKind => (CSV_KINDS as readonly string[]).includes(s);

/** Issues in file order, then by column, so a report reads top to bottom. */
export const sortIssues = (issues: readonly CsvIssue[]): CsvIssue[] =>
  [...issues].sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));
