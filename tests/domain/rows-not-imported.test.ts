import { rowsNotImported } from '../../domain/imports/rows-not-imported';

describe('rowsNotImported', () => {
  it.each([
    ['CANCELLED', 12_000, 3_250, 8_750],
    ['CANCELLED', 12_000, 12_000, 0],
    ['FAILED', 5_000, 1_000, 4_000],
    // A file that could not be read failed before it was counted.
    ['FAILED', 0, 0, 0],
    ['COMPLETED', 6, 6, 0],
    // A running import's rest is still to come, not left out.
    ['RUNNING', 12_000, 3_250, 0],
    ['QUEUED', 0, 0, 0],
  ] as const)('%s with %i rows, %i read → %i not imported', (status, total, processed, notImported) => {
    expect(rowsNotImported({ status, total, processed })).toBe(notImported);
  });
});
