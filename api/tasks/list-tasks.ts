import { OPEN_TASK_STATUSES, TASK_PRIORITIES, type ListTasksQuery, type Task, type TaskPriority } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db, Prisma } from '../../prisma/db';
import { toTaskJson } from '../../prisma/to-json';
import { AppError } from '../errors';
import { pageArgs, toPage } from '../paginate';

const DAY_MS = 86_400_000;

function serverMidnight(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

function dueWhere(query: ListTasksQuery, now: Date): Prisma.TaskWhereInput {
  const dueAt: Prisma.DateTimeFilter = {};
  if (query.dueFrom) dueAt.gte = new Date(query.dueFrom);
  if (query.dueTo) dueAt.lt = new Date(query.dueTo);
  if (!query.due) return Object.keys(dueAt).length ? { dueAt } : {};
  const dayStart = query.dayStart ? new Date(query.dayStart) : serverMidnight(now);
  const open = { status: { in: [...OPEN_TASK_STATUSES] } };
  if (query.due === 'overdue') return { ...open, dueAt: { ...dueAt, lt: now } };
  const days = query.due === 'today' ? 1 : 7;
  return { ...open, dueAt: { ...dueAt, lt: new Date(dayStart.getTime() + days * DAY_MS) } };
}

function viewWhere(query: ListTasksQuery, user: PublicUser): Prisma.TaskWhereInput {
  if (query.view === 'mine') return { assigneeId: user.id };
  if (query.view === 'review') return { status: 'PENDING_REVIEW' };
  return {};
}

export function taskWhere(query: ListTasksQuery, user: PublicUser, now = new Date()): Prisma.TaskWhereInput {
  if (query.dueFrom && query.dueTo && query.dueFrom >= query.dueTo) {
    throw new AppError('VALIDATION_FAILED', 'dueTo must be after dueFrom', { dueTo: 'must be after dueFrom' });
  }
  return {
    AND: [
      viewWhere(query, user),
      dueWhere(query, now),
      query.status ? { status: { in: query.status } } : {},
      query.priority ? { priority: { in: query.priority } } : {},
      query.type ? { type: { in: query.type } } : {},
      query.assigneeId ? { assigneeId: query.assigneeId } : {},
      query.leadId ? { leadId: query.leadId } : {},
      query.buyerId ? { buyerId: query.buyerId } : {},
      query.offerId ? { offerId: query.offerId } : {},
    ],
  };
}

type TaskPage = { items: Task[]; nextCursor: string | null };

/**
 * Priority is stored as text, whose order is not HIGH → MEDIUM → LOW; the list walks the
 * priorities one after the other instead, with a cursor `<priority>:<id>`.
 */
async function listByPriority(db: Db, where: Prisma.TaskWhereInput, query: ListTasksQuery): Promise<TaskPage> {
  const order = query.sort === 'priority' ? [...TASK_PRIORITIES] : [...TASK_PRIORITIES].reverse();
  const [cursorPriority, cursorId] = query.cursor?.includes(':') ? query.cursor.split(':', 2) : [undefined, undefined];
  const start = cursorPriority ? order.indexOf(cursorPriority as TaskPriority) : 0;
  if (start < 0) throw new AppError('VALIDATION_FAILED', 'cursor is not one this list gave', { cursor: 'is not one this list gave' });
  const items: Task[] = [];
  for (const priority of order.slice(start)) {
    const rows = await db.task.findMany({
      where: { AND: [where, { priority }] },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      ...pageArgs(query.limit - items.length, priority === cursorPriority ? cursorId : undefined),
    });
    const page = toPage(rows, query.limit - items.length, toTaskJson);
    items.push(...page.items);
    if (page.nextCursor) return { items, nextCursor: `${priority}:${page.nextCursor}` };
    if (items.length === query.limit) {
      const rest = order.slice(order.indexOf(priority) + 1);
      const more = rest.length > 0 && (await db.task.count({ where: { AND: [where, { priority: { in: rest } }] } })) > 0;
      return { items, nextCursor: more ? `${rest[0]}:` : null };
    }
  }
  return { items, nextCursor: null };
}

export async function listTasks(db: Db, query: ListTasksQuery, user: PublicUser): Promise<TaskPage> {
  const where = taskWhere(query, user);
  if (query.sort === 'priority' || query.sort === '-priority') return listByPriority(db, where, query);
  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const field = query.sort.replace('-', '') as 'dueAt' | 'createdAt';
  const rows = await db.task.findMany({ where, orderBy: [{ [field]: direction }, { id: direction }], ...pageArgs(query.limit, query.cursor) });
  return toPage(rows, query.limit, toTaskJson);
}
