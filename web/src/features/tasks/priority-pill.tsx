import type { TaskPriority } from '../../../../domain/tasks/task.schema';
import { optionLabel } from '../../lib/format';
import { PRIORITY_CLASS } from './task-labels';

/** A task's priority as a coloured word ("High"), wherever a task is shown. */
export function PriorityPill({ priority }: { priority: TaskPriority }) {
  return <span className={`priority ${PRIORITY_CLASS[priority]}`}>{optionLabel(priority)}</span>;
}
