import { assignmentRuleFor } from '../../domain/tasks/assignment-rule';
import { fallbackPools, pickActiveAssignee, withTaskFor } from '../../domain/tasks/pick-assignee';
import { OPEN_TASK_STATUSES, taskSchema } from '../../domain/tasks/task.schema';
import type { Deactivation } from '../../domain/users/user-admin.schema';
import { parseColumn } from '../../db/rows';
import { listInactiveAssignees } from '../../db/queries/inactive-assignees';
import { loadCandidates } from '../../db/queries/load-candidates';
import { reassignTaskUpdate } from '../../workflows/tasks/task.messages';
import { runTaskUpdate, type TaskUpdateDeps } from '../tasks/run-task-update';
import { listActiveAdminIds } from './find-user';

export type TaskReassignment = Pick<Deactivation, 'reassignedTasks' | 'unassignedTasks'>;

/**
 * Each open task of `leaver`, through its workflow's reassign Update, to the user its assignment
 * rule names while active, else the least-loaded active user of the rule's or the leaver's role,
 * else anyone active. A task that cannot move now (Temporal unreachable) is listed with why.
 */
export async function reassignOpenTasks(deps: TaskUpdateDeps, leaver: { id: string; role: string }, actorId: string): Promise<TaskReassignment> {
  const tasks = await deps.db.task.findMany({
    where: { assigneeId: leaver.id, status: { in: [...OPEN_TASK_STATUSES] } },
    include: { lead: { select: { ownerId: true } }, offer: { select: { createdById: true } } },
    orderBy: { dueAt: 'asc' },
  });
  const reassignedTasks: Deactivation['reassignedTasks'] = [];
  const unassignedTasks: Deactivation['unassignedTasks'] = [];
  if (tasks.length === 0) return { reassignedTasks, unassignedTasks };
  let candidates = await loadCandidates(deps.db);
  for (const task of tasks) {
    const rule = assignmentRuleFor({
      type: parseColumn(taskSchema.shape.type, task.type, 'Task.type'),
      leadId: task.leadId ?? undefined,
      buyerId: task.buyerId ?? undefined,
      offerId: task.offerId ?? undefined,
    });
    const namedId = rule.kind === 'LEAD_OWNER' ? task.lead?.ownerId : rule.kind === 'OFFER_CREATOR' ? task.offer?.createdById : rule.kind === 'CREATOR' ? task.createdById : null;
    const named = candidates.find((candidate) => candidate.id === namedId && candidate.id !== leaver.id) ?? null;
    const roles = [...(rule.kind === 'LEAST_LOADED' ? [rule.role] : []), leaver.role];
    const assigneeId = pickActiveAssignee(named, fallbackPools(candidates, roles, leaver.id));
    if (!assigneeId) {
      unassignedTasks.push({ taskId: task.id, reason: 'no active user can take it' });
      continue;
    }
    try {
      await runTaskUpdate(deps, task.id, reassignTaskUpdate, { assigneeId, actorId });
      reassignedTasks.push({ taskId: task.id, assigneeId });
      candidates = withTaskFor(candidates, assigneeId, parseColumn(taskSchema.shape.priority, task.priority, 'Task.priority'));
    } catch (error) {
      unassignedTasks.push({ taskId: task.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { reassignedTasks, unassignedTasks };
}

/**
 * Moves the open tasks still held by deactivated users, in the name of the admin who deactivated
 * each (else any active admin): the worker's reconciler runs it each pass, so a deactivation whose
 * reassignments failed half-way is finished without anyone deactivating the user again.
 */
export async function reassignTasksOfInactiveUsers(deps: TaskUpdateDeps): Promise<TaskReassignment> {
  const result: TaskReassignment = { reassignedTasks: [], unassignedTasks: [] };
  const leavers = await listInactiveAssignees(deps.db);
  if (leavers.length === 0) return result;
  const [anyAdmin] = await listActiveAdminIds(deps.db);
  for (const leaver of leavers) {
    const actorId = leaver.deactivatedBy ?? anyAdmin;
    if (!actorId) break;
    const moved = await reassignOpenTasks(deps, leaver, actorId);
    result.reassignedTasks.push(...moved.reassignedTasks);
    result.unassignedTasks.push(...moved.unassignedTasks);
  }
  return result;
}
