import type { TaskPriority, TaskType } from '../tasks/task.schema';

/** What an automation rule asks for; the activity that saves it adds ids and the assignee. */
export interface AutomaticTaskSpec {
  automationKey: string;
  title: string;
  type: TaskType;
  priority: TaskPriority;
  dueAt: Date;
}

/** SPEC §4: a new lead gets "Contact lead within 1 hour", due at creation + the contact deadline. */
export function contactTaskFor(lead: { id: string; createdAt: Date }, contactMs: number): AutomaticTaskSpec {
  return {
    automationKey: `lead:${lead.id}:contact`,
    title: 'Contact lead within 1 hour',
    type: 'LEAD',
    priority: 'HIGH',
    dueAt: new Date(lead.createdAt.getTime() + contactMs),
  };
}

/** SPEC §4: a lead still not contacted when its contact deadline passes gets a HIGH follow-up, due now. */
export function overdueContactTaskFor(lead: { id: string; sellerName: string }, now: Date): AutomaticTaskSpec {
  return {
    automationKey: `lead:${lead.id}:contact-overdue`,
    title: `Overdue: contact ${lead.sellerName}`,
    type: 'FOLLOW_UP',
    priority: 'HIGH',
    dueAt: now,
  };
}

/** The contact deadline was missed when, as it fires, the lead is still NEW. */
export function isContactMissed(lead: { status: string }): boolean {
  return lead.status === 'NEW';
}
