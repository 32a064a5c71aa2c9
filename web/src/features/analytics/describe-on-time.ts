/** The sentence under "Overdue tasks by type": "12 completed in range, 83.3% on time", or that none were. */
export function describeOnTime(completed: number, onTimeRate: number | null): string {
  if (completed === 0 || onTimeRate === null) return 'No tasks completed in this range yet.';
  return `${completed} completed in range, ${Math.round(onTimeRate * 1000) / 10}% on time`;
}
