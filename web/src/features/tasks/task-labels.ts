import type { TaskAction, TaskPriority } from '../../../../domain/tasks/task.schema';

export const ACTION_LABELS: Record<TaskAction, string> = {
  start: 'Start',
  submit: 'Submit for review',
  approve: 'Approve',
  reject: 'Reject…',
  complete: 'Complete',
  cancel: 'Cancel task',
};

export const PRIORITY_CLASS: Record<TaskPriority, string> = { HIGH: 'priority-high', MEDIUM: 'priority-medium', LOW: 'priority-low' };

/** An ISO date-time as the value of a `datetime-local` input, in the user's zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (the user's zone) as an ISO date-time; undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Whether an ISO due date has already gone: such a date is only sent with `allowPastDue: true`, after the user said so. */
export const isPastDue = (iso: string | undefined, now = Date.now()): boolean => iso !== undefined && Date.parse(iso) < now;
