import type { Prisma } from '../client';
import type { Task } from '../../prisma/generated/client';
import type { AutomaticTaskSpec } from '../../domain/leads/lead-tasks';
import { applyAutomationGrace } from '../../domain/tasks/apply-automation-grace';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { readTaskByAutomationKey, readUserStanding } from '../queries/task-rows';
import { insertRow } from './insert-rows';
import { newRowId } from './new-row-id';
import { recordEvent } from './record-event';
import { loadStoredSettings } from './settings-store';
import { toTaskJson } from '../rows';
import { loadCandidates } from '../queries/load-candidates';
import { fallbackPools, pickActiveAssignee } from '../../domain/tasks/pick-assignee';

interface TaskContext {
  assigneeId: string | null;
  leadId?: string;
  buyerId?: string;
  offerId?: string;
  parentTaskId?: string;
}

/**
 * Inactive users never receive a task: when the rule names one (a deactivated lead owner or offer
 * creator), the least-loaded active user of their role takes it, else the least-loaded active user.
 */
async function activeAssignee(tx: Prisma.TransactionClient, assigneeId: string | null): Promise<string | null> {
  if (!assigneeId) return null;
  const named = await readUserStanding(tx, assigneeId);
  if (named?.active) return named.id;
  return pickActiveAssignee(null, fallbackPools(await loadCandidates(tx), [named?.role ?? null]));
}

/** What the automatic paths' activity factories receive: the configured grace (admins' Settings override it). */
export interface AutomationDeps {
  automationGraceMs?: number;
}

/**
 * Saves the task an automation rule asks for, once per automation key, with its `task.created`
 * event; an inactive assignee is replaced by an active one (`activeAssignee`). It is never
 * created already past due: the grace in force (Settings, else the configured one) pushes a
 * due time earlier than now + grace to now + grace.
 */
export async function saveAutomaticTask(
  tx: Prisma.TransactionClient,
  spec: AutomaticTaskSpec,
  context: TaskContext,
  configuredGraceMs: number = DEFAULT_DEADLINES.automationGraceMs,
): Promise<Task> {
  const existing = await readTaskByAutomationKey(tx, spec.automationKey);
  if (existing) return existing;
  const graceMs = (await loadStoredSettings(tx)).deadlines.automationGraceMs ?? configuredGraceMs;
  const createdAt = new Date();
  const task = await insertRow<Task>(tx, 'Task', {
    ...applyAutomationGrace(spec, createdAt, graceMs),
    id: newRowId(),
    status: 'CREATED',
    createdAt,
    updatedAt: createdAt,
    ...context,
    assigneeId: await activeAssignee(tx, context.assigneeId),
  });
  await recordEvent(tx, { entityType: 'task', entityId: task.id, action: 'created', entity: toTaskJson(task) });
  return task;
}
