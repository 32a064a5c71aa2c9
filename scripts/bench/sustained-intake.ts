import { Client, Connection } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { leadWorkflowId } from '../../domain/workflow-ids';
import { openDb } from '../../db/client';
import { figuresOf, reportLine } from './stats';

export interface SustainedIntake {
  /** Leads acknowledged (201) per second over the window. */
  leadsPerSecond: number;
  created: number;
  /** Lead POST sent → 201, each. */
  post: number[];
  /**
   * The workflows' backlog: a lead's row committed → its contact task taken up by the lead's
   * workflow (the task's own workflow has assigned it), each. The task row itself is written with
   * the lead, so its creation says nothing about how far behind the automation runs.
   */
  automationLag: number[];
  /** Leads whose contact task no workflow had taken up by the end of the wait. */
  notTakenUp: number;
  /**
   * The lead workflows' backlog: a lead's row committed → its own workflow armed the contact
   * deadline (its run's first timer), each. The API starts the contact task's workflow beside the
   * lead's, so the task can be taken up before the lead's run has done its first step.
   */
  deadlineLag: number[];
  /** Leads whose workflow had not armed the deadline by the end of the wait. */
  notArmed: number;
}

/** The worst lag of either step over the intake's leads, and the larger count of leads one step had not reached by the end of the wait. */
export function worstBacklog(intake: SustainedIntake): { maxMs: number; missing: number } {
  return { maxMs: Math.max(0, ...intake.automationLag, ...intake.deadlineLag), missing: Math.max(intake.notTakenUp, intake.notArmed) };
}

/** The backlog target: every lead reached both steps within the wait, the worst within `targetMs`. */
export const backlogMet = (worst: { maxMs: number; missing: number }, targetMs: number): boolean => worst.missing === 0 && worst.maxMs < targetMs;

// Histories read at once while the backlog is read back.
const PARALLEL_READS = 8;

/** When each lead's workflow armed its contact deadline (its first TimerStarted, Temporal's clock: the same machine's), for those that have. */
async function deadlinesArmedAt(client: Client, leadIds: string[]): Promise<Map<string, number>> {
  const armed = new Map<string, number>();
  const queue = [...leadIds];
  const reader = async (): Promise<void> => {
    for (let leadId = queue.shift(); leadId !== undefined; leadId = queue.shift()) {
      const history = await client.workflow.getHandle(leadWorkflowId(leadId)).fetchHistory().catch(() => undefined);
      const timer = history?.events?.find((event) => event.timerStartedEventAttributes);
      if (timer?.eventTime) armed.set(leadId, tsToMs(timer.eventTime));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, reader));
  return armed;
}

/**
 * `clients` clients each POSTing leads back to back for `seconds` (issue 18's sustained intake),
 * then, once every lead's contact task has been taken up by its workflow or `waitMs` has passed,
 * each lead's lag from its row to that moment, read from the database (both stamped by the same clock).
 */
export async function measureSustainedIntake(options: { appUrl: string; cookie: string; databaseFile: string; temporalAddress: string; clients: number; seconds: number; waitMs: number }): Promise<SustainedIntake> {
  const tag = `Intake${Date.now().toString(36)}`;
  const post: number[] = [];
  const ids: string[] = [];
  const until = performance.now() + options.seconds * 1000;
  let sequence = 0;
  const client = async (): Promise<void> => {
    while (performance.now() < until) {
      sequence += 1;
      const started = performance.now();
      const response = await fetch(`${options.appUrl}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'script', cookie: options.cookie },
        body: JSON.stringify({ sellerName: `${tag} Seller ${sequence}`, street: `${sequence} ${tag} St`, city: 'Dayton', state: 'OH', zip: '45402' }),
      });
      if (response.status !== 201) throw new Error(`POST /api/leads answered ${response.status}: ${await response.text()}`);
      post.push(performance.now() - started);
      ids.push(((await response.json()) as { id: string }).id);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: options.clients }, client));
  const leadsPerSecond = ids.length / ((performance.now() - began) / 1000);

  const db = await openDb(options.databaseFile);
  try {
    // By the run's tag, not by id: thousands of ids are more parameters than one statement takes.
    const read = () =>
      db.lead.findMany({
        where: { sellerName: { startsWith: `${tag} ` } },
        select: { id: true, createdAt: true, tasks: { select: { status: true, updatedAt: true }, orderBy: { createdAt: 'asc' }, take: 1 } },
      });
    // Nothing else touches these tasks, so a task past CREATED was last updated when its workflow assigned it.
    const takenUp = (lead: Awaited<ReturnType<typeof read>>[number]) => lead.tasks[0] !== undefined && lead.tasks[0].status !== 'CREATED';
    const waitUntil = Date.now() + options.waitMs;
    let leads = await read();
    while (!leads.every(takenUp) && Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      leads = await read();
    }
    const automationLag = leads.filter(takenUp).map((lead) => lead.tasks[0]!.updatedAt.getTime() - lead.createdAt.getTime());

    const connection = await Connection.connect({ address: options.temporalAddress });
    try {
      const client = new Client({ connection });
      const armedAt = new Map<string, number>();
      for (;;) {
        for (const [leadId, at] of await deadlinesArmedAt(client, leads.map((lead) => lead.id).filter((id) => !armedAt.has(id)))) armedAt.set(leadId, at);
        if (armedAt.size === leads.length || Date.now() >= waitUntil) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      const deadlineLag = leads.filter((lead) => armedAt.has(lead.id)).map((lead) => armedAt.get(lead.id)! - lead.createdAt.getTime());
      return { leadsPerSecond, created: ids.length, post, automationLag, notTakenUp: ids.length - automationLag.length, deadlineLag, notArmed: ids.length - deadlineLag.length };
    } finally {
      await connection.close();
    }
  } finally {
    await db.$disconnect();
  }
}

/** The intake's report lines: leads/s, each POST's time and the two backlogs, beside their targets. */
export function intakeReport(label: string, intake: SustainedIntake, targets: { leadsPerSecond: number; taskLagMs: number }): string[] {
  const worst = worstBacklog(intake);
  const missing = (count: number, what: string): string => (count ? ` (${count} leads ${what} within the wait)` : '');
  return [
    `${label}: ${intake.created} leads, ${intake.leadsPerSecond.toFixed(1)} leads/s   target ≥ ${targets.leadsPerSecond}/s: ${intake.leadsPerSecond >= targets.leadsPerSecond ? 'MET' : 'MISSED'}`,
    reportLine('  lead POST → 201 during the intake', figuresOf(intake.post)),
    // The backlogs: how far behind its lead the automation took each step; the target is on the worst of both.
    `${reportLine('  lead row → its contact task taken up by its workflow', figuresOf(intake.automationLag))}${missing(intake.notTakenUp, 'not taken up')}`,
    `${reportLine("  lead row → its own workflow armed the contact deadline", figuresOf(intake.deadlineLag))}${missing(intake.notArmed, 'not armed')}`,
    `  the worst of both: ${worst.maxMs.toFixed(0)} ms   target max < ${targets.taskLagMs} ms: ${backlogMet(worst, targets.taskLagMs) ? 'MET' : 'MISSED'}`,
  ];
}
