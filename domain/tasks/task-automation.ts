import type { LeadStatus } from '../leads/lead.schema';
import type { AutomaticTaskSpec } from '../leads/lead-tasks';
import type { TaskType } from './task.schema';

interface AutomatedTask {
  id: string;
  title: string;
  type: TaskType;
  automationKey: string | null;
}

/** The lead's contact task (first run `lead:<id>:contact`, a reopened lead's `lead:<id>:<step>:contact`). */
const CONTACT_TASK_KEY = /^lead:[^:]+:(?:.+:)?contact$/;
const VERIFY_POF_KEY = /^buyer:[^:]+:verify-pof$/;

/** Whether an automation key is a lead's contact task (not its overdue follow-up). */
export const isContactTaskKey = (automationKey: string): boolean => CONTACT_TASK_KEY.test(automationKey);

/** A lead's contact task or its "Overdue: contact" follow-up: both are done once the lead leaves NEW. */
export function isLeadContactTask(automationKey: string | null): boolean {
  return automationKey !== null && (CONTACT_TASK_KEY.test(automationKey) || automationKey.endsWith(':contact-overdue'));
}

/** When a task completes: completing "Contact lead" moves its lead to CONTACTED. */
export function leadStatusImpliedByCompletion(task: AutomatedTask & { leadId: string | null }): LeadStatus | null {
  return task.leadId && task.automationKey && CONTACT_TASK_KEY.test(task.automationKey) ? 'CONTACTED' : null;
}

/** Completing "Verify proof of funds" records the buyer's proof of funds as verified. */
export function completionVerifiesProofOfFunds(task: AutomatedTask & { buyerId: string | null }): boolean {
  return task.buyerId !== null && task.automationKey !== null && VERIFY_POF_KEY.test(task.automationKey);
}

/** "Overdue follow-up for <task>" (`task:<id>:overdue:<due>`) or a lead's "Overdue: contact <seller>" (`…:contact-overdue`). */
const OVERDUE_FOLLOW_UP_KEY = /^task:[^:]+:overdue:|:contact-overdue$/;

/** Whether a task is an automatic follow-up of an overdue task or lead, whatever its type. */
export function isOverdueFollowUp(task: { automationKey: string | null }): boolean {
  return task.automationKey !== null && OVERDUE_FOLLOW_UP_KEY.test(task.automationKey);
}

/**
 * Whether an overdue task gets the system "Overdue follow-up" task. Never for an overdue
 * follow-up itself (known by its automation key, whatever its type: it would chain), nor for
 * system tasks, nor for a lead's contact task, whose lead workflow already creates
 * "Overdue: contact <seller>" and tells the supervisors.
 */
export function getsOverdueFollowUp(task: AutomatedTask): boolean {
  if (task.type === 'SYSTEM' || isOverdueFollowUp(task)) return false;
  return !isLeadContactTask(task.automationKey);
}

const OVERDUE_PREFIX = /^\s*overdue(?::|\s+follow-up\s+for)\s+/i;

/** A task title without its leading "Overdue: " / "Overdue follow-up for " (repeated ones too): `Overdue: contact Ann` → `contact Ann`. */
export function withoutOverduePrefix(title: string): string {
  let rest = title;
  while (OVERDUE_PREFIX.test(rest)) rest = rest.replace(OVERDUE_PREFIX, '');
  return rest;
}

/** An overdue task gets "Overdue follow-up for <task>", a HIGH system task due at once (the grace applies when it is saved), assigned by workload. */
export function overdueFollowUpTaskFor(task: AutomatedTask & { dueAt: Date }, firedAt: Date): AutomaticTaskSpec {
  return {
    automationKey: `task:${task.id}:overdue:${task.dueAt.toISOString()}`,
    title: `Overdue follow-up for ${withoutOverduePrefix(task.title)}`,
    type: 'SYSTEM',
    priority: 'HIGH',
    dueAt: firedAt,
  };
}

export interface CompletionMetrics {
  onTime: boolean;
  minutesToComplete: number;
}

/** Logged with each completion: was it done by its due date, and how long it took from creation. */
export function completionMetrics(task: { dueAt: Date; createdAt: Date }, completedAt: Date): CompletionMetrics {
  return {
    onTime: completedAt.getTime() <= task.dueAt.getTime(),
    minutesToComplete: Math.max(0, Math.round((completedAt.getTime() - task.createdAt.getTime()) / 60_000)),
  };
}
