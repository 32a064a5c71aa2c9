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

export interface DigestLead {
  id: string;
  sellerName: string;
  street: string;
  city: string;
  /** When the lead became theirs: created for them, or handed to them. */
  at: Date;
  how: 'created' | 'reassigned';
}

export interface DigestAssignment extends DigestTask {
  assignedAt: Date;
}

/** The owner an event's lead snapshot names (every lead event's payload is the lead's JSON). */
const ownerIn = (payload: string): string | null => {
  try {
    const owner = (JSON.parse(payload) as { ownerId?: unknown }).ownerId;
    return typeof owner === 'string' ? owner : null;
  } catch {
    return null;
  }
};

/**
 * Leads handed to the user since `since` that are still theirs: a `lead.updated` event whose
 * snapshot names them as owner where the lead's event before it named someone else.
 */
async function readLeadsReassignedTo(db: Db, userId: string, since: Date): Promise<DigestLead[]> {
  // Events of the window that name the user as owner; a snapshot is JSON.stringify's, without spaces.
  const naming = await db.event.findMany({
    where: { entityType: 'lead', action: 'updated', createdAt: { gte: since }, payload: { contains: `"ownerId":${JSON.stringify(userId)}` } },
    orderBy: { id: 'asc' },
    select: { entityId: true },
  });
  const leadIds = [...new Set(naming.map((event) => event.entityId))];
  if (leadIds.length === 0) return [];
  const leads = await db.lead.findMany({ where: { id: { in: leadIds }, ownerId: userId, archivedAt: null, createdAt: { lt: since } }, select: { id: true, sellerName: true, street: true, city: true } });
  const events = await db.event.findMany({
    where: { entityType: 'lead', entityId: { in: leads.map((lead) => lead.id) }, createdAt: { gte: since } },
    orderBy: { id: 'asc' },
    select: { id: true, entityId: true, payload: true, createdAt: true },
  });
  const found: DigestLead[] = [];
  // One look back per lead handed over in a day: a handful, once a day.
  for (const lead of leads) {
    // The lead's events in the window, after the one before it: each change of owner to the user is a handover.
    const inWindow = events.filter((event) => event.entityId === lead.id);
    if (inWindow.length === 0) continue;
    const before = await db.event.findFirst({ where: { entityType: 'lead', entityId: lead.id, id: { lt: inWindow[0]!.id } }, orderBy: { id: 'desc' }, select: { payload: true } });
    let owner = before ? ownerIn(before.payload) : null;
    let handedAt: Date | undefined;
    for (const event of inWindow) {
      const next = ownerIn(event.payload);
      if (next === userId && owner !== userId) handedAt = event.createdAt;
      owner = next ?? owner;
    }
    if (handedAt) found.push({ ...lead, at: handedAt, how: 'reassigned' });
  }
  return found;
}

/**
 * Open HIGH priority tasks given to the user since `since` (created for them, assigned or handed
 * on to them) that the overdue and due-today lists do not already show.
 */
async function readHighPriorityAssignments(db: Db, userId: string, since: Date, shown: Set<string>): Promise<Array<{ id: string; title: string; dueAt: Date; leadId: string | null; buyerId: string | null; offerId: string | null; assignedAt: Date }>> {
  const tasks = await db.task.findMany({
    where: { assigneeId: userId, priority: 'HIGH', status: { in: [...OPEN_TASK_STATUSES] }, id: { notIn: [...shown] } },
    orderBy: { dueAt: 'asc' },
    select: { id: true, title: true, dueAt: true, leadId: true, buyerId: true, offerId: true },
  });
  if (tasks.length === 0) return [];
  const events = await db.event.findMany({
    where: { entityType: 'task', entityId: { in: tasks.map((task) => task.id) }, action: { in: ['created', 'assigned', 'reassigned'] }, createdAt: { gte: since }, payload: { contains: `"assigneeId":${JSON.stringify(userId)}` } },
    orderBy: { id: 'asc' },
    select: { entityId: true, createdAt: true },
  });
  const assignedAt = new Map(events.map((event) => [event.entityId, event.createdAt]));
  return tasks.flatMap((task) => {
    const at = assignedAt.get(task.id);
    return at ? [{ ...task, assignedAt: at }] : [];
  }).slice(0, DIGEST_LINES);
}

/**
 * A user's open overdue tasks (unless they take overdue alerts never by e-mail), open tasks due in
 * [dayStart, dayEnd), leads given to them since `since` (created for them or reassigned to them),
 * and, when they take HIGH priority assignments in the digest, the open HIGH priority tasks given
 * to them since `since`.
 */
export async function readDigestContent(
  db: Db,
  userId: string,
  window: { dayStart: Date; dayEnd: Date; since: Date },
  options: { highPriorityAssignments?: boolean; overdue?: boolean } = {},
) {
  const open = { assigneeId: userId, status: { in: [...OPEN_TASK_STATUSES] } };
  const select = { id: true, title: true, dueAt: true, leadId: true, buyerId: true, offerId: true } as const;
  const [overdue, dueToday, created, reassigned] = await Promise.all([
    options.overdue === false ? [] : db.task.findMany({ where: { ...open, overdue: true }, orderBy: { dueAt: 'asc' }, take: DIGEST_LINES, select }),
    db.task.findMany({ where: { ...open, overdue: false, dueAt: { gte: window.dayStart, lt: window.dayEnd } }, orderBy: { dueAt: 'asc' }, take: DIGEST_LINES, select }),
    db.lead.findMany({
      where: { ownerId: userId, archivedAt: null, createdAt: { gte: window.since } },
      orderBy: { createdAt: 'asc' },
      take: DIGEST_LINES,
      select: { id: true, sellerName: true, street: true, city: true, createdAt: true },
    }),
    readLeadsReassignedTo(db, userId, window.since),
  ]);
  const newLeads: DigestLead[] = [...created.map(({ createdAt, ...lead }) => ({ ...lead, at: createdAt, how: 'created' as const })), ...reassigned]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(0, DIGEST_LINES);
  const shown = new Set([...overdue, ...dueToday].map((task) => task.id));
  const assigned = options.highPriorityAssignments ? await readHighPriorityAssignments(db, userId, window.since, shown) : [];
  const subjects = await readTaskSubjects(db, [...overdue, ...dueToday, ...assigned]);
  const withSubject = (task: (typeof overdue)[number]): DigestTask => ({ id: task.id, title: task.title, dueAt: task.dueAt, about: subjects.get(task.id)?.label ?? null });
  return {
    overdue: overdue.map(withSubject),
    dueToday: dueToday.map(withSubject),
    newLeads,
    highPriorityAssigned: assigned.map((task): DigestAssignment => ({ ...withSubject(task), assignedAt: task.assignedAt })),
  };
}
