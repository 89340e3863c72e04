import fc from 'fast-check';
import { KPI_FREQUENCIES, type KpiBand } from '../../../src/domain/kpi';
import {
  bandWorsened, belowTargetStreak, evaluateKpiHealth, isBelowTarget, latestPerPeriod, periodIndex, streakWindowStart,
  type KpiHealthMemory, type KpiHealthSpec, type KpiObservation,
} from '../../../src/domain/kpi-health';

const spec = (over: Partial<KpiHealthSpec> = {}): KpiHealthSpec => ({
  kind: 'at_least', greenMin: 40, greenMax: null, yellowMin: 30, yellowMax: null, direction: 'up', target: 45, frequency: 'weekly', alertAfter: 3, ...over,
});

const DAY0 = Date.UTC(2024, 0, 1);
const dayOf = (offset: number): string => new Date(DAY0 + offset * 86_400_000).toISOString().slice(0, 10);
const frequency = fc.constantFrom(...KPI_FREQUENCIES);
const reading = fc.record({ on: fc.integer({ min: 0, max: 1500 }).map(dayOf), value: fc.integer({ min: 0, max: 100 }) });
const readings = fc.array(reading, { maxLength: 40 });
const sortedByDay = (rs: readonly KpiObservation[]): KpiObservation[] => [...rs].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

describe('periodIndex', () => {
  it('should never go back, and move by at most one period from one day to the next', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), frequency, (d, f) => {
        const step = periodIndex(dayOf(d + 1), f) - periodIndex(dayOf(d), f);
        expect(step === 0 || step === 1).toBe(true);
      }),
    );
  });

  it('should start weeks on Monday and months and quarters on their first day', () => {
    expect(periodIndex('2026-11-16', 'weekly') - periodIndex('2026-11-15', 'weekly')).toBe(1);
    expect(periodIndex('2026-11-22', 'weekly')).toBe(periodIndex('2026-11-16', 'weekly'));
    expect(periodIndex('2026-12-01', 'monthly') - periodIndex('2026-11-30', 'monthly')).toBe(1);
    expect(periodIndex('2026-10-01', 'quarterly') - periodIndex('2026-09-30', 'quarterly')).toBe(1);
    expect(periodIndex('2026-11-30', 'quarterly')).toBe(periodIndex('2026-10-01', 'quarterly'));
  });
});

describe('latestPerPeriod', () => {
  it('should keep one reading per period, in period order, the latest by day and then by arrival', () => {
    fc.assert(
      fc.property(readings, frequency, (rs, f) => {
        const out = latestPerPeriod(rs, f);
        for (let i = 1; i < out.length; i++) expect(out[i]!.period).toBeGreaterThan(out[i - 1]!.period);
        expect(out.length).toBe(new Set(rs.map((r) => periodIndex(r.on, f))).size);
        for (const p of out) {
          const same = rs.filter((r) => periodIndex(r.on, f) === p.period);
          const lastDay = same.reduce((m, r) => (r.on > m ? r.on : m), '');
          expect(p).toEqual({ ...same.filter((r) => r.on === lastDay).at(-1), period: p.period });
        }
      }),
    );
  });
});

describe('belowTargetStreak', () => {
  it('should be zero when the latest period is on target, and never more than the periods seen', () => {
    fc.assert(
      fc.property(readings, frequency, (rs, f) => {
        const s = spec({ frequency: f });
        const periods = latestPerPeriod(rs, f);
        const streak = belowTargetStreak(rs, s);
        expect(streak).toBeLessThanOrEqual(periods.length);
        expect(streak > 0).toBe(periods.length > 0 && isBelowTarget(periods.at(-1)!.value, s));
      }),
    );
  });

  it('should be the same from the readings in the streak window as from all, up to N', () => {
    fc.assert(
      fc.property(readings, frequency, fc.integer({ min: 1, max: 8 }), (rs, f, n) => {
        fc.pre(rs.length > 0);
        const s = spec({ frequency: f, alertAfter: n });
        const latest = sortedByDay(rs).at(-1)!.on;
        const window = rs.filter((r) => r.on >= streakWindowStart(latest, f, n));
        expect(Math.min(n, belowTargetStreak(window, s))).toBe(Math.min(n, belowTargetStreak(rs, s)));
      }),
    );
  });

  it('should count below target the way the direction says', () => {
    expect(isBelowTarget(44, spec())).toBe(true);
    expect(isBelowTarget(45, spec())).toBe(false);
    expect(isBelowTarget(3, spec({ direction: 'down', target: 2 }))).toBe(true);
    expect(isBelowTarget(2, spec({ direction: 'down', target: 2 }))).toBe(false);
    expect(isBelowTarget(39, spec({ target: null }))).toBe(true);
    expect(isBelowTarget(-1e9, spec({ target: null, greenMin: null }))).toBe(false);
  });
});

const band = fc.constantFrom<KpiBand>('green', 'yellow', 'red');
const memory: fc.Arbitrary<KpiHealthMemory | null> = fc.option(fc.record({ band, streakAlerted: fc.boolean() }), { nil: null });

describe('evaluateKpiHealth', () => {
  it('should alert on the band only when it got worse than the remembered one', () => {
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 20 }), memory, (rs, m) => {
        const v = evaluateKpiHealth(spec({ alertAfter: 52 }), rs, m)!;
        expect(v.bandBefore).toBe(m?.band ?? 'green');
        expect(v.reasons.some((r) => r.kind === 'band_worsened')).toBe(bandWorsened(v.bandBefore, v.band));
      }),
    );
  });

  it('should not alert twice when nothing changed', () => {
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 30 }), frequency, fc.integer({ min: 1, max: 5 }), memory, (rs, f, n, m) => {
        const s = spec({ frequency: f, alertAfter: n });
        const first = evaluateKpiHealth(s, rs, m)!;
        const second = evaluateKpiHealth(s, rs, first.memory)!;
        expect(second.reasons).toEqual([]);
        expect(second.memory).toEqual(first.memory);
      }),
    );
  });

  it('should alert a below-target streak once per streak, fed one period at a time', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), (below, n) => {
        const s = spec({ frequency: 'daily', alertAfter: n, greenMin: null, yellowMin: null });
        const rs: KpiObservation[] = [];
        let m: KpiHealthMemory | null = null;
        let alerts = 0;
        below.forEach((b, i) => {
          rs.push({ on: dayOf(i), value: b ? 10 : 50 });
          const v = evaluateKpiHealth(s, rs, m)!;
          alerts += v.reasons.filter((r) => r.kind === 'below_target').length;
          m = v.memory;
        });
        // Runs of at least n consecutive below-target days, each alerted exactly once.
        const runs = below.map((b) => (b ? '1' : '0')).join('').split('0').filter((run) => run.length >= n).length;
        expect(alerts).toBe(runs);
      }),
    );
  });

  it('should give nothing to evaluate without readings, and both reasons when both are due', () => {
    expect(evaluateKpiHealth(spec(), [], null)).toBeNull();
    const rs = ['2026-11-02', '2026-11-09', '2026-11-16'].map((on) => ({ on, value: 20 }));
    expect(evaluateKpiHealth(spec(), rs, { band: 'red', streakAlerted: false })!.reasons).toEqual([{ kind: 'below_target', periods: 3 }]);
    expect(evaluateKpiHealth(spec(), rs, null)!.reasons).toEqual([
      { kind: 'band_worsened', from: 'green', to: 'red' },
      { kind: 'below_target', periods: 3 },
    ]);
  });
});
