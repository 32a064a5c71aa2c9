import { useCallback, useState } from 'react';
import { fullDate, humanize } from '../../lib/format';
import type { TaskDetail } from './tasks.api';

type Snapshot = Pick<TaskDetail, 'status' | 'assigneeId' | 'dueAt' | 'priority'>;
const snapshotOf = (task: Snapshot): Snapshot => ({ status: task.status, assigneeId: task.assigneeId, dueAt: task.dueAt, priority: task.priority });
const sameAs = (a: Snapshot, b: Snapshot): boolean => a.status === b.status && a.assigneeId === b.assigneeId && a.dueAt === b.dueAt && a.priority === b.priority;

function describeChanges(before: Snapshot, after: Snapshot, nameOf: (id: string | null) => string): string {
  const changes: string[] = [];
  if (before.status !== after.status) changes.push(`status is now ${humanize(after.status)}`);
  if (before.assigneeId !== after.assigneeId) changes.push(`reassigned to ${nameOf(after.assigneeId)}`);
  if (before.dueAt !== after.dueAt) changes.push(`due date moved to ${fullDate(after.dueAt)}`);
  if (before.priority !== after.priority) changes.push(`priority changed to ${humanize(after.priority)}`);
  return `Someone else changed this task: ${changes.join('; ')}.`;
}

/**
 * The last write wins, so the user is told when someone else changed the task they are looking
 * at. Whatever this tab writes into the cache itself is passed to `acknowledge` first, so only
 * changes that arrive from elsewhere (SSE-driven refetches) are reported.
 */
export function useChangeNotice(task: TaskDetail | undefined, nameOf: (id: string | null) => string) {
  const [seen, setSeen] = useState<Snapshot>();
  const [message, setMessage] = useState<string>();
  if (task && (!seen || !sameAs(seen, task))) {
    setSeen(snapshotOf(task));
    if (seen) setMessage(describeChanges(seen, task, nameOf));
  }
  return {
    message,
    dismiss: useCallback(() => setMessage(undefined), []),
    acknowledge: useCallback((next: Snapshot) => setSeen(snapshotOf(next)), []),
  };
}
