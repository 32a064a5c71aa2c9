import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../prisma/db';
import { recordEvent } from '../prisma/record-event';
import { toTaskJson } from '../prisma/to-json';
import { notifyUsers } from './notify-users';

export interface TaskActivityDeps {
  db: Db;
}

export function createTaskActivities({ db }: TaskActivityDeps) {
  return {
    /** CREATED → ASSIGNED, and the assignee is told. A task already past CREATED is left as it is. */
    async assignTask({ taskId }: { taskId: string }): Promise<{ status: string; assigneeId: string | null }> {
      return db.$transaction(async (tx) => {
        const task = await tx.task.findUnique({ where: { id: taskId } });
        if (!task) throw ApplicationFailure.nonRetryable(`task ${taskId} does not exist`, 'TASK_NOT_FOUND');
        if (task.status !== 'CREATED' || !task.assigneeId) return { status: task.status, assigneeId: task.assigneeId };
        const assigned = await tx.task.update({ where: { id: taskId }, data: { status: 'ASSIGNED' } });
        await recordEvent(tx, { entityType: 'task', entityId: taskId, action: 'assigned', entity: toTaskJson(assigned) });
        await notifyUsers(tx, [
          {
            recipientId: task.assigneeId,
            kind: 'TASK_ASSIGNED',
            title: `New task: ${task.title}`,
            body: `${task.priority.charAt(0)}${task.priority.slice(1).toLowerCase()} priority, assigned to you.`,
            link: `/tasks/${task.id}`,
            dedupeKey: `task:${task.id}:assigned:${task.assigneeId}`,
          },
        ]);
        return { status: assigned.status, assigneeId: assigned.assigneeId };
      });
    },
  };
}
export type TaskActivities = ReturnType<typeof createTaskActivities>;
