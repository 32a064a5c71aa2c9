import { OPEN_TASK_STATUSES } from '../../domain/tasks/task.schema';
import type { Db } from '../client';

/** The most events a feed lists: a person's open work, soonest first. */
const MAX_FEED_TASKS = 5_000;

/** A user's calendar link, or null when they have none yet. */
export function readCalendarFeed(db: Db, userId: string) {
  return db.calendarFeed.findUnique({ where: { userId } });
}

/** The active user a calendar token's hash belongs to; null for an unknown, reset or deactivated one. */
export async function findCalendarFeedOwner(db: Db, tokenHash: string): Promise<{ id: string; name: string } | null> {
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash }, select: { user: { select: { id: true, name: true, active: true } } } });
  return feed?.user.active ? { id: feed.user.id, name: feed.user.name } : null;
}

/** The open tasks assigned to a user, soonest due first. */
export function readOpenTasksOf(db: Db, userId: string) {
  return db.task.findMany({
    where: { assigneeId: userId, status: { in: [...OPEN_TASK_STATUSES] } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: MAX_FEED_TASKS,
  });
}
