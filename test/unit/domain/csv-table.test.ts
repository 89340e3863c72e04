import fc from 'fast-check';
import { readCsvTable, writeCsvTable } from '../../../src/domain/csv/csv-table';
import { guardFormula, unguardFormula } from '../../../src/domain/csv/csv-values';

const read = (text: string, max?: number) => {
  const r = readCsvTable(text, max);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('readCsvTable', () => {
  it('should drop a UTF-8 BOM from the first header', () => {
    expect(read('\uFEFFname,负责人\r\nA,B\r\n').header).toEqual(['name', '负责人']);
  });

  it('should read quoted commas, quotes, line breaks and CJK, and give each row the line it starts on', () => {
    const table = read('a,b\r\n"x, y","say ""hi"""\r\n\r\n"多\r\n行\n文本",中文\n\nlast,"line"');
    expect(table.rows).toEqual([
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['多\r\n行\n文本', '中文'] },
      { line: 8, cells: ['last', 'line'] },
    ]);
  });

  it('should count lines the same with a BOM, with \\n, \\r\\n or \\r line ends', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const table = read(`\uFEFFa${eol}${eol}"1${eol}2"${eol}3`);
      expect(table.rows.map((r) => r.line)).toEqual([3, 5]);
    }
  });

  it('should refuse an empty file, an unclosed quote and too many rows, each with one issue', () => {
    expect(readCsvTable('')).toEqual({ ok: false, error: { line: 1, message: 'the file is empty; the first row must name the columns' } });
    expect(readCsvTable('a\n"open\n')).toMatchObject({ ok: false, error: { message: expect.stringContaining('not a readable CSV file') } });
    expect(readCsvTable('a\n1\n2\n3', 2)).toEqual({ ok: false, error: { line: 1, message: 'too many rows: 3, at most 2 per file' } });
    expect(read('a\n1\n2', 2).rows).toHaveLength(2);
  });
});

describe('writeCsvTable', () => {
  it('should start with a BOM, end rows with CRLF and quote only what needs it', () => {
    expect(writeCsvTable(['a', 'b'], [['x,y', '中文'], ['1\n2', 'plain']])).toBe('\uFEFFa,b\r\n"x,y",中文\r\n"1\n2",plain\r\n');
  });

  it('should read back any table it writes, line numbers included', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '中', '文', ',', '"', '\n', '\r', ' ', '1', "'") }).map((s) => s.trim());
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 8 }), (width, raw) => {
        const rows = raw.map((r) => r.slice(0, width)).filter((r) => r.some((c) => c !== ''));
        const header = ['h1', 'h2', 'h3', 'h4'].slice(0, width);
        const table = read(writeCsvTable(header, rows));
        expect(table.header).toEqual(header);
        expect(table.rows.map((r) => r.cells)).toEqual(rows);
        let line = 2;
        table.rows.forEach((r, i) => {
          expect(r.line).toBe(line);
          line += rows[i]!.join(',').split(/\r\n|\n|\r/).length;
        });
      }),
    );
  });
});

describe('guardFormula', () => {
  it('should defuse spreadsheet formulas and give the text back unchanged on import', () => {
    expect(guardFormula('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(guardFormula('Plain')).toBe('Plain');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', 'a') }), (s) => expect(unguardFormula(guardFormula(s))).toBe(s)));
  });
});
