import { parseConfidence } from '../../../../src/domain/command/confidence';
import { parseDate } from '../../../../src/domain/command/dates';

describe('parseDate', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026/12/1', '2026-12-01'],
    ['2026.1.5', '2026-01-05'],
    ['2026年12月1日', '2026-12-01'],
    ['2026年12月1号', '2026-12-01'],
    ['2028-02-29', '2028-02-29'],
    ['２０２６－１２－０１', '2026-12-01'],
  ])('%s', (word, expected) => {
    expect(parseDate(word)).toBe(expected);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-12-00', '12-01', 'tomorrow', '1899-12-31', '26-12-01', ''])(
    'rejects %j',
    (word) => {
      expect(parseDate(word)).toBeNull();
    },
  );
});

describe('parseConfidence', () => {
  it.each([
    ['on-track', 'on_track'], ['on_track', 'on_track'], ['ontrack', 'on_track'], ['On Track', 'on_track'],
    ['green', 'on_track'], ['good', 'on_track'], ['正常', 'on_track'], ['按计划', 'on_track'], ['绿', 'on_track'], ['绿色', 'on_track'],
    ['at-risk', 'at_risk'], ['AT RISK', 'at_risk'], ['risk', 'at_risk'], ['yellow', 'at_risk'], ['有风险', 'at_risk'],
    ['风险', 'at_risk'], ['黄', 'at_risk'], ['黄色', 'at_risk'],
    ['off-track', 'off_track'], ['red', 'off_track'], ['behind', 'off_track'], ['延期', 'off_track'], ['落后', 'off_track'],
    ['红', 'off_track'], ['红色', 'off_track'],
  ])('%s', (word, expected) => {
    expect(parseConfidence(word)).toBe(expected);
  });

  it('rejects other words', () => {
    expect(parseConfidence('blue')).toBeNull();
    expect(parseConfidence('')).toBeNull();
  });
});
