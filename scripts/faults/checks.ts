import type { Db } from '../../db/client';
import { canSeeEvent } from '../../domain/events/event-name';
import { isContactTaskKey } from '../../domain/tasks/task-automation';
import type { AcknowledgedLead } from './intake';

export interface LeadOutcome {
  leadId: string;
  createdAt: Date;
  contactTasks: number;
  overdueFollowUps: number;
  followUpCreatedAt: Date | null;
  /** Overdue notifications per supervisor id. */
  notifications: Map<string, number>;
}

/** What the database holds for this run's leads: copies per seller, tasks and notifications per lead. */
export async function readOutcomes(db: Db, runTag: string, supervisorIds: string[]) {
  const leads = await db.lead.findMany({ where: { sellerName: { startsWith: `${runTag} Seller ` } }, select: { id: true, sellerName: true, createdAt: true } });
  const copiesBySeller = new Map<string, number>();
  for (const lead of leads) copiesBySeller.set(lead.sellerName, (copiesBySeller.get(lead.sellerName) ?? 0) + 1);

  const leadIds = leads.map((lead) => lead.id);
  const tasks = await db.task.findMany({ where: { leadId: { in: leadIds } }, select: { id: true, leadId: true, automationKey: true, parentTaskId: true, createdAt: true } });
  const notifications = await db.notification.findMany({
    where: { kind: 'LEAD_CONTACT_OVERDUE', recipientId: { in: supervisorIds }, link: { in: leadIds.map((id) => `/leads/${id}`) } },
    select: { recipientId: true, link: true },
  });

  const outcomes = new Map<string, LeadOutcome>();
  for (const lead of leads) {
    const contact = tasks.filter((task) => task.leadId === lead.id && task.automationKey !== null && isContactTaskKey(task.automationKey));
    const contactIds = new Set(contact.map((task) => task.id));
    const followUps = tasks.filter((task) => task.parentTaskId !== null && contactIds.has(task.parentTaskId));
    const perSupervisor = new Map<string, number>();
    for (const note of notifications) {
      if (note.link === `/leads/${lead.id}`) perSupervisor.set(note.recipientId, (perSupervisor.get(note.recipientId) ?? 0) + 1);
    }
    outcomes.set(lead.id, {
      leadId: lead.id,
      createdAt: lead.createdAt,
      contactTasks: contact.length,
      overdueFollowUps: followUps.length,
      followUpCreatedAt: followUps[0]?.createdAt ?? null,
      notifications: perSupervisor,
    });
  }
  return { copiesBySeller, outcomes };
}

/** Every acknowledged lead has its contact task, its one overdue follow-up and one notification per supervisor. */
export function isSettled(outcome: LeadOutcome | undefined, supervisorIds: string[]): boolean {
  return outcome !== undefined && outcome.contactTasks >= 1 && outcome.overdueFollowUps >= 1 && supervisorIds.every((id) => (outcome.notifications.get(id) ?? 0) >= 1);
}

export function findProblems(acknowledged: AcknowledgedLead[], copiesBySeller: Map<string, number>, outcomes: Map<string, LeadOutcome>, supervisorIds: string[]): string[] {
  const problems: string[] = [];
  for (const lead of acknowledged) {
    const copies = copiesBySeller.get(lead.sellerName) ?? 0;
    if (copies !== 1) problems.push(`${lead.sellerName}: ${copies} leads (expected exactly 1)`);
    const outcome = outcomes.get(lead.leadId);
    if (!outcome) {
      problems.push(`${lead.sellerName}: acknowledged id ${lead.leadId} is not in the database`);
      continue;
    }
    if (outcome.contactTasks !== 1) problems.push(`${lead.sellerName}: ${outcome.contactTasks} contact tasks`);
    if (outcome.overdueFollowUps !== 1) problems.push(`${lead.sellerName}: ${outcome.overdueFollowUps} overdue follow-ups`);
    for (const id of supervisorIds) {
      const count = outcome.notifications.get(id) ?? 0;
      if (count !== 1) problems.push(`${lead.sellerName}: ${count} overdue notifications for supervisor ${id}`);
    }
  }
  return problems;
}

/**
 * How late each contact deadline fired: the follow-up's creation against the moment it was due,
 * which is the lead's creation plus the deadline, or Temporal's return when it was down then.
 */
export function deadlineLatenessMs(outcomes: Iterable<LeadOutcome>, contactMs: number, temporalBackAt: (dueAt: number) => number): number[] {
  const lateness: number[] = [];
  for (const outcome of outcomes) {
    if (!outcome.followUpCreatedAt) continue;
    const dueAt = outcome.createdAt.getTime() + contactMs;
    lateness.push(outcome.followUpCreatedAt.getTime() - temporalBackAt(dueAt));
  }
  return lateness;
}

/** The stream's ids against the Events the user may see since the first one it received. */
export async function checkEventStream(db: Db, userId: string, receivedIds: number[]): Promise<string[]> {
  if (receivedIds.length === 0) return ['the SSE client received no event'];
  const problems: string[] = [];
  const seen = new Set<number>();
  for (let index = 0; index < receivedIds.length; index += 1) {
    const id = receivedIds[index]!;
    if (seen.has(id)) problems.push(`event ${id} delivered twice`);
    if (index > 0 && id <= receivedIds[index - 1]!) problems.push(`event ${id} arrived after ${receivedIds[index - 1]} (out of order)`);
    seen.add(id);
  }
  const first = receivedIds[0]!;
  const last = receivedIds[receivedIds.length - 1]!;
  const stored = await db.event.findMany({ where: { id: { gte: first, lte: last } }, select: { id: true, audienceUserId: true }, orderBy: { id: 'asc' } });
  const missing = stored.filter((event) => canSeeEvent(event, userId) && !seen.has(event.id)).map((event) => event.id);
  if (missing.length > 0) problems.push(`${missing.length} visible events never delivered (first: ${missing.slice(0, 10).join(', ')})`);
  return problems.slice(0, 50);
}
