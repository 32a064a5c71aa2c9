import { OPEN_TASK_STATUSES, TASK_PRIORITIES, type ListTasksQuery } from '../../domain/tasks/task.schema';
import type { Db } from '../client';
import { Prisma, type Task } from '../../prisma/generated/client';
import { keysetPage, oneOf, type KeysetPage, type KeysetQuery, type ListSegment } from './keyset-page';
import { dialectOf, type Dialect } from './dialect';
import type { PartialRow } from '../rows';
import { sqlDate, sqlLiteralList, sqlName } from './sql';

const DAY_MS = 86_400_000;

const OPEN_STATUSES_SQL = sqlLiteralList(OPEN_TASK_STATUSES);

/** The instants a `due=` filter is relative to: now (overdue) and the start of the asker's day (today, week). */
export interface TaskListClock {
  now: Date;
  dayStart: Date;
}

/** Lists that show only open tasks: SQLite reads them from the partial indexes of open tasks. */
function onlyOpen(query: ListTasksQuery): boolean {
  return query.due !== undefined || query.view === 'review' || (query.status !== undefined && query.status.every((status) => OPEN_TASK_STATUSES.includes(status)));
}

/** The view and filters as SQL. "Open" is spelled as the literal list the partial indexes carry. */
function taskConditions(query: ListTasksQuery, userId: string, { now, dayStart }: TaskListClock, dialect: Dialect): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.view === 'mine') conditions.push(Prisma.sql`"assigneeId" = ${userId}`);
  if (query.view === 'review') conditions.push(Prisma.sql`"status" = 'PENDING_REVIEW'`);
  if (query.dueFrom) conditions.push(Prisma.sql`"dueAt" >= ${sqlDate(new Date(query.dueFrom))}`);
  if (query.dueTo) conditions.push(Prisma.sql`"dueAt" < ${sqlDate(new Date(query.dueTo))}`);
  if (query.due) {
    const before = query.due === 'overdue' ? now : new Date(dayStart.getTime() + (query.due === 'today' ? 1 : 7) * DAY_MS);
    conditions.push(Prisma.sql`"dueAt" < ${sqlDate(before)}`);
  }
  if (onlyOpen(query)) conditions.push(Prisma.sql`"status" IN ${OPEN_STATUSES_SQL}`);
  for (const [column, values] of [['status', query.status], ['priority', query.priority], ['type', query.type]] as const) {
    if (values) conditions.push(oneOf(column, values, dialect));
  }
  const equal = (column: string, value: string | undefined) => {
    if (value) conditions.push(Prisma.sql`${sqlName(column)} = ${value}`);
  };
  equal('assigneeId', query.assigneeId);
  equal('leadId', query.leadId);
  equal('buyerId', query.buyerId);
  equal('offerId', query.offerId);
  return conditions;
}

/** Priority is stored as text, whose order is not HIGH → MEDIUM → LOW: each priority is a run of the list. */
function segmentsOf(query: ListTasksQuery): ListSegment[] {
  if (query.sort === 'priority' || query.sort === '-priority') {
    const order = query.sort === 'priority' ? [...TASK_PRIORITIES] : [...TASK_PRIORITIES].reverse();
    return order.map((priority) => ({ where: Prisma.sql`"priority" = ${priority}`, column: 'dueAt' }));
  }
  return [{ where: Prisma.sql`1 = 1`, column: query.sort.replace('-', '') }];
}

/**
 * The partial index already in the list's order. A lead's, buyer's or offer's tasks and the
 * review queue are few, and read best through their own indexes.
 */
function openTasksIndex(query: ListTasksQuery): string | undefined {
  if (!onlyOpen(query) || query.view === 'review' || query.leadId || query.buyerId || query.offerId) return undefined;
  const byAssignee = query.view === 'mine' || query.assigneeId !== undefined;
  if (query.sort === 'dueAt' || query.sort === '-dueAt') return byAssignee ? 'Task_open_assigneeId_dueAt_idx' : 'Task_open_dueAt_idx';
  if (query.sort === 'priority' || query.sort === '-priority') return byAssignee ? 'Task_open_assigneeId_priority_dueAt_idx' : 'Task_open_priority_dueAt_idx';
  return byAssignee ? undefined : 'Task_open_createdAt_idx';
}

/** The task list's view, filters and sort as a keyset query for `userId` (tests/integration/query-plans checks its plans). */
export function taskListQuery(query: ListTasksQuery, userId: string, clock: TaskListClock, dialect: Dialect): KeysetQuery {
  return {
    table: 'Task',
    where: taskConditions(query, userId, clock, dialect),
    segments: segmentsOf(query),
    direction: query.sort === '-dueAt' || query.sort === '-createdAt' ? 'desc' : 'asc',
    limit: query.limit,
    cursor: query.cursor,
    index: openTasksIndex(query),
  };
}

/** One page of task rows as `userId` asked for them; null when the cursor is no task. Given `columns`, the rows hold only those (and the id). */
export function readTaskPage(db: Db, query: ListTasksQuery, userId: string, clock: TaskListClock): Promise<KeysetPage<Task> | null>;
export function readTaskPage(db: Db, query: ListTasksQuery, userId: string, clock: TaskListClock, columns: readonly string[]): Promise<KeysetPage<PartialRow<Task>> | null>;
export function readTaskPage(db: Db, query: ListTasksQuery, userId: string, clock: TaskListClock, columns?: readonly string[]): Promise<KeysetPage<PartialRow<Task>> | null> {
  const keyset = taskListQuery(query, userId, clock, dialectOf(db));
  return keysetPage<PartialRow<Task>>(db, columns ? { ...keyset, columns } : keyset);
}
