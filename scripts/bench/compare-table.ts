import type { ClusterBench } from './cluster-run';
import type { Measure } from './routes';
import { backlogMet, worstBacklog, type SustainedIntake } from './sustained-intake';

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
const p95 = (measure: Measure | undefined): string => (!measure ? 'n/a' : measure.figures.n === 0 ? 'no answer' : ms(measure.figures.p95));
const row = (cells: string[]): string => `${cells[0]!.padEnd(52)} ${cells[1]!.padStart(12)} ${cells[2]!.padStart(12)}   ${cells[3]}`;
const verdict = (value: number | undefined, met: (value: number) => boolean): string => (value === undefined ? '' : met(value) ? 'MET' : 'MISSED');

/** SQLite beside the cluster, one line per figure: p95s, intake, memory, each with its target. */
export function compareTable(sqlite: { measures: Measure[]; intake: SustainedIntake | null; memory: Array<{ name: string; peak: number }> }, cluster: ClusterBench, rssTargetMb: number, intakeTargets: { leadsPerSecond: number; taskLagMs: number }): string[] {
  const lines = [row(['p95 (targets on p95)', 'SQLite', 'cluster', 'target: SQLite / cluster']), '-'.repeat(110)];
  for (const measure of sqlite.measures) {
    const other = cluster.measures.find((candidate) => candidate.name === measure.name);
    const target = measure.target;
    lines.push(row([measure.name, p95(measure), p95(other), target === undefined ? 'none' : `< ${ms(target)}: ${verdict(measure.figures.p95, (v) => v < target)} / ${verdict(other?.figures.p95, (v) => v < target)}`]));
  }
  const intakeRows = (name: string, a: SustainedIntake | null | undefined, b: SustainedIntake | null | undefined) => {
    const rate = (intake: SustainedIntake | null | undefined) => (intake ? `${intake.leadsPerSecond.toFixed(1)}/s` : 'n/a');
    const [worstA, worstB] = [a, b].map((intake) => (intake ? worstBacklog(intake) : null));
    const lag = (worst: ReturnType<typeof worstBacklog> | null | undefined) => (!worst ? 'n/a' : worst.missing ? `${worst.missing} not done` : ms(worst.maxMs));
    const lagMet = (worst: ReturnType<typeof worstBacklog> | null | undefined) => (!worst ? 'n/a' : backlogMet(worst, intakeTargets.taskLagMs) ? 'MET' : 'MISSED');
    lines.push(row([`sustained intake, ${name}: leads/s`, rate(a), rate(b), `≥ ${intakeTargets.leadsPerSecond}/s: ${a ? verdict(a.leadsPerSecond, (v) => v >= intakeTargets.leadsPerSecond) : 'n/a'} / ${b ? verdict(b.leadsPerSecond, (v) => v >= intakeTargets.leadsPerSecond) : 'n/a'}`]));
    lines.push(row([`  lead row → task taken up and deadline armed, worst (${name})`, lag(worstA), lag(worstB), `< ${ms(intakeTargets.taskLagMs)}: ${lagMet(worstA)} / ${lagMet(worstB)}`]));
  };
  intakeRows('1 worker / 2 workers', sqlite.intake, cluster.intake?.twoWorkers);
  intakeRows('1 worker / 1 worker', sqlite.intake, cluster.intake?.oneWorker);
  const peaks = (memory: Array<{ name: string; peak: number }>) => memory.map((entry) => `${entry.name} ${entry.peak.toFixed(0)}`).join(', ');
  lines.push(`peak RSS, MB (target < ${rssTargetMb} each): SQLite ${peaks(sqlite.memory)}; cluster ${peaks(cluster.memory)}`);
  lines.push(`the cluster's volume seed (seed:volume --database-url): ${cluster.seedSeconds.toFixed(0)} s`);
  return lines;
}
