import { readFile, writeFile } from 'node:fs/promises';
import { isCsvKind } from '../domain/csv/csv-issue';
import { readCsvTable } from '../domain/csv/csv-table';
import type { Actor } from '../domain/member';
import type { Translator } from '../i18n/translate';
import { exportCsv } from '../use-cases/csv/export-csv';
import { importCsv } from '../use-cases/csv/import-csv';
import type { UseCaseDeps } from '../use-cases/deps';

/** A console reply should fit a screen; the full report is what the API is for. */
const MAX_ERRORS_SHOWN = 20;

/**
 * `:export <kind> <file>` and `:import <kind> <file> [--apply]` (a dry run unless --apply): the
 * console's CSV commands, on files relative to the directory the console runs in.
 */
export async function consoleCsv(deps: UseCaseDeps, actor: Actor, verb: 'import' | 'export', argument: string, t: Translator): Promise<string> {
  const words = argument.split(/\s+/).filter(Boolean);
  const apply = words.includes('--apply');
  const [kind, file, ...extra] = words.filter((w) => w !== '--apply');
  if (!kind || !file || extra.length > 0 || !isCsvKind(kind) || (apply && verb === 'export')) return t('console.csvUsage');
  if (verb === 'export') {
    const text = await exportCsv(deps, actor, kind);
    if (!text.ok) return t('console.csvAdminOnly');
    try {
      await writeFile(file, text.value, 'utf8');
    } catch (error) {
      return t('console.csvFileError', { file, reason: (error as Error).message });
    }
    const table = readCsvTable(text.value);
    return t('console.csvExported', { file, rows: table.ok ? table.value.rows.length : 0 });
  }
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    return t('console.csvFileError', { file, reason: (error as Error).message });
  }
  const result = await importCsv(deps, actor, kind, content, { dryRun: !apply });
  if (!result.ok) return t('console.csvAdminOnly');
  const r = result.value;
  const counts = { file, create: r.summary.create, update: r.summary.update, unchanged: r.summary.unchanged, errors: r.errors.length };
  if (r.errors.length === 0) return t(r.applied ? 'console.csvImported' : 'console.csvDryRun', counts);
  const lines = r.errors
    .slice(0, MAX_ERRORS_SHOWN)
    .map((e) => (e.column ? t('console.csvErrorInColumn', { line: e.line, column: e.column, message: e.message }) : t('console.csvErrorLine', { line: e.line, message: e.message })));
  if (r.errors.length > MAX_ERRORS_SHOWN) lines.push(t('console.csvMoreErrors', { count: r.errors.length - MAX_ERRORS_SHOWN }));
  return [t('console.csvRefused', counts), ...lines].join('\n');
}
