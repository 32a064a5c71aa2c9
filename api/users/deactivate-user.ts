import { assignmentRuleFor } from '../../domain/tasks/assignment-rule';
import { fallbackPools, pickActiveAssignee, withTaskFor } from '../../domain/tasks/pick-assignee';
import { OPEN_TASK_STATUSES, taskSchema } from '../../domain/tasks/task.schema';
import { OPEN_LEAD_STATUSES } from '../../domain/leads/lead-status';
import type { Deactivation, DeactivateUserInput } from '../../domain/users/user-admin.schema';
import { checkDeactivation } from '../../domain/users/user-change-rules';
import { userRoleSchema, type PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { loadCandidates } from '../../db/queries/load-candidates';
import { endSessions } from '../../db/writes/end-sessions';
import { recordEvent } from '../../db/writes/record-event';
import { parseColumn, toLeadJson, toUserJson } from '../../db/rows';
import { reassignTaskUpdate } from '../../workflows/tasks/task.messages';
import { AppError } from '../errors';
import type { TemporalDeps } from '../temporal/client';
import { runTaskUpdate } from '../tasks/run-task-update';
import { assertAllowed, findUser, listActiveAdminIds } from './find-user';

export type UserAdminDeps = TemporalDeps & {
  db: Db;
  /** Drops this process's cached sessions, so a change of role or active flag applies at once. */
  onChange: () => void;
};

const openLeadsOf = (userId: string) => ({ ownerId: userId, archivedAt: null, status: { in: [...OPEN_LEAD_STATUSES] } });

/**
 * Deactivates a user. In one transaction: the user is marked inactive, their sessions end (the
 * `session.ended` event naming them and the `user.updated` one close their streams in every API
 * process), and the open leads they own move to `leadsTo`, each with its `lead.updated` event.
 * Then each open task of theirs goes, through its workflow's reassign Update, to whoever the
 * assignment rules name among the active users. Deactivating an inactive user again moves what
 * is still theirs (a retry after Temporal was down).
 */
export async function deactivateUser(deps: UserAdminDeps, userId: string, input: DeactivateUserInput, actor: PublicUser): Promise<Deactivation> {
  const { db } = deps;
  const target = await findUser(db, userId);
  const role = parseColumn(userRoleSchema, target.role, 'User.role');
  const leadsTo = input.leadsTo === undefined ? undefined : await db.user.findUnique({ where: { id: input.leadsTo }, select: { id: true, active: true } });
  assertAllowed(
    checkDeactivation({
      actorId: actor.id,
      target: { id: target.id, name: target.name, role, active: target.active },
      activeAdminIds: await listActiveAdminIds(db),
      openLeadCount: await db.lead.count({ where: openLeadsOf(userId) }),
      leadsTo,
    }),
  );

  const { user, movedLeadIds } = await db.$transaction(async (tx) => {
    const updated = target.active ? await tx.user.update({ where: { id: userId }, data: { active: false } }) : target;
    await endSessions(tx, { userId, reason: 'deactivated', actorId: actor.id });
    // An invite not used yet stops working: deactivating an invited user withdraws the invite.
    await tx.invite.deleteMany({ where: { userId, usedAt: null } });
    if (target.active) await recordEvent(tx, { entityType: 'user', entityId: userId, action: 'updated', entity: toUserJson(updated), actorId: actor.id });
    // Read again inside the transaction: a lead given to them since the check moves too.
    const leads = await tx.lead.findMany({ where: openLeadsOf(userId), select: { id: true } });
    if (leads.length > 0 && !input.leadsTo) {
      throw new AppError('VALIDATION_FAILED', `Choose who takes ${target.name}'s open leads`, { leadsTo: `is required: ${target.name} owns open leads` });
    }
    for (const { id } of leads) {
      const lead = await tx.lead.update({ where: { id }, data: { ownerId: input.leadsTo } });
      await recordEvent(tx, { entityType: 'lead', entityId: id, action: 'updated', entity: toLeadJson(lead), actorId: actor.id });
    }
    return { user: updated, movedLeadIds: leads.map((lead) => lead.id) };
  });
  deps.onChange();
  return { user: toUserJson(user), movedLeadIds, ...(await reassignOpenTasks(deps, { id: userId, role }, actor)) };
}

/** Each open task of `leaver`, to the user its assignment rule names while active, else the least-loaded active user of the rule's or the leaver's role, else anyone active. */
async function reassignOpenTasks(deps: UserAdminDeps, leaver: { id: string; role: string }, actor: PublicUser): Promise<Pick<Deactivation, 'reassignedTasks' | 'unassignedTasks'>> {
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
      await runTaskUpdate(deps, task.id, reassignTaskUpdate, { assigneeId, actorId: actor.id });
      reassignedTasks.push({ taskId: task.id, assigneeId });
      candidates = withTaskFor(candidates, assigneeId, parseColumn(taskSchema.shape.priority, task.priority, 'Task.priority'));
    } catch (error) {
      unassignedTasks.push({ taskId: task.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { reassignedTasks, unassignedTasks };
}
