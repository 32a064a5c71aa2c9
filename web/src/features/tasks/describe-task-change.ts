import { fullDate, optionLabel } from '../../lib/format';
import type { TaskDetail } from './tasks.api';

export type TaskSnapshot = Pick<TaskDetail, 'status' | 'assigneeId' | 'dueAt' | 'priority'>;
export interface TaskChangeNotice {
  text: string;
  /** A rejection or cancellation is bad news for the viewer: shown as a warning, anything else as information. */
  tone: 'warning' | 'info';
}

const BAD_NEWS = new Set(['rejected', 'cancelled']);

/** What someone else changed on the task the viewer is looking at, naming who: "Sam Supervisor rejected this: photos missing." */
export function describeTaskChange(before: TaskSnapshot, after: TaskSnapshot & Pick<TaskDetail, 'lastChange'>, nameOf: (id: string | null) => string): TaskChangeNotice {
  const who = after.lastChange?.by ?? 'Automation';
  const action = after.lastChange?.action ?? '';
  const tone = BAD_NEWS.has(action) ? 'warning' : 'info';
  if (before.status !== after.status && BAD_NEWS.has(action)) {
    const reason = after.lastChange?.reason;
    return { text: `${who} ${action} this${reason ? `: ${reason}` : ''}.`, tone };
  }
  const changes: string[] = [];
  if (before.status !== after.status) changes.push(`status is now ${optionLabel(after.status)}`);
  if (before.assigneeId !== after.assigneeId) changes.push(`reassigned to ${nameOf(after.assigneeId)}`);
  if (before.dueAt !== after.dueAt) changes.push(`due date moved to ${fullDate(after.dueAt)}`);
  if (before.priority !== after.priority) changes.push(`priority changed to ${optionLabel(after.priority)}`);
  const verb = before.status !== after.status && action ? action : 'changed';
  return { text: `${who} ${verb} this task: ${changes.join('; ')}.`, tone };
}
