/** A chart with nothing above zero would be bare axes: the card shows a sentence instead. */
export function hasChartData(rows: object[]): boolean {
  return rows.some((row) => Object.values(row).some((value) => typeof value === 'number' && value !== 0));
}
