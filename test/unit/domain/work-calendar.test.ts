import fc from 'fast-check';
import { CHINA_CALENDAR_YEARS, CHINA_OFFICIAL_CALENDAR } from '../../../src/domain/china-holidays';
import {
  addWorkdays,
  isoWeekday,
  isWorkday,
  nextWorkday,
  plusDays,
  workCalendar,
  workdaysBetween,
  type CalendarOverride,
} from '../../../src/domain/work-calendar';

const cn = workCalendar('cn');
const none = workCalendar('none');

describe('CHINA_OFFICIAL_CALENDAR', () => {
  it('covers 2025 and 2026', () => {
    expect(CHINA_CALENDAR_YEARS).toEqual([2025, 2026]);
  });

  it.each([
    [2025, 28, 5],
    [2026, 33, 6],
  ])('%i has %i holiday days and %i make-up workdays, each in that year, sorted, unique, disjoint', (year, h, w) => {
    const { holidays, workdays } = CHINA_OFFICIAL_CALENDAR[year]!;
    expect(holidays).toHaveLength(h);
    expect(workdays).toHaveLength(w);
    for (const list of [holidays, workdays]) {
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
      for (const d of list) expect(d.startsWith(`${year}-`)).toBe(true);
    }
    expect(holidays.filter((d) => workdays.includes(d))).toEqual([]);
  });

  it('make-up workdays are all weekend days', () => {
    const all = CHINA_CALENDAR_YEARS.flatMap((y) => CHINA_OFFICIAL_CALENDAR[y]!.workdays);
    expect(all.map(isoWeekday).every((wd) => wd >= 6)).toBe(true);
  });

  it('weekdays match the ones the notices print', () => {
    // 2026: 元旦 1月1日(周四); 春节 2月15日(周日)至23日(周一); 国庆 10月1日(周四)至7日(周三).
    expect(['2026-01-01', '2026-02-15', '2026-02-23', '2026-10-01', '2026-10-07'].map(isoWeekday)).toEqual([4, 7, 1, 4, 3]);
    // 2025: 春节 1月28日(周二)至2月4日(周二); 国庆 10月1日(周三)至8日(周三).
    expect(['2025-01-28', '2025-02-04', '2025-10-01', '2025-10-08'].map(isoWeekday)).toEqual([2, 2, 3, 3]);
  });
});

describe('isWorkday', () => {
  it('the 2026 Spring Festival week has no workday; the make-up Saturdays around it are workdays', () => {
    const week = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'];
    expect(week.map((d) => isWorkday(d, cn))).toEqual([false, false, false, false, false, false, false]);
    expect(isWorkday('2026-02-14', cn)).toBe(true); // Saturday, 调休上班
    expect(isWorkday('2026-02-28', cn)).toBe(true); // Saturday, 调休上班
    expect(isWorkday('2026-02-23', cn)).toBe(false); // Monday, still the holiday
    expect(isWorkday('2026-02-24', cn)).toBe(true);
  });

  it("'none' is plain Mon–Fri", () => {
    expect(['2026-02-16', '2026-02-20', '2026-02-21', '2026-02-22'].map((d) => isWorkday(d, none))).toEqual([true, true, false, false]);
    expect(isWorkday('2026-02-14', none)).toBe(false);
  });

  it('a workspace row wins over the built-in calendar, the last row for a day wins', () => {
    const cal = workCalendar('cn', [
      { day: '2026-02-16', kind: 'workday' },
      { day: '2026-02-14', kind: 'holiday' },
      { day: '2026-03-02', kind: 'holiday' },
      { day: '2026-03-03', kind: 'holiday' },
      { day: '2026-03-03', kind: 'workday' },
    ]);
    expect(isWorkday('2026-02-16', cal)).toBe(true);
    expect(isWorkday('2026-02-14', cal)).toBe(false);
    expect(isWorkday('2026-03-02', cal)).toBe(false);
    expect(isWorkday('2026-03-03', cal)).toBe(true);
    expect(cal.holidays.has('2026-02-16')).toBe(false);
    expect(cal.workdays.has('2026-02-14')).toBe(false);
    // The built-in calendar itself is untouched.
    expect(isWorkday('2026-02-16', cn)).toBe(false);
  });

  it("does not depend on the host's time zone", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Santiago', 'UTC']) {
        process.env.TZ = tz;
        expect(plusDays('2026-09-05', 1)).toBe('2026-09-06'); // Santiago skips midnight on Sep 6
        expect(plusDays('2026-12-31', 1)).toBe('2027-01-01');
        expect(isoWeekday('2026-09-06')).toBe(7);
        expect(isWorkday('2026-10-10', cn)).toBe(true);
      }
    } finally {
      process.env.TZ = saved;
      if (saved === undefined) delete process.env.TZ;
    }
  });

  it('rejects malformed days', () => {
    expect(() => isWorkday('2026-02-30', cn)).toThrow(RangeError);
    expect(() => isWorkday('2026-2-3', cn)).toThrow(RangeError);
    expect(() => workCalendar('none', [{ day: 'tomorrow', kind: 'holiday' }])).toThrow(RangeError);
  });
});

describe('addWorkdays / nextWorkday / workdaysBetween', () => {
  it('addWorkdays skips National Day 2026 and counts the make-up Saturday', () => {
    expect(addWorkdays('2026-09-30', 0, cn)).toBe('2026-09-30');
    expect(addWorkdays('2026-09-30', 1, cn)).toBe('2026-10-08');
    expect(addWorkdays('2026-09-30', 3, cn)).toBe('2026-10-10'); // Saturday 调休上班
    expect(addWorkdays('2026-09-30', 4, cn)).toBe('2026-10-12');
    expect(addWorkdays('2026-09-18', 1, cn)).toBe('2026-09-20'); // Sunday 调休上班
    expect(addWorkdays('2026-09-30', 1, none)).toBe('2026-10-01');
  });

  it('addWorkdays crosses the year end', () => {
    expect(addWorkdays('2025-12-31', 1, cn)).toBe('2026-01-04'); // Jan 1–3 off, Sunday Jan 4 worked
    expect(addWorkdays('2025-12-31', 1, none)).toBe('2026-01-01');
  });

  it('addWorkdays rejects a negative or fractional n', () => {
    expect(() => addWorkdays('2026-01-05', -1, cn)).toThrow(RangeError);
    expect(() => addWorkdays('2026-01-05', 1.5, cn)).toThrow(RangeError);
  });

  it('nextWorkday', () => {
    expect(nextWorkday('2026-10-01', cn)).toBe('2026-10-08');
    expect(nextWorkday('2026-10-10', cn)).toBe('2026-10-10');
    expect(nextWorkday('2026-10-11', cn)).toBe('2026-10-12');
    expect(nextWorkday('2026-10-03', none)).toBe('2026-10-05');
  });

  it('workdaysBetween counts (from, to]', () => {
    expect(workdaysBetween('2026-09-30', '2026-10-08', cn)).toBe(1);
    expect(workdaysBetween('2026-09-30', '2026-09-30', cn)).toBe(0);
    expect(workdaysBetween('2026-10-08', '2026-09-30', cn)).toBe(0);
    expect(workdaysBetween('2026-02-13', '2026-02-28', cn)).toBe(6); // Sat 14, Tue 24 – Fri 27, Sat 28
    expect(workdaysBetween('2026-02-13', '2026-02-28', none)).toBe(10);
  });

  const day = fc.integer({ min: 0, max: 3 * 365 }).map((i) => plusDays('2024-10-01', i));
  const overrides = fc.array(
    fc.record({ day, kind: fc.constantFrom('holiday' as const, 'workday' as const) }),
    { maxLength: 20 },
  );
  const calendar = fc.tuple(fc.constantFrom('cn' as const, 'none' as const), overrides).map(([name, rows]) =>
    workCalendar(name, rows as CalendarOverride[]),
  );

  it('property: workdaysBetween(d, addWorkdays(d, n)) == n, and the result is a workday', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), calendar, (d, n, cal) => {
        const end = addWorkdays(d, n, cal);
        expect(workdaysBetween(d, end, cal)).toBe(n);
        if (n > 0) {
          expect(isWorkday(end, cal)).toBe(true);
          expect(workdaysBetween(d, plusDays(end, -1), cal)).toBe(n - 1);
        } else {
          expect(end).toBe(d);
        }
      }),
    );
  });

  it('property: nextWorkday is the first workday on or after the day', () => {
    fc.assert(
      fc.property(day, calendar, (d, cal) => {
        const next = nextWorkday(d, cal);
        expect(next >= d).toBe(true);
        expect(isWorkday(next, cal)).toBe(true);
        expect(workdaysBetween(plusDays(d, -1), plusDays(next, -1), cal)).toBe(0);
        expect(nextWorkday(d, cal)).toBe(isWorkday(d, cal) ? d : addWorkdays(d, 1, cal));
      }),
    );
  });
});
