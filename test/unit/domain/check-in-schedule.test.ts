import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { localDay } from '../../../src/domain/calendar';
import { atLocalTime, dueThisWeek, isoWeekPeriod, type Due, type WeeklySlot } from '../../../src/domain/check-in-schedule';
import { isoWeekday, plusDays, workCalendar, type WorkCalendar } from '../../../src/domain/work-calendar';

const MINUTE = 60_000;
const DAY = 86_400_000;
const cn = workCalendar('cn');
const iso = (d: Date | null | undefined) => d?.toISOString();
const wallClock = (at: Date | number, tz: string) => format(new TZDate(new Date(at).getTime(), tz), 'yyyy-MM-dd HH:mm');

const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns', // -03:30 with DST
  'America/Santiago', // DST starts at midnight: 00:00 is skipped
  'America/Havana', // DST at midnight too
  'Europe/Berlin',
  'Europe/London',
  'Asia/Shanghai',
  'Asia/Kolkata', // +05:30
  'Asia/Kathmandu', // +05:45
  'Australia/Sydney',
  'Australia/Lord_Howe', // 30-minute DST shift
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // +14
  'Pacific/Pago_Pago', // -11
];

/** Every instant whose wall clock in `tz` reads `day time`: all modern offsets are multiples of 15 minutes. */
function occurrences(day: string, time: string, tz: string): number[] {
  const wall = Date.parse(`${day}T${time}:00Z`);
  const found: number[] = [];
  for (let offset = -15 * 60; offset <= 15 * 60; offset += 15) {
    if (tzOffset(tz, new Date(wall - offset * MINUTE)) === offset) found.push(wall - offset * MINUTE);
  }
  return found;
}

/** The first instant on or after `day` 00:00 UTC - 14 h, up to 2 days on, at which `tz` changes offset. */
function transitionNear(tz: string, day: string): number {
  const from = Date.parse(`${day}T00:00:00Z`) - 14 * 3_600_000;
  for (let t = from + 15 * MINUTE; t < from + 2 * DAY; t += 15 * MINUTE) {
    if (tzOffset(tz, new Date(t)) !== tzOffset(tz, new Date(t - 15 * MINUTE))) return t;
  }
  throw new Error(`no transition in ${tz} near ${day}`);
}

// 2026 DST transitions, spring and autumn, including 30-minute, +12:45 and midnight ones.
const DST_DAYS: [string, string][] = [
  ['America/New_York', '2026-03-08'],
  ['America/New_York', '2026-11-01'],
  ['Europe/Berlin', '2026-03-29'],
  ['Europe/Berlin', '2026-10-25'],
  ['Australia/Lord_Howe', '2026-10-04'],
  ['Australia/Lord_Howe', '2026-04-05'],
  ['Pacific/Chatham', '2026-09-27'],
  ['Pacific/Chatham', '2026-04-05'],
  ['America/Santiago', '2026-09-06'],
  ['America/Santiago', '2026-04-05'],
  ['America/St_Johns', '2026-03-08'],
  ['America/Havana', '2026-11-01'],
];

/** A zone, one of its transitions, and a wall-clock time within 2 hours of it (possibly skipped or repeated). */
const nearTransition = fc
  .tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -120, max: 120 }))
  .map(([[tz, day], minutes]) => {
    const transition = transitionNear(tz, day);
    const wall = Date.parse(`${wallClock(transition - MINUTE, tz).replace(' ', 'T')}:00Z`) + MINUTE + minutes * MINUTE;
    const [d, time] = new Date(wall).toISOString().slice(0, 16).split('T') as [string, string];
    return { tz, transition, day: d, time };
  });

describe('isoWeekPeriod', () => {
  it.each([
    ['2026-11-26', '2026-W48'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2026-03-02', '2026-W10'],
  ])('%s is %s', (day, period) => {
    expect(isoWeekPeriod(day)).toBe(period);
  });

  it('rejects a malformed day', () => {
    expect(() => isoWeekPeriod('2026/11/26')).toThrow(RangeError);
  });
});

describe('atLocalTime', () => {
  it.each([
    // [zone, day, time, instant, why]
    ['Asia/Kolkata', '2026-01-01', '09:00', '2026-01-01T03:30:00.000Z', '+05:30'],
    ['Asia/Kathmandu', '2026-01-01', '09:00', '2026-01-01T03:15:00.000Z', '+05:45'],
    ['Pacific/Chatham', '2026-01-01', '09:00', '2025-12-31T19:15:00.000Z', '+13:45 in summer'],
    ['Pacific/Chatham', '2026-07-01', '09:00', '2026-06-30T20:15:00.000Z', '+12:45 in winter'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z', 'gap: read as 03:30 EDT'],
    ['America/New_York', '2026-03-08', '03:30', '2026-03-08T07:30:00.000Z', 'just after the gap'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z', 'repeated: first, EDT'],
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z', 'gap: read as 03:30 CEST'],
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z', 'repeated: first, CEST'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:45:00.000Z', '30-min gap: read as 02:45 +11'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z', 'repeated: first, +11'],
    ['Pacific/Chatham', '2026-09-27', '02:50', '2026-09-26T14:05:00.000Z', 'gap: read as 03:50 +13:45'],
    ['Pacific/Chatham', '2026-04-05', '03:30', '2026-04-04T13:45:00.000Z', 'repeated: first, +13:45'],
    ['America/Santiago', '2026-09-06', '00:00', '2026-09-06T04:00:00.000Z', 'midnight skipped: read as 01:00 -03'],
  ])('%s %s %s is %s (%s)', (tz, day, time, instant) => {
    expect(iso(atLocalTime(day, time, tz))).toBe(instant);
  });

  it('gap times land on the clock later by the gap', () => {
    expect(wallClock(atLocalTime('2026-03-08', '02:30', 'America/New_York'), 'America/New_York')).toBe('2026-03-08 03:30');
    expect(wallClock(atLocalTime('2026-10-04', '02:15', 'Australia/Lord_Howe'), 'Australia/Lord_Howe')).toBe('2026-10-04 02:45');
  });

  it('rejects malformed input', () => {
    expect(() => atLocalTime('2026-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => atLocalTime('2026-01-01', '24:00', 'UTC')).toThrow(RangeError);
    expect(() => atLocalTime('2026-01-01', '9:00', 'UTC')).toThrow(RangeError);
    expect(() => atLocalTime('01/01/2026', '09:00', 'UTC')).toThrow(RangeError);
  });

  it('property: round-trips every wall-clock time that exists, choosing the first of repeated ones', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.integer({ min: Date.UTC(2020, 0, 1) / MINUTE, max: Date.UTC(2030, 0, 1) / MINUTE }), fc.constantFrom(...ZONES)).map(
            ([minute, tz]) => [minute * MINUTE, tz] as const,
          ),
          fc.tuple(nearTransition, fc.integer({ min: -180, max: 180 })).map(([n, m]) => [n.transition + m * MINUTE, n.tz] as const),
        ),
        ([t, tz]) => {
          const [day, time] = wallClock(t, tz).split(' ') as [string, string];
          const at = atLocalTime(day, time, tz).getTime();
          expect(wallClock(at, tz)).toBe(`${day} ${time}`);
          expect(at).toBe(Math.min(...occurrences(day, time, tz)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** dueAt is the first instant the clock shows `time` on the due day, or, if the clock skips it, later by exactly the jump. */
function expectAtSlotClock(due: Due, time: string, tz: string) {
  const found = occurrences(due.localDay, time, tz);
  if (found.length > 0) {
    expect(due.dueAt.getTime()).toBe(Math.min(...found));
    expect(wallClock(due.dueAt, tz)).toBe(`${due.localDay} ${time}`);
  } else {
    const late = Date.parse(`${wallClock(due.dueAt, tz).replace(' ', 'T')}:00Z`) - Date.parse(`${due.localDay}T${time}:00Z`);
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(DAY);
    expect(tzOffset(tz, due.dueAt) - tzOffset(tz, new Date(due.dueAt.getTime() - late))).toBe(late / MINUTE);
  }
}

describe('dueThisWeek', () => {
  const mon10: WeeklySlot = { weekday: 1, time: '10:00' };
  const at = (day: string, time = '12:00', tz = 'Asia/Shanghai') => atLocalTime(day, time, tz);

  it('no workday in the 2026 Spring Festival week: null whatever the slot', () => {
    for (let weekday = 1; weekday <= 7; weekday++) {
      expect(dueThisWeek({ weekday, time: '10:00' }, 'Asia/Shanghai', at('2026-02-18'), cn)).toBeNull();
    }
    // Without a holiday calendar the same week has its check-in.
    expect(dueThisWeek(mon10, 'Asia/Shanghai', at('2026-02-18'))).toEqual({
      period: '2026-W08',
      localDay: '2026-02-16',
      dueAt: new Date('2026-02-16T02:00:00Z'),
    });
  });

  it('a holiday Monday moves the slot to the next workday in the week', () => {
    expect(dueThisWeek(mon10, 'Asia/Shanghai', at('2026-02-27'), cn)).toEqual({
      period: '2026-W09',
      localDay: '2026-02-24',
      dueAt: new Date('2026-02-24T02:00:00Z'),
    });
    expect(dueThisWeek(mon10, 'Asia/Shanghai', at('2026-10-05'), cn)?.localDay).toBe('2026-10-08');
  });

  it('a holiday can move the slot onto a make-up Sunday', () => {
    // 2026-W01: Thu Jan 1 – Sat Jan 3 off, Sunday Jan 4 is worked.
    expect(dueThisWeek({ weekday: 4, time: '09:00' }, 'Asia/Shanghai', at('2025-12-29'), cn)?.localDay).toBe('2026-01-04');
  });

  it('null when the rest of the week is off', () => {
    // 2026-W40: Thu Oct 1 – Sun Oct 4 off.
    expect(dueThisWeek({ weekday: 4, time: '09:00' }, 'Asia/Shanghai', at('2026-09-28'), cn)).toBeNull();
    expect(dueThisWeek({ weekday: 3, time: '09:00' }, 'Asia/Shanghai', at('2026-09-28'), cn)?.localDay).toBe('2026-09-30');
    // 2026-W07: the Sunday is the first day of Spring Festival.
    expect(dueThisWeek({ weekday: 7, time: '09:00' }, 'Asia/Shanghai', at('2026-02-10'), cn)).toBeNull();
  });

  it('weekend slots stay put unless that day is a listed holiday', () => {
    const sat: WeeklySlot = { weekday: 6, time: '09:00' };
    expect(dueThisWeek(sat, 'Asia/Shanghai', at('2026-03-04'), cn)?.localDay).toBe('2026-03-07'); // ordinary Saturday
    expect(dueThisWeek(sat, 'Asia/Shanghai', at('2026-02-10'), cn)?.localDay).toBe('2026-02-14'); // make-up Saturday
    expect(dueThisWeek({ weekday: 7, time: '09:00' }, 'Asia/Shanghai', at('2026-03-04'))?.localDay).toBe('2026-03-08');
    // A Saturday holiday moves to the next workday only if there is one left: the make-up Sunday.
    const sundayWorked = workCalendar('none', [
      { day: '2026-03-07', kind: 'holiday' },
      { day: '2026-03-08', kind: 'workday' },
    ]);
    expect(dueThisWeek(sat, 'UTC', at('2026-03-04', '12:00', 'UTC'), sundayWorked)?.localDay).toBe('2026-03-08');
    expect(dueThisWeek(sat, 'UTC', at('2026-03-04', '12:00', 'UTC'), workCalendar('none', [{ day: '2026-03-07', kind: 'holiday' }]))).toBeNull();
  });

  it("the week is the one containing `now` in the member's zone, not UTC's", () => {
    const now = new Date('2026-11-29T16:30:00Z'); // Sunday in UTC, Monday 00:30 in Shanghai
    expect(dueThisWeek(mon10, 'UTC', now)).toEqual({ period: '2026-W48', localDay: '2026-11-23', dueAt: new Date('2026-11-23T10:00:00Z') });
    expect(dueThisWeek(mon10, 'Asia/Shanghai', now)).toEqual({ period: '2026-W49', localDay: '2026-11-30', dueAt: new Date('2026-11-30T02:00:00Z') });
  });

  it('returns the same due for every instant of the week, including ones already past', () => {
    const due = dueThisWeek(mon10, 'Asia/Shanghai', at('2026-11-23', '00:00'));
    expect(dueThisWeek(mon10, 'Asia/Shanghai', at('2026-11-29', '23:59'))).toEqual(due);
  });

  it('a slot in the spring-forward gap fires an hour later on the clock', () => {
    const due = dueThisWeek({ weekday: 7, time: '02:30' }, 'America/New_York', new Date('2026-03-05T12:00:00Z'));
    expect(due).toEqual({ period: '2026-W10', localDay: '2026-03-08', dueAt: new Date('2026-03-08T07:30:00Z') });
  });

  it('rejects a bad slot', () => {
    expect(() => dueThisWeek({ weekday: 0, time: '10:00' }, 'UTC', new Date())).toThrow(RangeError);
    expect(() => dueThisWeek({ weekday: 8, time: '10:00' }, 'UTC', new Date())).toThrow(RangeError);
    expect(() => dueThisWeek({ weekday: 1, time: '25:00' }, 'UTC', new Date())).toThrow(RangeError);
  });

  // Instants near the 2026 transitions of the DST zones, so the gaps and overlaps get exercised.
  const transitions = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04', '2026-09-27', '2026-09-06', '2026-03-15'];
  const instant = fc.oneof(
    fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }),
    fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -4 * DAY, max: 4 * DAY })).map(([d, ms]) => new Date(Date.parse(`${d}T00:00:00Z`) + ms)),
  );
  const slot = fc.record({
    weekday: fc.integer({ min: 1, max: 7 }),
    time: fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      fc.constantFrom('00:00', '00:30', '01:30', '01:45', '02:00', '02:15', '02:30', '02:50', '03:30'),
    ),
  });

  it('property: without a calendar, the slot day of the local ISO week, at the slot time or later by a DST gap', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), slot, (now, tz, s) => {
        const due = dueThisWeek(s, tz, now)!;
        expect(due).not.toBeNull();
        expect(isoWeekday(due.localDay)).toBe(s.weekday);
        expect(isoWeekPeriod(due.localDay)).toBe(isoWeekPeriod(localDay(now, tz)));
        expect(due.period).toBe(isoWeekPeriod(localDay(now, tz)));
        expectAtSlotClock(due, s.time, tz);
      }),
      { numRuns: 400 },
    );
  });

  it('property: slots within 2 hours of a DST transition, on the transition day', () => {
    fc.assert(
      fc.property(nearTransition, ({ tz, transition, day, time }) => {
        const due = dueThisWeek({ weekday: isoWeekday(day), time }, tz, new Date(transition))!;
        expect(due.localDay).toBe(day);
        expectAtSlotClock(due, time, tz);
      }),
      { numRuns: 300 },
    );
  });

  it('property: with a calendar, a due day is in the same week, on or after the slot day, and only moved off holidays', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Pacific/Chatham'), slot, (now, tz, s) => {
        const due = dueThisWeek(s, tz, now, cn);
        const plain = dueThisWeek(s, tz, now)!;
        if (!cn.holidays.has(plain.localDay)) {
          expect(due).toEqual(plain);
          return;
        }
        if (due === null) {
          for (let d = plusDays(plain.localDay, 1); isoWeekday(d) > isoWeekday(plain.localDay); d = plusDays(d, 1)) {
            expect(cn.holidays.has(d) || (isoWeekday(d) >= 6 && !cn.workdays.has(d))).toBe(true);
          }
          return;
        }
        expect(due.period).toBe(plain.period);
        expect(due.localDay > plain.localDay).toBe(true);
        expect(isoWeekPeriod(due.localDay)).toBe(plain.period);
        expect(cn.holidays.has(due.localDay)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dueThisWeek driven by a 5-minute scheduler tick', () => {
  /**
   * Ticks every 5 minutes over `weeks` local weeks from `firstMonday` and, per ISO week, counts
   * the ticks that see the check-in become due (now >= dueAt while the previous tick did not).
   */
  function simulate(s: WeeklySlot, tz: string, firstMonday: string, weeks: number, cal?: WorkCalendar) {
    const end = atLocalTime(plusDays(firstMonday, 7 * weeks), '00:00', tz).getTime();
    const fired = new Map<string, { at: number; dueAt: number }[]>();
    const dueAts = new Map<string, Set<number>>();
    const periods: string[] = [];
    const wrongPeriods: string[] = [];
    let wasDue = false;
    let lastPeriod = '';
    for (let t = atLocalTime(firstMonday, '00:00', tz).getTime(); t < end; t += 5 * MINUTE) {
      const period = isoWeekPeriod(localDay(new Date(t), tz));
      if (period !== lastPeriod) {
        periods.push(period);
        fired.set(period, []);
        dueAts.set(period, new Set());
        wasDue = false;
        lastPeriod = period;
      }
      const due = dueThisWeek(s, tz, new Date(t), cal);
      if (!due) continue;
      if (due.period !== period) wrongPeriods.push(`${new Date(t).toISOString()}: ${due.period} != ${period}`);
      dueAts.get(period)!.add(due.dueAt.getTime());
      const isDue = t >= due.dueAt.getTime();
      if (isDue && !wasDue) fired.get(period)!.push({ at: t, dueAt: due.dueAt.getTime() });
      wasDue = isDue;
    }
    expect(wrongPeriods).toEqual([]);
    return { periods, fired, dueAts };
  }

  function expectOncePerWeek(s: WeeklySlot, tz: string, firstMonday: string) {
    const { periods, fired, dueAts } = simulate(s, tz, firstMonday, 12);
    expect(periods).toHaveLength(12);
    for (const p of periods) {
      expect(dueAts.get(p)!.size).toBe(1);
      const f = fired.get(p)!;
      expect(f).toHaveLength(1);
      expect(f[0]!.at - f[0]!.dueAt).toBeGreaterThanOrEqual(0);
      expect(f[0]!.at - f[0]!.dueAt).toBeLessThan(5 * MINUTE);
    }
  }

  it.each([
    // [zone, first Monday, slot weekday, slot time]: 12 weeks around a 2026 transition.
    ['America/New_York', '2026-02-09', 7, '02:30'], // spring gap on Sun Mar 8
    ['America/New_York', '2026-09-28', 7, '01:30'], // repeated hour on Sun Nov 1
    ['Europe/Berlin', '2026-03-02', 7, '02:30'], // spring gap on Sun Mar 29
    ['Europe/Berlin', '2026-10-05', 7, '02:30'], // repeated hour on Sun Oct 25
    ['Australia/Lord_Howe', '2026-09-14', 7, '02:15'], // 30-minute gap on Sun Oct 4
    ['America/Santiago', '2026-08-17', 7, '00:00'], // midnight skipped on Sun Sep 6
  ])('%s from %s, slot %i %s: due exactly once per ISO week', (tz, firstMonday, weekday, time) => {
    expectOncePerWeek({ weekday, time }, tz, firstMonday);
  });

  it('property: any slot, New York or Berlin, over their spring and autumn transitions', () => {
    fc.assert(
      fc.property(
        fc.record({ weekday: fc.integer({ min: 1, max: 7 }), time: fc.constantFrom('00:00', '01:30', '02:00', '02:30', '02:59', '03:00', '09:00', '23:55') }),
        fc.constantFrom('America/New_York', 'Europe/Berlin'),
        fc.constantFrom('2026-02-16', '2026-09-28'),
        (s, tz, firstMonday) => expectOncePerWeek(s, tz, firstMonday),
      ),
      { numRuns: 4 },
    );
  });

  it('over Spring Festival 2026 in Shanghai, the holiday week has no check-in and every other week has one', () => {
    const { periods, fired } = simulate({ weekday: 1, time: '10:00' }, 'Asia/Shanghai', '2026-01-19', 12, cn);
    expect(periods).toHaveLength(12);
    const counts = periods.map((p) => [p, fired.get(p)!.length]);
    expect(counts.filter(([, n]) => n !== 1)).toEqual([['2026-W08', 0]]);
    expect(new Date(fired.get('2026-W09')![0]!.at).toISOString()).toBe('2026-02-24T02:00:00.000Z');
  });
});
