/**
 * `npm run test:faults`: the whole stack under `npm start`'s own supervisor, 300 leads at 10/s
 * from a client that retries with the same Idempotency-Key, and a SIGKILL for the worker, the
 * API and the Temporal server during the intake. Then: every acknowledged lead exists once, with
 * one contact task, one overdue follow-up and one notification per supervisor; every deadline
 * fired, and leads posted while Temporal was down got their workflows, within 3 minutes of Temporal
 * being back; the SSE client got every event it may see, in order, once. How late is a figure,
 * printed beside its target (30 s): on a loaded machine it is slower, not lost (issue 10: timings
 * are measured, not asserted). Exits 1 with the list of what did not hold.
 */
import { Client, Connection } from '@temporalio/client';
import { z } from 'zod';
import { openDb } from '../db/client';
import { parseEnv } from '../domain/config/env-fields';
import { leadWorkflowId } from '../domain/workflow-ids';
import { figuresOf } from './bench/stats';
import { checkEventStream, deadlineLatenessMs, findProblems, isSettled, readOutcomes } from './faults/checks';
import { runIntake } from './faults/intake';
import { killDuringIntake, type Outage } from './faults/kill-plan';
import { recordEventStream } from './faults/sse-recorder';
import { logInAsDemoUser } from './lib/log-in';
import { startTempStack } from './lib/temp-stack';

const env = parseEnv(
  z.object({
    FAULT_LEADS: z.coerce.number().int().min(10).max(10_000).default(300),
    FAULT_LEADS_PER_SECOND: z.coerce.number().min(1).max(200).default(10),
    FAULT_CONTACT_SECONDS: z.coerce.number().int().min(10).max(3_600).default(45),
  }),
  process.env,
);
/** The targets for how late a deadline fires, and a workflow starts, after Temporal is back: printed with the figures. */
const TARGET_LATENESS_MS = 30_000;
const TARGET_RECONCILE_MS = 30_000;
/** Past this, a deadline or a workflow start counts as lost: the run waits no longer for it. */
const LOST_AFTER_MS = 180_000;
const runTag = `Fault${Date.now().toString(36)}`;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ms: number, target: number): string => `target max ≤ ${seconds(target)}: ${ms <= target ? 'MET' : 'MISSED (a figure, not a failure)'}`;

async function main(): Promise<number> {
  const contactMs = env.FAULT_CONTACT_SECONDS * 1000;
  const logs: string[] = [];
  let gaveUp: string | null = null;
  // A temp folder the stack removes when it stops.
  const stack = await startTempStack('faults', {
    // A short grace: the default (15 min) would push the 45 s contact deadline out with it.
    env: { DEADLINE_CONTACT: `${env.FAULT_CONTACT_SECONDS}s`, AUTOMATION_GRACE: '5s' },
    log: (line) => {
      logs.push(line);
      if (line.startsWith('[supervisor]')) console.log(line);
    },
    onGiveUp: (reason) => {
      gaveUp = reason;
    },
  });
  const db = await openDb(stack.databaseFile);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const problems: string[] = [];
  try {
    const supervisorIds = (await db.user.findMany({ where: { role: 'SUPERVISOR', active: true }, select: { id: true } })).map((user) => user.id);
    const watcher = await db.user.findFirstOrThrow({ where: { email: 'supervisor@flipstackk.test' } });
    const sse = recordEventStream(`${stack.appUrl}/api/events`, await logInAsDemoUser(stack.appUrl, watcher.email));
    const agentCookie = await logInAsDemoUser(stack.appUrl, 'agent@flipstackk.test');

    console.log(`intake: ${env.FAULT_LEADS} leads at ${env.FAULT_LEADS_PER_SECOND}/s, contact deadline ${env.FAULT_CONTACT_SECONDS} s`);
    const intakeMs = (env.FAULT_LEADS * 1000) / env.FAULT_LEADS_PER_SECOND;
    const outages = killDuringIntake(stack, intakeMs, console.log);
    // Each outage is awaited after the intake; one failing earlier must not crash the run before its report.
    for (const outage of Object.values(outages)) outage.catch(() => undefined);
    const intake = await runIntake({
      appUrl: () => stack.appUrl,
      cookie: agentCookie,
      count: env.FAULT_LEADS,
      perSecond: env.FAULT_LEADS_PER_SECOND,
      runTag,
      giveUpMs: 120_000,
    });
    const temporalOutage: Outage = await outages.temporal;
    await Promise.all([outages.worker, outages.api]);
    console.log(`intake: ${intake.acknowledged.length} acknowledged, ${intake.retries} retries ${JSON.stringify(intake.retryReasons)}, ${intake.failed.length} failed`);
    for (const failure of intake.failed) problems.push(`lead ${failure.key} was never acknowledged: ${failure.error}`);
    problems.push(...intake.duplicateAnswers.map((line) => `a resent key answered another lead: ${line}`));

    // Wait until every acknowledged lead's deadline has fired (or it is clear it will not).
    const backAt = (dueAt: number): number => (dueAt >= temporalOutage.downAt && dueAt <= temporalOutage.upAt ? temporalOutage.upAt : dueAt);
    const lastDue = Math.max(...intake.acknowledged.map((lead) => lead.ackedAt)) + contactMs;
    const settleBy = Math.max(lastDue, temporalOutage.upAt) + LOST_AFTER_MS;
    let read = await readOutcomes(db, runTag, supervisorIds);
    while (Date.now() < settleBy && !intake.acknowledged.every((lead) => isSettled(read.outcomes.get(lead.leadId), supervisorIds))) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      read = await readOutcomes(db, runTag, supervisorIds);
    }
    // Anything fired twice would show up now.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    read = await readOutcomes(db, runTag, supervisorIds);
    problems.push(...findProblems(intake.acknowledged, read.copiesBySeller, read.outcomes, supervisorIds));

    const lateness = figuresOf(deadlineLatenessMs(read.outcomes.values(), contactMs, backAt));
    console.log(`deadlines: n=${lateness.n} lateness p50 ${seconds(lateness.p50)}, p95 ${seconds(lateness.p95)}, max ${seconds(lateness.max)}   ${verdict(lateness.max, TARGET_LATENESS_MS)}`);
    if (lateness.max > LOST_AFTER_MS) problems.push(`a contact deadline fired ${seconds(lateness.max)} late (lost after ${seconds(LOST_AFTER_MS)})`);

    // Leads acknowledged while Temporal was down: their workflows start once it is back.
    const client = new Client({ connection });
    const duringOutage = intake.acknowledged.filter((lead) => lead.ackedAt >= temporalOutage.downAt && lead.ackedAt <= temporalOutage.upAt);
    const startDelays: number[] = [];
    for (const lead of duringOutage) {
      const description = await client.workflow.getHandle(leadWorkflowId(lead.leadId)).describe().catch(() => null);
      if (!description) {
        problems.push(`${lead.sellerName} (posted while Temporal was down) has no workflow`);
        continue;
      }
      startDelays.push(description.startTime.getTime() - temporalOutage.upAt);
    }
    const delays = figuresOf(startDelays);
    console.log(`posted while Temporal was down: ${duringOutage.length} leads; workflow started after its return: p50 ${seconds(delays.p50)}, max ${seconds(delays.max)}   ${verdict(delays.max, TARGET_RECONCILE_MS)}`);
    if (duringOutage.length === 0) problems.push('no lead was acknowledged while Temporal was down (the API must answer then)');
    if (startDelays.length > 0 && delays.max > LOST_AFTER_MS) problems.push(`a lead posted while Temporal was down got its workflow ${seconds(delays.max)} after Temporal was back (lost after ${seconds(LOST_AFTER_MS)})`);

    const lastVisible = await db.event.findFirst({ where: { OR: [{ audienceUserId: null }, { audienceUserId: watcher.id }] }, orderBy: { id: 'desc' }, select: { id: true } });
    if (lastVisible && !(await sse.waitForId(lastVisible.id, 60_000))) problems.push(`the SSE client never reached event ${lastVisible.id}`);
    sse.close();
    problems.push(...(await checkEventStream(db, watcher.id, sse.ids)));
    console.log(`sse: ${sse.ids.length} events received over ${sse.opens()} connections`);

    for (const name of ['worker', 'api', 'temporal'] as const) {
      if (stack.processes[name].restarts() < 1) problems.push(`the supervisor did not restart the ${name}`);
    }
    if (gaveUp) problems.push(`the supervisor gave up: ${gaveUp}`);
  } finally {
    await connection.close();
    await db.$disconnect();
    await stack.stop();
  }

  if (problems.length === 0) {
    console.log('faults: every acknowledged lead exactly once, no deadline lost, every event delivered: PASSED');
    return 0;
  }
  console.log(`faults: ${problems.length} problem(s):\n  ${problems.slice(0, 60).join('\n  ')}`);
  console.log(`the API's log:\n${logs.filter((line) => line.startsWith('[api]')).slice(-60).join('\n')}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
