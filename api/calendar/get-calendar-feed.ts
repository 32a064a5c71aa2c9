import ical from 'ical-generator';
import { taskCalendarEvent } from '../../domain/tasks/task-calendar';
import type { TaskPriority } from '../../domain/tasks/task.schema';
import type { Db } from '../../db/client';
import { findCalendarFeedOwner, readOpenTasksOf } from '../../db/queries/calendar-feed';
import { readTaskSubjects } from '../../db/queries/task-subjects';
import { AppError } from '../errors';
import { hashCalendarToken } from './calendar-token';

/** The iCalendar text of a token's owner's open tasks; 404 for a token that is no live link. */
export async function getCalendarFeed(db: Db, token: string, appUrl: string): Promise<string> {
  const owner = await findCalendarFeedOwner(db, hashCalendarToken(token));
  if (!owner) throw new AppError('NOT_FOUND', 'This calendar link does not exist or was reset');
  const tasks = await readOpenTasksOf(db, owner.id);
  const subjects = await readTaskSubjects(db, tasks);
  const calendar = ical({
    name: `Flipstackk tasks: ${owner.name}`,
    description: 'Open tasks assigned to you in Flipstackk',
    prodId: { company: 'Flipstackk', product: 'Tasks', language: 'EN' },
    url: `${appUrl}/tasks`,
    // Calendars that honour it poll again after this long (Google decides on its own).
    ttl: 15 * 60,
  });
  for (const task of tasks) {
    calendar.createEvent(taskCalendarEvent({ ...task, priority: task.priority as TaskPriority, about: subjects.get(task.id)?.label ?? null }, appUrl));
  }
  return calendar.toString();
}
