import fc from 'fast-check';
import { readCsv, writeCsv, type CsvRecords } from '../../../src/domain/csv/csv-formats';
import type { CsvKind } from '../../../src/domain/csv/csv-issue';
import type { KpiRecord } from '../../../src/domain/csv/kpi-csv';
import type { OkrRecord } from '../../../src/domain/csv/okr-csv';
import type { OrgRecord } from '../../../src/domain/csv/org-csv';

const strip = <R>(records: readonly (R & { line: number })[]) => records.map(({ line: _line, ...r }) => r);

describe('readCsv headers', () => {
  it('should accept English and Chinese headers in any case, order and spelling of separators', () => {
    const zh = readCsv('okrs', '类型,编号,周期,标题,负责人,周期开始,周期结束\n目标,O-1,2026-Q4,增长,王伟,2026-10-01,2026-12-31\n');
    const en = readCsv('okrs', 'Type,REF,Cycle,Title,Owner,Cycle Start,cycle-end\nobjective,o1,2026-Q4,增长,王伟,2026-10-01,2026-12-31\n');
    expect(zh.issues).toEqual([]);
    expect(strip(zh.records)).toEqual(strip(en.records));
    expect(zh.records[0]).toMatchObject({ type: 'objective', ref: 1, owner: '王伟', line: 2 });
  });

  it('should name unknown, repeated and missing columns on line 1', () => {
    expect(readCsv('kpi-readings', 'kpi,key,when\n').issues).toEqual([
      { line: 1, column: 'key', message: 'column kpi appears twice' },
      { line: 1, column: 'when', message: 'unknown column; expected kpi, date, value' },
      { line: 1, column: 'date', message: 'required column is missing' },
      { line: 1, column: 'value', message: 'required column is missing' },
    ]);
  });
});

describe('readCsv rows', () => {
  it('should report each bad cell with its line and the column as the file names it', () => {
    const file = '指标,日期,数值\nnps,2026-02-30,1\n"nps","2026-03-01","lots"\n\n9x,2026-03-02,1e16\nnps,2026-03-03,"1,234.5"\n';
    const { records, issues } = readCsv('kpi-readings', file);
    expect(issues).toEqual([
      { line: 2, column: '日期', message: '"2026-02-30" is not a date (YYYY-MM-DD)' },
      { line: 3, column: '数值', message: '"lots" is not a number' },
      { line: 5, column: '指标', message: '"9x" is not a KPI key (a letter, then letters, digits, - or _)' },
      { line: 5, column: '数值', message: 'too large (at most 1e15)' },
    ]);
    expect(records).toEqual([{ key: 'nps', date: '2026-03-03', value: 1234.5, line: 6 }]);
  });

  it('should read a key result measure from its title when kind, start and target are empty', () => {
    const { records, issues } = readCsv('okrs', 'type,ref,title,owner,parent\nkr,KR-3,"Raise NPS from 30 to 45",Ann,O-1\nkr,KR-4,上线新版官网,Ann,O-1\n');
    expect(issues).toEqual([]);
    expect(records.map((r) => r.type === 'key_result' && [r.kind, r.start, r.target])).toEqual([['increase', 30, 45], ['milestone', 0, 1]]);
  });

  it('should refuse key result cells on an objective, a milestone that is not 0 to 1, and bands in the wrong order', () => {
    expect(readCsv('okrs', 'type,ref,cycle,title,owner,kind\nobjective,O-1,Q,T,Ann,increase\n').issues).toEqual([{ line: 2, column: 'kind', message: 'only for key results' }]);
    expect(readCsv('okrs', 'type,ref,title,owner,parent,kind,target\nkr,KR-1,T,Ann,O-1,里程碑,5\n').issues).toEqual([{ line: 2, column: 'target', message: 'a milestone goes from 0 to 1' }]);
    expect(readCsv('kpis', 'key,threshold,green_min,yellow_min\nnps,at_least,40,50\n').issues).toEqual([{ line: 2, column: 'yellow_min', message: 'yellow must start below green' }]);
  });
});

// Text a spreadsheet cell can hold after trimming: CJK, commas, quotes, line breaks, formula starts.
const text = (max: number) =>
  fc.string({ unit: fc.constantFrom('a', 'B', '中', '文', ',', '"', '\n', ' ', '=', '-', "'", '7'), minLength: 1, maxLength: max }).map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith("'"));
const value = fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const handle = fc.stringMatching(/^[a-z研发][a-z0-9_研发-]{0,10}$/);

const org: fc.Arbitrary<OrgRecord> = fc.record({
  person: text(30), externalId: text(20), manager: opt(text(30)), role: opt(fc.constantFrom('member', 'manager', 'admin' as const)),
  team: opt(handle), teamName: fc.constant(null), parentTeam: fc.constant(null), teamManager: fc.constant(false),
}).map((r) => (r.team === null ? r : { ...r, teamName: 'Team, "T"', teamManager: true }));
const okr: fc.Arbitrary<OkrRecord> = fc.oneof(
  fc.record({
    type: fc.constant('objective' as const), ref: fc.integer({ min: 1, max: 1e6 }), cycle: text(20), cycleStart: fc.constant('2026-01-01'), cycleEnd: fc.constant('2026-12-31'),
    title: text(60), level: opt(fc.constantFrom('company', 'team', 'personal' as const)), owner: text(30), team: opt(handle), parent: opt(fc.integer({ min: 1, max: 1e6 })),
    weight: opt(fc.double({ min: 0.01, max: 100, noNaN: true })), status: opt(fc.constantFrom('active', 'closed', 'cancelled' as const)),
  }),
  fc.record({
    type: fc.constant('key_result' as const), ref: fc.integer({ min: 1, max: 1e6 }), objective: fc.integer({ min: 1, max: 1e6 }), title: text(60), owner: text(30),
    kind: fc.constantFrom('increase', 'stay_above', 'stay_below' as const), start: value, target: value, current: opt(value), unit: opt(text(5)),
    confidence: opt(fc.constantFrom('on_track', 'at_risk', 'off_track' as const)), weight: opt(fc.constantFrom(1, 0.5, 100)),
    status: opt(fc.constantFrom('active', 'closed' as const)), pace: opt(fc.constantFrom('linear', 'end_loaded' as const)), kpi: opt(fc.constantFrom('nps', 'churn_rate')),
  }),
);
const kpi: fc.Arbitrary<KpiRecord> = fc.record({
  key: fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/), name: text(40), unit: opt(text(5)), owner: opt(text(20)), team: opt(handle), direction: fc.constantFrom('up', 'down' as const),
  target: opt(value), threshold: fc.constant('between' as const), greenMin: fc.constant(10), greenMax: fc.constant(20), yellowMin: opt(fc.constant(5)), yellowMax: opt(fc.constant(25)),
  frequency: fc.constantFrom('daily', 'weekly', 'monthly', 'quarterly' as const), active: fc.boolean(),
});
const reading = fc.record({ key: fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/), date: fc.constantFrom('2026-01-31', '2024-02-29'), value });

describe('writeCsv then readCsv', () => {
  const roundTrip = <K extends CsvKind>(kind: K, arb: fc.Arbitrary<CsvRecords[K]>) =>
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 12 }), (records) => {
        const back = readCsv(kind, writeCsv(kind, records));
        expect(back.issues).toEqual([]);
        expect(strip(back.records)).toEqual(records);
      }),
    );

  it('should give back any org chart it writes', () => roundTrip('org', org));
  it('should give back any objectives and key results it writes', () => roundTrip('okrs', okr));
  it('should give back any KPI definitions it writes', () => roundTrip('kpis', kpi));
  it('should give back any KPI readings it writes', () => roundTrip('kpi-readings', reading));
});
