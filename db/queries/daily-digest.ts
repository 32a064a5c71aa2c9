import { OPEN_TASK_STATUSES } from '../../domain/tasks/task.schema';
import { readNotificationPreferences, wantsDigest, type NotificationPreferences } from '../../domain/notifications/notification-preferences';
import type { Db } from '../client';
import { readTaskSubjects } from './task-subjects';

/** Lines of a digest are capped so a neglected queue makes a readable e-mail (the app has the rest). */
const DIGEST_LINES = 25;

export interface DigestReader {
  id: string;
  name: string;
  email: string;
  preferences: NotificationPreferences;
}

/** Active users who asked for the daily digest for anything. */
export async function readDigestReaders(db: Db): Promise<DigestReader[]> {
  const users = await db.user.findMany({ where: { active: true, passwordHash: { not: '' } }, select: { id: true, name: true, email: true, notificationPreferences: true } });
  return users
    .map(({ notificationPreferences, ...user }) => ({ ...user, preferences: readNotificationPreferences(notificationPreferences) }))
    .filter((user) => wantsDigest(user.preferences));
}

export interface DigestTask {
  id: string;
  title: string;
  dueAt: Date;
  about: string | null;
}

/** A user's open overdue tasks, open tasks due in [dayStart, dayEnd), and leads given to them since `since`. */
export async function readDigestContent(db: Db, userId: string, window: { dayStart: Date; dayEnd: Date; since: Date }) {
  const open = { assigneeId: userId, status: { in: [...OPEN_TASK_STATUSES] } };
  const select = { id: true, title: true, dueAt: true, leadId: true, buyerId: true, offerId: true } as const;
  const [overdue, dueToday, newLeads] = await Promise.all([
    db.task.findMany({ where: { ...open, overdue: true }, orderBy: { dueAt: 'asc' }, take: DIGEST_LINES, select }),
    db.task.findMany({ where: { ...open, overdue: false, dueAt: { gte: window.dayStart, lt: window.dayEnd } }, orderBy: { dueAt: 'asc' }, take: DIGEST_LINES, select }),
    db.lead.findMany({
      where: { ownerId: userId, archivedAt: null, createdAt: { gte: window.since } },
      orderBy: { createdAt: 'asc' },
      take: DIGEST_LINES,
      select: { id: true, sellerName: true, street: true, city: true, createdAt: true },
    }),
  ]);
  const subjects = await readTaskSubjects(db, [...overdue, ...dueToday]);
  const withSubject = (task: (typeof overdue)[number]): DigestTask => ({ id: task.id, title: task.title, dueAt: task.dueAt, about: subjects.get(task.id)?.label ?? null });
  return { overdue: overdue.map(withSubject), dueToday: dueToday.map(withSubject), newLeads };
}
