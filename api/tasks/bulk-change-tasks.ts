import type { BulkTaskInput } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import { AppError } from '../errors';
import type { TaskUpdateDeps } from './run-task-update';
import { transitionTask } from './transition-task';
import { updateTask } from './update-task';

/** Each task on its own: one the rules refuse is reported and does not stop the others. */
export async function bulkChangeTasks(deps: TaskUpdateDeps, input: BulkTaskInput, user: PublicUser) {
  const results = [];
  for (const id of new Set(input.ids)) {
    try {
      const task =
        input.action === 'reassign'
          ? await updateTask(deps, id, { assigneeId: input.assigneeId! }, user)
          : await transitionTask(deps, id, { action: input.action }, user);
      results.push({ id, ok: true, task });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, error: error.message });
    }
  }
  return { results };
}
