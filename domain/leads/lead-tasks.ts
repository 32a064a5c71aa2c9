import type { TaskPriority, TaskType } from '../tasks/task.schema';

/** What an automation rule asks for; the activity that saves it adds ids and the assignee. */
export interface AutomaticTaskSpec {
  automationKey: string;
  title: string;
  type: TaskType;
  priority: TaskPriority;
  dueAt: Date;
}

/** A new lead gets "Contact lead within 1 hour", due at creation + the contact deadline. */
export function contactTaskFor(lead: { id: string; createdAt: Date }, contactMs: number): AutomaticTaskSpec {
  return {
    automationKey: `lead:${lead.id}:contact`,
    title: 'Contact lead within 1 hour',
    type: 'LEAD',
    priority: 'HIGH',
    dueAt: new Date(lead.createdAt.getTime() + contactMs),
  };
}

/** A lead still not contacted when its contact deadline passes gets a HIGH follow-up, due now; `key` tells a re-armed deadline's (after unarchiving) from the first. */
export function overdueContactTaskFor(lead: { id: string; sellerName: string }, now: Date, key?: string): AutomaticTaskSpec {
  return {
    automationKey: key ? `lead:${lead.id}:${key}:contact-overdue` : `lead:${lead.id}:contact-overdue`,
    title: `Overdue: contact ${lead.sellerName}`,
    type: 'FOLLOW_UP',
    priority: 'HIGH',
    dueAt: now,
  };
}

/** The contact deadline was missed when, as it fires, the lead is still NEW (and not archived: an archived lead has no automation). */
export function isContactMissed(lead: { status: string; archivedAt?: Date | null }): boolean {
  return lead.status === 'NEW' && !lead.archivedAt;
}

/** The automatic task a status change asks for, or none: back to NEW → contact, CONTACTED → follow-up, QUALIFIED → visit, UNDER_CONTRACT → closing documents. `stepKey` (unique per change) keys it. */
export function statusTaskFor(
  lead: { id: string },
  to: string,
  stepKey: string,
  now: Date,
  deadlines: { contactMs: number; followUpMs: number; visitMs: number; closingMs: number },
): AutomaticTaskSpec | null {
  const due = (ms: number) => new Date(now.getTime() + ms);
  switch (to) {
    case 'NEW': // a dead lead reopened
      return { ...contactTaskFor({ id: lead.id, createdAt: now }, deadlines.contactMs), automationKey: `lead:${lead.id}:${stepKey}:contact` };
    case 'CONTACTED':
      return followUpTaskFor(lead, stepKey, due(deadlines.followUpMs));
    case 'QUALIFIED':
      return { automationKey: `lead:${lead.id}:${stepKey}:visit`, title: 'Schedule property visit', type: 'LEAD', priority: 'MEDIUM', dueAt: due(deadlines.visitMs) };
    case 'UNDER_CONTRACT':
      return { automationKey: `lead:${lead.id}:${stepKey}:closing`, title: 'Prepare closing documents', type: 'LEAD', priority: 'HIGH', dueAt: due(deadlines.closingMs) };
    default:
      return null;
  }
}

/** "Follow up with lead in 3 days": the first on CONTACTED, then one per cadence while the lead stays CONTACTED. */
export function followUpTaskFor(lead: { id: string }, stepKey: string, dueAt: Date): AutomaticTaskSpec {
  return { automationKey: `lead:${lead.id}:${stepKey}:follow-up`, title: 'Follow up with lead in 3 days', type: 'FOLLOW_UP', priority: 'LOW', dueAt };
}
