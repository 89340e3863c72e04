import fc from 'fast-check';
import { CONFIDENCES, KEY_RESULT_KINDS } from '../../../../src/domain/key-result';
import type { LagVerdict } from '../../../../src/domain/lag';
import { OBJECTIVE_LEVELS, OBJECTIVE_STATUSES } from '../../../../src/domain/objective';
import { checkInModal } from '../../../../src/slack/blocks/check-in-modal.blocks';
import { homeView } from '../../../../src/slack/blocks/home.blocks';
import { newObjectiveModal } from '../../../../src/slack/blocks/new-objective-modal.blocks';
import { scoreModal } from '../../../../src/slack/blocks/score-modal.blocks';
import { teamSettingsModal } from '../../../../src/slack/blocks/team-settings-modal.blocks';
import type { KeyResultView, ObjectiveView } from '../../../../src/use-cases/views';
import { BEHIND, EN, ZH } from '../../render/fixtures';
import { viewViolations } from './view-check';

// Whatever people type into titles and names, every view stays within Slack's limits (platform-facts
// A5) and no mention or broadcast gets into mrkdwn (A7).

const hostile = fc.oneof(
  fc.constantFrom(
    '<!channel>', '<@U0123ABCD>', '<!subteam^S1|@team>', '<!date^1392734382^{date}|x>', '&lt;!here&gt;', '& < > * _ ~ `', '', ' ', '\n\t',
    'x'.repeat(5_000), '🎉'.repeat(2_600), '提升客户满意度'.repeat(800), '<!here>'.repeat(800), '&'.repeat(3_100), '👩‍👩‍👧‍👦'.repeat(500),
  ),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);
const number = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: true }));
const THRESHOLD: LagVerdict = { lagging: true, severity: 3, reasons: [{ type: 'threshold_broken', threshold: 99.9, currentValue: 98.2 }, { type: 'confidence_falling', falls: 2, confidence: 'off_track' }] };
const ctx = fc.constantFrom(EN, ZH);

const krFields = fc.record({
  title: hostile,
  kind: fc.constantFrom(...KEY_RESULT_KINDS),
  start: number,
  target: number,
  current: fc.option(number),
  unit: fc.constantFrom(null, '%', 'pts', '¥', '<!here>', 'u'.repeat(200)),
  progress: fc.double(),
  confidence: fc.constantFrom(null, ...CONFIDENCES),
  ownerName: hostile,
  status: fc.constantFrom('active', 'active', 'active', ...OBJECTIVE_STATUSES),
  lag: fc.constantFrom(null, BEHIND, THRESHOLD),
});
const keyResults = fc.array(krFields, { maxLength: 40, size: 'max' }).map((list) =>
  list.map((f, i): KeyResultView => ({
    ...f, id: i + 1, ref: `KR-${i + 1}`, objectiveRef: `O-${Math.floor(i / 7) + 1}`, weight: 1, ownerId: 1, lastCheckInAt: null, kpiKey: null,
  })),
);
const objectiveFields = fc.record({
  title: hostile,
  level: fc.constantFrom(...OBJECTIVE_LEVELS),
  ownerName: hostile,
  teamName: fc.option(hostile),
  cycleName: hostile,
  progress: fc.double(),
  status: fc.constantFrom(...OBJECTIVE_STATUSES),
});
type ObjectiveFields = Omit<ObjectiveView, 'id' | 'ref' | 'ownerId' | 'parentRef' | 'weight' | 'keyResults'>;
const toObjective = (f: ObjectiveFields, n: number, krs: KeyResultView[]): ObjectiveView => ({
  ...f, id: n, ref: `O-${n}`, ownerId: 1, parentRef: null, weight: 1, keyResults: krs,
});
/** 0–40 key results spread over up to 12 objectives. */
const objectives = fc.tuple(keyResults, fc.array(objectiveFields, { maxLength: 12, size: 'max' })).map(([krs, os]) =>
  os.map((o, i) => toObjective(o, i + 1, krs.filter((_, k) => k % os.length === i))),
);

const RUNS = { numRuns: 60 };

describe('Slack views under hostile input', () => {
  it('check-in modal', () => {
    fc.assert(
      fc.property(ctx, keyResults, fc.option(fc.constantFrom('KR-3', 'kr30', 'O-1', '<!channel>')), (c, krs, firstRef) => {
        const view = checkInModal(c, krs, firstRef === null ? {} : { firstRef });
        expect(viewViolations(view)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('score modal', () => {
    fc.assert(
      fc.property(ctx, objectiveFields, keyResults, fc.array(fc.double(), { maxLength: 41 }), (c, o, krs, scores) => {
        const objective = toObjective(o, 7, krs);
        const suggested = [...krs.map((kr) => kr.ref), 'O-7'].map((ref, i) => ({ ref, suggested: scores[i] ?? 0.5 }));
        expect(viewViolations(scoreModal(c, objective, suggested))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('home tab', () => {
    fc.assert(
      fc.property(ctx, hostile, objectives, fc.option(fc.record({ name: hostile, progress: fc.double(), members: fc.nat() })), keyResults, fc.option(hostile), (c, memberName, os, team, lagging, cycleName) => {
        // Three copies, so long lists overflow the 100 blocks and the cap is exercised.
        const view = homeView(c, { memberName, objectives: [...os, ...os, ...os], team: team === null ? null : { ...team, lagging }, cycleName });
        expect(viewViolations(view)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('new objective modal', () => {
    fc.assert(
      fc.property(ctx, fc.array(hostile, { maxLength: 150, size: 'max' }), fc.option(hostile), (c, names, initialTitle) => {
        const teams = names.map((name, i) => ({ id: i + 1, name }));
        const view = newObjectiveModal(c, initialTitle === null ? { teams } : { teams, initialTitle });
        expect(viewViolations(view)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('team settings modal', () => {
    fc.assert(
      fc.property(
        ctx,
        fc.record({
          id: fc.nat(),
          name: hostile,
          checkinWeekday: fc.integer({ min: -1, max: 9 }),
          checkinTime: fc.oneof(fc.constantFrom('09:30', '10:00', '21:15', '06:05', '24:00', ''), fc.string({ maxLength: 8 })),
          channelRef: fc.option(fc.oneof(fc.constantFrom('C0123ABCD', 'G0AB12CD'), hostile)),
          lagThreshold: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double()),
          remindAfterHours: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double()),
          escalateAfterWorkdays: fc.oneof(fc.integer({ min: -5, max: 30 }), fc.double()),
          digestAfterHours: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double()),
        }),
        (c, team) => {
          expect(viewViolations(teamSettingsModal(c, team))).toEqual([]);
        },
      ),
      RUNS,
    );
  });
});
