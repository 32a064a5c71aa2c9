import { useCallback, useState } from 'react';
import { describeTaskChange, type TaskChangeNotice, type TaskSnapshot } from './describe-task-change';
import type { TaskDetail } from './tasks.api';

type Snapshot = TaskSnapshot;
const snapshotOf = (task: Snapshot): Snapshot => ({ status: task.status, assigneeId: task.assigneeId, dueAt: task.dueAt, priority: task.priority });
const sameAs = (a: Snapshot, b: Snapshot): boolean => a.status === b.status && a.assigneeId === b.assigneeId && a.dueAt === b.dueAt && a.priority === b.priority;

/**
 * The last write wins, so the user is told when someone else changed the task they are looking
 * at. Whatever this tab writes into the cache itself is passed to `acknowledge` first, so only
 * changes that arrive from elsewhere (SSE-driven refetches) are reported.
 */
export function useChangeNotice(task: TaskDetail | undefined, nameOf: (id: string | null) => string) {
  const [seen, setSeen] = useState<Snapshot>();
  const [message, setMessage] = useState<TaskChangeNotice>();
  if (task && (!seen || !sameAs(seen, task))) {
    setSeen(snapshotOf(task));
    if (seen) setMessage(describeTaskChange(seen, task, nameOf));
  }
  return {
    message,
    dismiss: useCallback(() => setMessage(undefined), []),
    acknowledge: useCallback((next: Snapshot) => setSeen(snapshotOf(next)), []),
  };
}
