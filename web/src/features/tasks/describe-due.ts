import { timeAgo } from '../../lib/format';

/**
 * A task's due cell. An overdue task whose due time is still ahead (a lead's contact deadline
 * passed before its task existed, and the task got the automation grace) says "Overdue" alone,
 * never "Overdue · in 15 minutes".
 */
export function describeDue(task: { dueAt: string; overdue: boolean }, now = Date.now()): string {
  if (!task.overdue) return timeAgo(task.dueAt, now);
  return Date.parse(task.dueAt) > now ? 'Overdue' : `Overdue · ${timeAgo(task.dueAt, now)}`;
}
