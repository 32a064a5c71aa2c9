import { notificationFor } from '../../domain/notifications/notification-kinds';
import { OPEN_TASK_STATUSES } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { notifyUsers } from '../../db/writes/notify-users';
import { reassignTaskUpdate } from '../../workflows/tasks/task.messages';
import type { TemporalDeps } from '../temporal/client';
import { runTaskUpdate } from '../tasks/run-task-update';

/** What a lead's reassignment did with its open tasks. */
export interface MovedLeadWork {
  movedTaskIds: string[];
  /** Tasks whose workflow refused or could not be reached; they stay with the previous owner. */
  unmovedTasks: Array<{ taskId: string; reason: string }>;
}

/**
 * A lead handed to a new owner takes its open tasks along: each task the previous owner held
 * moves through its workflow's reassign Update (which tells the new assignee), then both owners
 * are told of the handover (once per reassignment, keyed by the `lead.updated` event it wrote).
 */
export async function moveLeadWork(
  deps: TemporalDeps & { db: Db },
  lead: { id: string; sellerName: string; street: string },
  change: { fromId: string; toId: string; eventId: string },
  actor: PublicUser,
): Promise<MovedLeadWork> {
  const { db } = deps;
  const tasks = await db.task.findMany({
    where: { leadId: lead.id, assigneeId: change.fromId, status: { in: [...OPEN_TASK_STATUSES] } },
    select: { id: true },
    orderBy: { dueAt: 'asc' },
  });
  const result: MovedLeadWork = { movedTaskIds: [], unmovedTasks: [] };
  for (const task of tasks) {
    try {
      await runTaskUpdate(deps, task.id, reassignTaskUpdate, { assigneeId: change.toId, actorId: actor.id });
      result.movedTaskIds.push(task.id);
    } catch (error) {
      result.unmovedTasks.push({ taskId: task.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const users = await db.user.findMany({ where: { id: { in: [change.fromId, change.toId] } }, select: { id: true, name: true } });
  const nameOf = (id: string): string => users.find((user) => user.id === id)?.name ?? 'someone';
  const content = notificationFor('LEAD_REASSIGNED', {
    sellerName: lead.sellerName,
    street: lead.street,
    from: nameOf(change.fromId),
    to: nameOf(change.toId),
    by: actor.name,
    movedTasks: result.movedTaskIds.length,
  });
  const recipients = [change.fromId, change.toId];
  await db.$transaction((tx) =>
    notifyUsers(
      tx,
      recipients.map((recipientId) => ({ recipientId, ...content, link: `/leads/${lead.id}`, dedupeKey: `lead:${lead.id}:reassigned:${change.eventId}:${recipientId}` })),
    ),
  );
  return result;
}
