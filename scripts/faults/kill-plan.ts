import { temporalAnswers, type Stack, type StackProcessName } from '../lib/stack';

export interface Outage {
  name: StackProcessName;
  downAt: number;
  /** When it answered again (its restart by the supervisor, then readiness). */
  upAt: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(stack: Stack, name: StackProcessName): Promise<boolean> {
  try {
    if (name === 'temporal') return await temporalAnswers(stack.temporalAddress);
    if (name === 'api') return (await fetch(`${stack.appUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok;
    return true; // the worker has no port: its restart is what can be seen
  } catch {
    return false;
  }
}

async function killAt(stack: Stack, name: StackProcessName, atMs: number, started: number, log: (line: string) => void): Promise<Outage> {
  await sleep(Math.max(0, started + atMs - Date.now()));
  const supervised = stack.processes[name];
  const restartsBefore = supervised.restarts();
  const downAt = Date.now();
  log(`faults: SIGKILL ${name} (pid ${supervised.current().child.pid ?? '?'}) ${((downAt - started) / 1000).toFixed(1)} s into the intake`);
  supervised.current().child.kill('SIGKILL');
  for (;;) {
    await sleep(250);
    if (supervised.restarts() > restartsBefore && (await answers(stack, name))) break;
    if (Date.now() - downAt > 180_000) throw new Error(`${name} did not come back within 3 minutes of its SIGKILL`);
  }
  const upAt = Date.now();
  log(`faults: ${name} back after ${((upAt - downAt) / 1000).toFixed(1)} s`);
  return { name, downAt, upAt };
}

/** SIGKILLs the worker, then the API, then the Temporal server, each once while the intake runs. */
export function killDuringIntake(stack: Stack, intakeMs: number, log: (line: string) => void): Record<StackProcessName, Promise<Outage>> {
  const started = Date.now();
  return {
    worker: killAt(stack, 'worker', intakeMs * 0.2, started, log),
    api: killAt(stack, 'api', intakeMs * 0.45, started, log),
    temporal: killAt(stack, 'temporal', intakeMs * 0.7, started, log),
  };
}
