import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { openDb } from '../../db/client';
import { figuresOf, reportLine } from './stats';

export interface SustainedIntake {
  /** Leads acknowledged (201) per second over the window. */
  leadsPerSecond: number;
  created: number;
  /** Lead POST sent → 201, each. */
  post: number[];
  /** A lead's row committed → its first task (the contact task, written by its workflow) committed, each. */
  contactTaskLag: number[];
  /** Leads with no task by the end of the wait. */
  withoutTask: number;
}

/**
 * `clients` clients each POSTing leads back to back for `seconds` (issue 18's sustained intake),
 * then, once every lead has its contact task or `waitMs` has passed, each lead's lag from its row
 * to its contact task's row, read from the database (both stamped by the same clock).
 */
export async function measureSustainedIntake(options: { appUrl: string; cookie: string; databaseFile: string; clients: number; seconds: number; waitMs: number }): Promise<SustainedIntake> {
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
        select: { id: true, createdAt: true, tasks: { select: { createdAt: true }, orderBy: { createdAt: 'asc' }, take: 1 } },
      });
    const waitUntil = Date.now() + options.waitMs;
    let leads = await read();
    while (leads.some((lead) => lead.tasks.length === 0) && Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      leads = await read();
    }
    const contactTaskLag = leads.flatMap((lead) => (lead.tasks[0] ? [lead.tasks[0].createdAt.getTime() - lead.createdAt.getTime()] : []));
    return { leadsPerSecond, created: ids.length, post, contactTaskLag, withoutTask: ids.length - contactTaskLag.length };
  } finally {
    await db.$disconnect();
  }
}

/** The intake's report lines: leads/s, each POST's time and the backlog, beside their targets. */
export function intakeReport(label: string, intake: SustainedIntake, targets: { leadsPerSecond: number; taskLagMs: number }): string[] {
  const lag = figuresOf(intake.contactTaskLag);
  return [
    `${label}: ${intake.created} leads, ${intake.leadsPerSecond.toFixed(1)} leads/s   target ≥ ${targets.leadsPerSecond}/s: ${intake.leadsPerSecond >= targets.leadsPerSecond ? 'MET' : 'MISSED'}`,
    reportLine('  lead POST → 201 during the intake', figuresOf(intake.post)),
    // The backlog: how far behind its lead a contact task was written; the target is on the worst one.
    `${reportLine('  lead row → its contact task row', lag)}   target max < ${targets.taskLagMs} ms: ${intake.withoutTask === 0 && lag.max < targets.taskLagMs ? 'MET' : 'MISSED'}${intake.withoutTask ? ` (${intake.withoutTask} leads got no task within the wait)` : ''}`,
  ];
}
