import { ApplicationFailure } from '@temporalio/common';
import {
  completionMetrics,
  completionVerifiesProofOfFunds,
  getsOverdueFollowUp,
  leadStatusImpliedByCompletion,
  overdueFollowUpTaskFor,
} from '../domain/tasks/task-automation';
import { pickLeastLoaded } from '../domain/tasks/pick-assignee';
import type { EventPayload } from '../domain/events/event-payloads';
import { notificationFor } from '../domain/notifications/notification-kinds';
import type { LeadStatus } from '../domain/leads/lead.schema';
import { OPEN_TASK_STATUSES, taskSchema, type TaskAction, type TaskPriority, type TaskStatus, type TaskType } from '../domain/tasks/task.schema';
import type { Db, Prisma } from '../db/client';
import type { Task } from '../prisma/generated/client';
import { hasEventWithDedupeKey, readTaskRow } from '../db/queries/task-rows';
import { markTaskAssigned } from '../db/writes/mark-task-assigned';
import { taskAboutFacts, taskNotificationSubject } from '../db/queries/notification-subject';
import { notifyUsers, type NotificationInput } from '../db/writes/notify-users';
import { recordEvent } from '../db/writes/record-event';
import { saveNote } from '../db/writes/save-note';
import { parseColumn, toBuyerJson, toTaskJson } from '../db/rows';
import { loadCandidates } from '../db/queries/load-candidates';
import { saveAutomaticTask, type AutomationDeps } from '../db/writes/save-automatic-task';
import { markWorkflowStarted } from '../db/writes/mark-workflow-started';

export interface TaskActivityDeps extends AutomationDeps {
  db: Db;
}

/** What the task's workflow keeps of its task, to validate Updates without reading the database. */
export interface TaskSnapshot {
  status: TaskStatus;
  assigneeId: string | null;
  createdById: string | null;
  requiresReview: boolean;
  priority: TaskPriority;
  dueAt: string;
  overdue: boolean;
  /** When the task was saved: a person's due date before it was entered in the past. */
  createdAt?: string;
}

const snapshotOf = (task: Task): TaskSnapshot => ({
  status: task.status as TaskStatus,
  assigneeId: task.assigneeId,
  createdById: task.createdById,
  requiresReview: task.requiresReview,
  priority: task.priority as TaskPriority,
  dueAt: task.dueAt.toISOString(),
  overdue: task.overdue,
  createdAt: task.createdAt.toISOString(),
});

/** One Update's change: `changeKey` (run id + step) makes its Event unique, so a retry writes nothing twice. */
interface Change {
  taskId: string;
  actorId: string | null;
  changeKey: string;
}

const ACTION_EVENT = {
  start: 'started',
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  complete: 'completed',
  cancel: 'cancelled',
} as const satisfies Record<TaskAction, string>;

const taskLink = (task: Task): string => `/tasks/${task.id}`;

async function findTask(tx: Prisma.TransactionClient, taskId: string): Promise<Task> {
  const task = await readTaskRow(tx, taskId);
  if (!task) throw ApplicationFailure.nonRetryable(`task ${taskId} does not exist`, 'TASK_NOT_FOUND');
  return task;
}

/** Runs a change once: when its Event exists already (a retried activity), returns the task as it is. */
async function once(db: Db, change: Change, apply: (tx: Prisma.TransactionClient, task: Task, dedupeKey: string) => Promise<Task>): Promise<Task> {
  return db.$transaction(async (tx) => {
    const dedupeKey = `task:${change.taskId}:${change.changeKey}`;
    const task = await findTask(tx, change.taskId);
    if (await hasEventWithDedupeKey(tx, dedupeKey)) return task;
    return apply(tx, task, dedupeKey);
  });
}

async function activeSupervisorIds(tx: Prisma.TransactionClient): Promise<string[]> {
  const supervisors = await tx.user.findMany({ where: { role: 'SUPERVISOR', active: true }, select: { id: true } });
  return supervisors.map((user) => user.id);
}

/** "New task: …", saying its priority and what it concerns, for whoever it was just given to. */
async function assignmentNotice(tx: Prisma.TransactionClient, task: Task, recipientId: string): Promise<Omit<NotificationInput, 'dedupeKey'>> {
  const about = await taskAboutFacts(tx, task);
  return {
    recipientId,
    ...notificationFor('TASK_ASSIGNED', { ...about, title: task.title, priority: task.priority as TaskPriority, lead: about.lead ?? null, buyer: about.buyer ?? null }),
    link: taskLink(task),
    about: await taskNotificationSubject(tx, task),
  };
}

/** Who hears about a transition: reviewers of a submission, the assignee of a verdict, whoever waits on a completion. */
async function transitionNotifications(tx: Prisma.TransactionClient, task: Task, action: TaskAction, change: Change, reason?: string): Promise<NotificationInput[]> {
  const base = { link: taskLink(task), about: await taskNotificationSubject(tx, task) };
  const facts = { ...(await taskAboutFacts(tx, task)), title: task.title };
  const key = (recipientId: string) => `task:${task.id}:${change.changeKey}:${recipientId}`;
  const others = (ids: Array<string | null>) => [...new Set(ids)].filter((id): id is string => id !== null && id !== change.actorId);
  switch (action) {
    case 'submit':
      return others(await activeSupervisorIds(tx)).map((recipientId) => ({
        ...base,
        recipientId,
        ...notificationFor('REVIEW_REQUESTED', facts),
        dedupeKey: key(recipientId),
      }));
    case 'approve':
    case 'reject':
      return others([task.assigneeId]).map((recipientId) => ({
        ...base,
        recipientId,
        ...(action === 'approve' ? notificationFor('TASK_APPROVED', facts) : notificationFor('TASK_REJECTED', { ...facts, reason })),
        dedupeKey: key(recipientId),
      }));
    case 'complete':
      return others([task.createdById]).map((recipientId) => ({
        ...base,
        recipientId,
        ...notificationFor('TASK_COMPLETED', facts),
        dedupeKey: key(recipientId),
      }));
    case 'cancel':
      return others([task.assigneeId]).map((recipientId) => ({
        ...base,
        recipientId,
        ...notificationFor('TASK_CANCELLED', { ...facts, reason }),
        dedupeKey: key(recipientId),
      }));
    default:
      return [];
  }
}

/** What a completion does to the related entity (a verified proof of funds, a contacted lead); returns the lead move for the lead workflow to make. */
async function applyCompletionEffects(tx: Prisma.TransactionClient, task: Task, at: Date): Promise<{ leadId: string; status: LeadStatus } | null> {
  const shape = { ...task, type: task.type as TaskType };
  if (completionVerifiesProofOfFunds(shape)) {
    const buyer = await tx.buyer.findUnique({ where: { id: task.buyerId! } });
    if (buyer && !buyer.pofVerifiedAt) {
      const verified = await tx.buyer.update({ where: { id: buyer.id }, data: { pofVerifiedAt: at } });
      await recordEvent(tx, { entityType: 'buyer', entityId: buyer.id, action: 'updated', entity: toBuyerJson(verified) });
    }
  }
  const status = leadStatusImpliedByCompletion(shape);
  return status ? { leadId: task.leadId!, status } : null;
}

export function createTaskActivities({ db, automationGraceMs }: TaskActivityDeps) {
  return {
    /** CREATED → ASSIGNED, and the assignee is told. A task already past CREATED is left as it is. */
    async assignTask({ taskId }: { taskId: string }): Promise<TaskSnapshot> {
      return db.$transaction(async (tx) => {
        // The workflow runs: however it was started (by its parent, the API or the reconciler), the reconciler can leave the task alone.
        await markWorkflowStarted(tx, 'task', taskId);
        const task = await findTask(tx, taskId);
        if (task.status !== 'CREATED' || !task.assigneeId) return snapshotOf(task);
        const assigned = await markTaskAssigned(tx, taskId);
        await recordEvent(tx, { entityType: 'task', entityId: taskId, action: 'assigned', entity: toTaskJson(assigned) });
        await notifyUsers(tx, [{ ...(await assignmentNotice(tx, task, task.assigneeId)), dedupeKey: `task:${task.id}:assigned:${task.assigneeId}` }]);
        return snapshotOf(assigned);
      });
    },

    /** Writes a transition the workflow has validated, with its Event, note, notifications and completion effects. */
    async applyTaskTransition(
      input: Change & { action: TaskAction; to: TaskStatus; reason?: string; at: string },
    ): Promise<{ task: TaskSnapshot; leadStatus: { leadId: string; status: LeadStatus } | null }> {
      let leadStatus: { leadId: string; status: LeadStatus } | null = null;
      const task = await once(db, input, async (tx, task, dedupeKey) => {
        const at = new Date(input.at);
        const completes = input.to === 'COMPLETED';
        const updated = await tx.task.update({
          where: { id: task.id },
          data: {
            status: input.to,
            ...(completes ? { completedAt: at } : {}),
            ...(input.action === 'approve' || input.action === 'reject' ? { reviewedById: input.actorId } : {}),
          },
        });
        if (input.action === 'reject' && input.actorId) {
          await saveNote(tx, { body: `Rejected: ${input.reason ?? ''}`.trim(), authorId: input.actorId, taskId: task.id });
        }
        const metrics = completes ? completionMetrics(task, at) : undefined;
        await recordEvent(tx, {
          entityType: 'task',
          entityId: task.id,
          action: ACTION_EVENT[input.action],
          entity: { ...toTaskJson(updated), ...(input.reason ? { reason: input.reason } : {}), ...(metrics ? { metrics } : {}) },
          actorId: input.actorId,
          dedupeKey,
        });
        await notifyUsers(tx, await transitionNotifications(tx, updated, input.action, input, input.reason));
        if (completes) leadStatus = await applyCompletionEffects(tx, updated, at);
        return updated;
      });
      return { task: snapshotOf(task), leadStatus };
    },

    async reassignTask(input: Change & { assigneeId: string }): Promise<TaskSnapshot> {
      const task = await once(db, input, async (tx, task, dedupeKey) => {
        const assignee = await tx.user.findUnique({ where: { id: input.assigneeId }, select: { active: true } });
        if (!assignee?.active) throw ApplicationFailure.nonRetryable(`user ${input.assigneeId} is not an active user`, 'INACTIVE_ASSIGNEE');
        const updated = await tx.task.update({
          where: { id: task.id },
          data: { assigneeId: input.assigneeId, ...(task.status === 'CREATED' ? { status: 'ASSIGNED' } : {}) },
        });
        await recordEvent(tx, { entityType: 'task', entityId: task.id, action: 'reassigned', entity: { ...toTaskJson(updated), previousAssigneeId: task.assigneeId }, actorId: input.actorId, dedupeKey });
        if (input.assigneeId !== input.actorId) {
          await notifyUsers(tx, [{ ...(await assignmentNotice(tx, updated, input.assigneeId)), dedupeKey: `task:${task.id}:${input.changeKey}:${input.assigneeId}` }]);
        }
        return updated;
      });
      return snapshotOf(task);
    },

    /** Moves the due date; a date in the future clears the overdue flag (the workflow re-arms its timer). */
    async rescheduleTask(input: Change & { dueAt: string; at: string }): Promise<TaskSnapshot> {
      const task = await once(db, input, async (tx, task, dedupeKey) => {
        const dueAt = new Date(input.dueAt);
        const updated = await tx.task.update({ where: { id: task.id }, data: { dueAt, overdue: dueAt.getTime() > Date.parse(input.at) ? false : task.overdue } });
        await recordEvent(tx, { entityType: 'task', entityId: task.id, action: 'rescheduled', entity: { ...toTaskJson(updated), previousDueAt: task.dueAt.toISOString() }, actorId: input.actorId, dedupeKey });
        return updated;
      });
      return snapshotOf(task);
    },

    async changeTaskPriority(input: Change & { priority: TaskPriority }): Promise<TaskSnapshot> {
      const task = await once(db, input, async (tx, task, dedupeKey) => {
        const updated = await tx.task.update({ where: { id: task.id }, data: { priority: input.priority } });
        await recordEvent(tx, { entityType: 'task', entityId: task.id, action: 'priority_changed', entity: { ...toTaskJson(updated), previousPriority: parseColumn(taskSchema.shape.priority, task.priority, 'Task.priority') }, actorId: input.actorId, dedupeKey });
        return updated;
      });
      return snapshotOf(task);
    },

    async addTaskNote(input: Change & { body: string }): Promise<{ noteId: string }> {
      return db.$transaction(async (tx) => {
        const dedupeKey = `task:${input.taskId}:${input.changeKey}`;
        const done = await tx.event.findUnique({ where: { dedupeKey } });
        if (done) return { noteId: (JSON.parse(done.payload) as EventPayload<'task.note_added'>).noteId };
        const task = await findTask(tx, input.taskId);
        if (!input.actorId) throw ApplicationFailure.nonRetryable('a note needs an author', 'NO_AUTHOR');
        const note = await saveNote(tx, { body: input.body, authorId: input.actorId, taskId: task.id });
        await recordEvent(tx, { entityType: 'task', entityId: task.id, action: 'note_added', entity: { ...toTaskJson(task), noteId: note.id }, actorId: input.actorId, dedupeKey });
        return { noteId: note.id };
      });
    },

    /**
     * The due date passed with the task still open: flag it, tell the assignee, and create the
     * system "Overdue follow-up" for the least-loaded active user. Does nothing when the task was
     * closed or rescheduled meanwhile.
     */
    async flagTaskOverdue({ taskId, dueAt, firedAt }: { taskId: string; dueAt: string; firedAt: string }): Promise<{ followUpTaskId: string | null }> {
      return db.$transaction(async (tx) => {
        const task = await findTask(tx, taskId);
        const open = OPEN_TASK_STATUSES.includes(task.status as TaskStatus);
        if (!open || task.dueAt.toISOString() !== dueAt) return { followUpTaskId: null };
        let flagged = task;
        if (!task.overdue) {
          flagged = await tx.task.update({ where: { id: task.id }, data: { overdue: true } });
          await recordEvent(tx, { entityType: 'task', entityId: task.id, action: 'overdue', entity: toTaskJson(flagged) });
        }
        if (task.assigneeId) {
          await notifyUsers(tx, [
            {
              recipientId: task.assigneeId,
              ...notificationFor('TASK_OVERDUE', { ...(await taskAboutFacts(tx, task)), title: task.title, dueAt }),
              link: taskLink(task),
              about: await taskNotificationSubject(tx, task),
              dedupeKey: `task:${task.id}:overdue:${dueAt}:${task.assigneeId}`,
            },
          ]);
        }
        if (!getsOverdueFollowUp({ ...task, type: task.type as TaskType })) return { followUpTaskId: null };
        const assigneeId = pickLeastLoaded(await loadCandidates(tx));
        const followUp = await saveAutomaticTask(tx, overdueFollowUpTaskFor({ ...task, type: task.type as TaskType }, new Date(firedAt)), {
          assigneeId,
          parentTaskId: task.id,
          ...(task.leadId ? { leadId: task.leadId } : {}),
          ...(task.buyerId ? { buyerId: task.buyerId } : {}),
          ...(task.offerId ? { offerId: task.offerId } : {}),
        }, automationGraceMs);
        return { followUpTaskId: followUp.id };
      });
    },
  };
}
export type TaskActivities = ReturnType<typeof createTaskActivities>;
