import { checkPastDue, PAST_DUE_MESSAGE } from '../../domain/tasks/past-due';
import type { CreateTaskInput, Task } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { saveIdempotentResult, type IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { recordEvent } from '../../db/writes/record-event';
import { toTaskJson } from '../../db/rows';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';
import { findAttachmentTarget } from '../record-target';
import type { TemporalDeps } from '../temporal/client';
import { startRecordWorkflow } from '../temporal/start-record-workflow';
import { startOrLog } from '../temporal/start-workflow';
import { taskWorkflowStart } from '../temporal/workflow-starts';
import { assertLiveRecord } from './assert-live-record';
import { suggestAssignee } from './suggest-assignee';

export type CreateTaskDeps = TemporalDeps & { db: Db };

async function chooseAssignee(db: Db, input: CreateTaskInput, actor: PublicUser): Promise<string | null> {
  if (!input.assigneeId) return (await suggestAssignee(db, input, actor)).assigneeId;
  const user = await db.user.findUnique({ where: { id: input.assigneeId }, select: { active: true } });
  if (!user?.active) throw new AppError('UNPROCESSABLE', 'Choose an active user as the assignee', { assigneeId: 'must name an active user' });
  return input.assigneeId;
}

/** Saves a task with its `task.created` event and starts `task-<id>`, which assigns it and notifies the assignee. */
export async function createTask(
  deps: CreateTaskDeps,
  input: CreateTaskInput & { parentTaskId?: string },
  actor: PublicUser,
  claim?: IdempotencyClaim,
): Promise<Task> {
  const pastDue = checkPastDue(input.dueAt, input.allowPastDue, new Date());
  if (pastDue) throw new AppError('VALIDATION_FAILED', PAST_DUE_MESSAGE, { dueAt: pastDue });
  for (const [field, id] of Object.entries({ leadId: input.leadId, buyerId: input.buyerId, offerId: input.offerId })) {
    if (id) await findAttachmentTarget(deps.db, { [field]: id });
  }
  await assertLiveRecord(deps.db, { leadId: input.leadId, buyerId: input.buyerId }, 'a task');
  const assigneeId = await chooseAssignee(deps.db, input, actor);
  assertPermission(actor, 'create', { type: 'task', assigneeId, createdById: actor.id });
  const { dueAt, assigneeId: _named, allowPastDue: _confirmed, ...fields } = input;
  const task = await deps.db.$transaction(async (tx) => {
    const created = await tx.task.create({ data: { ...fields, dueAt: new Date(dueAt), assigneeId, createdById: actor.id, status: 'CREATED' } });
    await recordEvent(tx, { entityType: 'task', entityId: created.id, action: 'created', entity: toTaskJson(created), actorId: actor.id });
    await saveIdempotentResult(tx, claim, toTaskJson(created));
    return created;
  });
  // The task is saved either way; if Temporal is down, the worker's reconciler (or the task's first change) starts its workflow.
  await startOrLog(`task ${task.id}`, () => startRecordWorkflow(deps, 'task', task.id, taskWorkflowStart(task.id)));
  return toTaskJson(task);
}
