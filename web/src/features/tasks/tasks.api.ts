import type { Page } from '../../../../domain/pagination';
import type { TaskListItem, TaskSubject as TaskAbout } from '../../../../domain/tasks/task-subject';
import { TASK_LIST_PAGE_FIELDS } from '../../../../domain/tasks/task-list-fields';

/** Where a task's subject is shown: a lead's page, a buyer's, or (for an offer) its lead's. */
export function subjectPath(subject: NonNullable<TaskAbout>): string {
  if (subject.type === 'buyer') return `/buyers/${subject.id}`;
  return `/leads/${subject.leadId ?? subject.id}`;
}
import type {
  BulkTaskInput,
  BulkTaskResult,
  CreateFollowUpInput,
  CreateTaskInput,
  SuggestedAssignee,
  Task,
  TaskAction,
  TaskDetail,
  TaskPriority,
  UpdateTaskInput,
} from '../../../../domain/tasks/task.schema';
import { OPEN_TASK_STATUSES } from '../../../../domain/tasks/task-enums';
import { api } from '../../lib/api-client';
import { startOfToday } from '../../lib/format';

export type { BulkTaskResult, TaskDetail };

/** What a task list is about: a lead, a buyer or an offer. */
export type TaskSubject = { leadId: string } | { buyerId: string } | { offerId: string };

export const listTasks = (subject: TaskSubject): Promise<Page<TaskListItem>> => api.get(`/api/tasks?${new URLSearchParams(subject).toString()}`);
export const queryTasks = (params: URLSearchParams): Promise<Page<TaskListItem>> => api.get(`/api/tasks?${params.toString()}`);
/** A task as the tasks page shows it (`TASK_LIST_PAGE_FIELDS`). */
export type TaskPageItem = Pick<TaskListItem, 'id' | (typeof TASK_LIST_PAGE_FIELDS)[number]>;
export const queryTaskPage = (params: URLSearchParams): Promise<Page<TaskPageItem>> => api.get(`/api/tasks?${params.toString()}`);
export const getTask = (id: string): Promise<TaskDetail> => api.get(`/api/tasks/${encodeURIComponent(id)}`);

export type NewTask = Omit<CreateTaskInput, 'requiresReview' | 'type' | 'priority'> & Partial<Pick<CreateTaskInput, 'requiresReview' | 'type' | 'priority'>>;
export const createTask = (task: NewTask, idempotencyKey: string): Promise<Task> => api.create('/api/tasks', task, idempotencyKey);

export const transitionTask = (id: string, action: TaskAction, reason?: string): Promise<TaskDetail> =>
  api.post(`/api/tasks/${encodeURIComponent(id)}/transition`, { action, ...(reason ? { reason } : {}) });
export const updateTask = (id: string, change: UpdateTaskInput): Promise<TaskDetail> => api.patch(`/api/tasks/${encodeURIComponent(id)}`, change);
export const createFollowUp = (id: string, input: Omit<CreateFollowUpInput, 'priority'> & { priority?: TaskPriority }, idempotencyKey: string): Promise<Task> =>
  api.create(`/api/tasks/${encodeURIComponent(id)}/follow-ups`, input, idempotencyKey);

export const bulkTasks = (ids: string[], action: BulkTaskInput['action'], assigneeId?: string): Promise<BulkTaskResult> =>
  api.post('/api/tasks/bulk', { ids, action, ...(assigneeId ? { assigneeId } : {}) });

export const suggestAssignee = (params: URLSearchParams): Promise<SuggestedAssignee> => api.get(`/api/tasks/suggest-assignee?${params.toString()}`);

export type TaskView = 'mine' | 'team' | 'review';
export const TASK_LIST_FILTERS = ['status', 'priority', 'type', 'assigneeId', 'due'] as const;

/** What an empty task list says: the filters found nothing, or the view has nothing open. */
export function emptyTaskListText(view: TaskView, filtered: boolean): string {
  if (view === 'review') return filtered ? 'Nothing waiting for review matches these filters.' : 'Nothing waits for review.';
  if (filtered) return 'No tasks match these filters.';
  return view === 'mine' ? 'No open tasks are assigned to you.' : 'The team has no open tasks.';
}

/** The tasks page's view, sort and list request from its URL query: my open tasks by due date unless it says otherwise, each task as the page shows it. */
export function taskListView(params: URLSearchParams): { view: TaskView; sort: string; request: URLSearchParams } {
  const view = (params.get('view') as TaskView | null) ?? 'mine';
  const sort = params.get('sort') ?? 'dueAt';
  const request = new URLSearchParams({ view, sort, limit: '50', dayStart: startOfToday(), fields: TASK_LIST_PAGE_FIELDS.join(',') });
  for (const name of TASK_LIST_FILTERS) if (params.get(name)) request.set(name, params.get(name)!);
  // Without a status filter, my list and the team's show open work.
  if (!params.get('status') && view !== 'review') request.set('status', OPEN_TASK_STATUSES.join(','));
  return { view, sort, request };
}
