import { describeOnTime } from '../../web/src/features/analytics/describe-on-time';
import { hasChartData } from '../../web/src/features/analytics/has-chart-data';

jest.setTimeout(180_000);

describe('describeOnTime', () => {
  it.each([
    [0, null, 'No tasks completed in this range yet.'],
    [0, 0, 'No tasks completed in this range yet.'],
    [3, 2 / 3, '3 completed in range, 66.7% on time'],
    [12, 1, '12 completed in range, 100% on time'],
  ])('%i completed at rate %p reads "%s"', (completed, rate, sentence) => {
    expect(describeOnTime(completed, rate)).toBe(sentence);
  });
});

describe('hasChartData', () => {
  it.each([
    [[], false],
    [[{ stage: 'New', leads: 0 }, { stage: 'Contacted', leads: 0 }], false],
    [[{ stage: 'New', leads: 0 }, { stage: 'Contacted', leads: 2 }], true],
    [[{ month: '2026-11', revenue: 12_500, deals: 1 }], true],
  ])('%j has something to chart: %s', (rows, expected) => {
    expect(hasChartData(rows)).toBe(expected);
  });
});
