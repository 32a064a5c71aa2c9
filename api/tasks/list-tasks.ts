import type { Page } from '../../domain/pagination';
import type { ListTasksQuery } from '../../domain/tasks/task.schema';
import type { TaskListItem } from '../../domain/tasks/task-subject';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { readTaskPage } from '../../db/queries/task-list';
import { readTaskSubjects, type TaskLinks } from '../../db/queries/task-subjects';
import { leanTaskJson, taskColumnsOf, toTaskJson, type PartialRow } from '../../db/rows';
import { AppError } from '../errors';
import { knownCursor } from '../paginate';
import { serverMidnight } from '../server-midnight';

const SUBJECT_LINKS = ['leadId', 'buyerId', 'offerId'];
/** The Task columns a lean page reads: its fields', and the links its subject is named from. */
const leanTaskColumns = (fields: readonly string[]): string[] => [...taskColumnsOf(fields), ...(fields.includes('subject') ? SUBJECT_LINKS : [])];

/**
 * A page of tasks, each with what it is about (its lead, buyer or offer, named). With `fields`,
 * each task has only those keys and its id, read from only their columns (the subject is read
 * only when asked for).
 */
export async function listTasks(db: Db, query: ListTasksQuery, user: PublicUser): Promise<Page<TaskListItem> | Page<PartialRow<TaskListItem>>> {
  if (query.dueFrom && query.dueTo && query.dueFrom >= query.dueTo) {
    throw new AppError('VALIDATION_FAILED', 'The end of the due range must be after its start', { dueTo: 'must be after dueFrom' });
  }
  const now = new Date();
  const clock = { now, dayStart: query.dayStart ? new Date(query.dayStart) : serverMidnight(now) };
  const { fields } = query;
  if (fields) {
    const page = knownCursor(await readTaskPage(db, query, user.id, clock, leanTaskColumns(fields)));
    const subjects = fields.includes('subject') ? await readTaskSubjects(db, page.rows as TaskLinks[]) : null;
    return { items: page.rows.map((row) => (subjects ? Object.assign(leanTaskJson(row, fields), { subject: subjects.get(row.id) ?? null }) : leanTaskJson(row, fields))), nextCursor: page.nextCursor };
  }
  const page = knownCursor(await readTaskPage(db, query, user.id, clock));
  const subjects = await readTaskSubjects(db, page.rows);
  // Each task's JSON is built for this page alone: it takes its subject in place rather than being copied.
  return { items: page.rows.map((row) => Object.assign(toTaskJson(row), { subject: subjects.get(row.id) ?? null })), nextCursor: page.nextCursor };
}
