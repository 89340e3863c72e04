/**
 * English strings drawn into the PNG charts (`chart.*` in the catalog): legends, markers and the
 * placeholder shown when there is nothing to plot yet.
 */
export const chartsEn = {
  legend: {
    actual: 'Progress',
    expected: 'Expected pace',
    target: 'Target',
    today: 'Today',
    readings: 'Readings',
    green: 'Healthy',
    yellow: 'Watch',
    red: 'Off track',
  },
  marker: {
    start: 'Start {value}',
    target: 'Target {value}',
    today: 'Today',
  },
  empty: {
    keyResult: 'No check-ins yet',
    kpi: 'No readings yet',
  },
};
