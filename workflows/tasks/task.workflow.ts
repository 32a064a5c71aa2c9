import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { TaskActivities } from '../../activities/tasks.activities';
import { OPEN_TASK_STATUSES, type TaskStatus } from '../../domain/tasks/task.schema';
import { DB_ACTIVITY_OPTIONS } from '../activity-options';
import { getTaskStateQuery, taskClosedSignal, type TaskWorkflowState } from './task.messages';

const { assignTask } = proxyActivities<TaskActivities>(DB_ACTIVITY_OPTIONS);

export interface TaskWorkflowInput {
  taskId: string;
}

/** Lifecycle of one task, workflow id `task-<id>`: assigns it and notifies the assignee. */
export async function taskWorkflow({ taskId }: TaskWorkflowInput): Promise<TaskWorkflowState> {
  const state: TaskWorkflowState = { taskId, status: 'CREATED', assigneeId: null };
  setHandler(getTaskStateQuery, () => state);
  setHandler(taskClosedSignal, ({ status }) => {
    state.status = status;
  });

  const assigned = await assignTask({ taskId });
  state.status = assigned.status;
  state.assigneeId = assigned.assigneeId;

  // Transitions (start, submit, approve, complete, cancel) arrive as Updates; until then the task stays open.
  await condition(() => !OPEN_TASK_STATUSES.includes(state.status as TaskStatus));
  return state;
}
