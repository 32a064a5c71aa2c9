import type { Prisma } from '../db/client';
import type { Task } from '../prisma/generated/client';
import type { AutomaticTaskSpec } from '../domain/leads/lead-tasks';
import { recordEvent } from '../db/writes/record-event';
import { toTaskJson } from '../db/rows';

interface TaskContext {
  assigneeId: string | null;
  leadId?: string;
  buyerId?: string;
  offerId?: string;
  parentTaskId?: string;
}

/** Saves the task an automation rule asks for, once per automation key, with its `task.created` event. */
export async function saveAutomaticTask(
  tx: Prisma.TransactionClient,
  spec: AutomaticTaskSpec,
  context: TaskContext,
): Promise<Task> {
  const existing = await tx.task.findUnique({ where: { automationKey: spec.automationKey } });
  if (existing) return existing;
  const task = await tx.task.create({
    data: { ...spec, status: 'CREATED', ...context },
  });
  await recordEvent(tx, { entityType: 'task', entityId: task.id, action: 'created', entity: toTaskJson(task) });
  return task;
}
