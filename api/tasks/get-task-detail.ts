import { allowedTaskActions } from '../../domain/tasks/task-actions';
import type { TaskDetail, TaskStatus } from '../../domain/tasks/task.schema';
import { buyerSubjectLabel, leadSubjectLabel, offerSubjectLabel } from '../../domain/tasks/task-subject';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { readTaskLastChange } from '../../db/queries/task-last-change';
import { toTaskJson } from '../../db/rows';
import { AppError } from '../errors';

/** `GET /api/tasks/:id`: the task, named links to what it concerns, and what this user may do with it. */
export async function getTaskDetail(db: Db, taskId: string, user: PublicUser): Promise<TaskDetail> {
  const task = await db.task.findUnique({
    where: { id: taskId },
    include: {
      assignee: { select: { id: true, name: true } },
      lead: { select: { id: true, sellerName: true, street: true, city: true } },
      buyer: { select: { id: true, name: true, company: true } },
      offer: { select: { id: true, kind: true, amount: true, lead: { select: { street: true } } } },
      parentTask: { select: { id: true, title: true } },
    },
  });
  if (!task) throw new AppError('NOT_FOUND', `Task ${taskId} does not exist`);
  const lastChange = await readTaskLastChange(db, taskId);
  return {
    ...toTaskJson(task),
    assignee: task.assignee ? { id: task.assignee.id, label: task.assignee.name } : null,
    lead: task.lead ? { id: task.lead.id, label: leadSubjectLabel(task.lead) } : null,
    buyer: task.buyer ? { id: task.buyer.id, label: buyerSubjectLabel(task.buyer) } : null,
    offer: task.offer ? { id: task.offer.id, label: offerSubjectLabel(task.offer) } : null,
    parentTask: task.parentTask ? { id: task.parentTask.id, label: task.parentTask.title } : null,
    allowedActions: allowedTaskActions({ ...task, status: task.status as TaskStatus }, user),
    lastChange,
  };
}
