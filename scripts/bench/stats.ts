export interface Figures {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function figuresOf(values: readonly number[]): Figures {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
}

/**
 * One line of the report: the figures; when there is a target, whether p95 meets it; when there is a
 * floor (the same kind of answer with no work in it, measured in the same run), p95 as a multiple of the floor's.
 */
export function reportLine(name: string, figures: Figures, target?: number, floorP95?: number): string {
  if (figures.n === 0) return `${name.padEnd(50)} n=0      no answer within the measure${target === undefined ? '' : `   target p95 < ${target} ms: MISSED`}`;
  const verdict = target === undefined ? '' : `   target p95 < ${target} ms: ${figures.p95 < target ? 'MET' : 'MISSED'}`;
  const ratio = floorP95 ? `   ×${(figures.p95 / floorP95).toFixed(1)} the floor` : '';
  return `${name.padEnd(50)} n=${String(figures.n).padEnd(6)} p50=${figures.p50.toFixed(1)} ms  p95=${figures.p95.toFixed(1)} ms  max=${figures.max.toFixed(1)} ms${verdict}${ratio}`;
}
