import { TASK_PRIORITY_LABELS } from '../labels/task-labels';
import type { TaskPriority } from './task.schema';

/** How long a task's event lasts in a calendar: its due time is when it starts. */
export const TASK_EVENT_MINUTES = 30;

/** iCalendar's PRIORITY (RFC 5545): 1 is the highest, 5 medium, 9 the lowest. */
export const ICAL_PRIORITY: Record<TaskPriority, number> = { HIGH: 1, MEDIUM: 5, LOW: 9 };

export interface CalendarTask {
  id: string;
  title: string;
  priority: TaskPriority;
  dueAt: Date;
  updatedAt: Date;
  createdAt: Date;
  /** What it is about, named ("Jane Doe, 12 Oak St, Dayton"); null for a task about nothing. */
  about: string | null;
}

/**
 * A task as a calendar event: from its due time for half an hour, its title, its priority (as
 * iCalendar's), a link to the task in the app, and what it is about in the description.
 */
export function taskCalendarEvent(task: CalendarTask, appUrl: string) {
  const url = `${appUrl}/tasks/${encodeURIComponent(task.id)}`;
  const lines = [task.about ? `About: ${task.about}` : null, `Priority: ${TASK_PRIORITY_LABELS[task.priority]}`, url].filter((line): line is string => line !== null);
  return {
    id: `task-${task.id}@flipstackk`,
    start: task.dueAt,
    end: new Date(task.dueAt.getTime() + TASK_EVENT_MINUTES * 60_000),
    summary: task.title,
    description: lines.join('\n'),
    url,
    priority: ICAL_PRIORITY[task.priority],
    created: task.createdAt,
    lastModified: task.updatedAt,
    stamp: task.updatedAt,
  };
}
