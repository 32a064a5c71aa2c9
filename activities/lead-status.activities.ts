import { ApplicationFailure } from '@temporalio/common';
import { assignmentFee } from '../domain/deals/deal-math';
import type { Deadlines } from '../domain/config/deadlines';
import { followUpTaskFor, statusTaskFor } from '../domain/leads/lead-tasks';
import { leadSchema, type LeadStatus } from '../domain/leads/lead.schema';
import { isLeadContactTask } from '../domain/tasks/task-automation';
import { OPEN_TASK_STATUSES } from '../domain/tasks/task.schema';
import type { Db, Prisma } from '../db/client';
import { endContract } from '../db/writes/end-contract';
import { saveLeadScore } from '../db/writes/lead-score';
import { recordEvent } from '../db/writes/record-event';
import { parseColumn, toDealJson, toLeadJson, toTaskJson } from '../db/rows';
import { saveAutomaticTask, type AutomationDeps } from '../db/writes/save-automatic-task';

export interface ApplyLeadStatusInput {
  leadId: string;
  to: LeadStatus;
  reason?: string;
  actorId: string | null;
  /** Unique per change (workflow run and its count of changes): keys what this change writes. */
  stepKey: string;
  /** Workflow time of the change. */
  at: string;
  deadlines: Deadlines;
}

export interface ApplyLeadStatusResult {
  createdTaskIds: string[];
  /** Contact tasks done because the lead left NEW. */
  completedTaskIds: string[];
  cancelledTaskIds: string[];
}

/** CLOSED: the Deal, priced from the accepted offers. */
async function recordDeal(tx: Prisma.TransactionClient, leadId: string, closedAt: Date): Promise<void> {
  const accepted = await tx.offer.findMany({ where: { leadId, status: 'ACCEPTED' }, orderBy: { updatedAt: 'desc' } });
  const purchase = accepted.find((offer) => offer.kind === 'PURCHASE');
  const sale = accepted.find((offer) => offer.kind === 'BUYER');
  const figures = {
    purchasePrice: purchase?.amount ?? null,
    salePrice: sale?.amount ?? null,
    buyerId: sale?.buyerId ?? null,
    assignmentFee: purchase && sale ? assignmentFee(purchase.amount, sale.amount) : null,
  };
  const existing = await tx.deal.findUnique({ where: { leadId } });
  if (existing?.closedAt) return;
  // An accepted buyer offer may have opened the deal already; closing completes it.
  const deal = existing
    ? await tx.deal.update({ where: { leadId }, data: { closedAt, ...figures, buyerId: figures.buyerId ?? existing.buyerId, salePrice: figures.salePrice ?? existing.salePrice } })
    : await tx.deal.create({ data: { leadId, closedAt, ...figures } });
  await recordEvent(tx, { entityType: 'deal', entityId: deal.id, action: 'closed', entity: toDealJson(deal) });
}

/** A lead that leaves NEW has been contacted: its open contact tasks are done. */
async function completeContactTasks(tx: Prisma.TransactionClient, leadId: string, at: Date): Promise<string[]> {
  const open = await tx.task.findMany({
    where: { leadId, automationKey: { not: null }, status: { in: [...OPEN_TASK_STATUSES] } },
    select: { id: true, automationKey: true },
  });
  const contactTasks = open.filter((task) => isLeadContactTask(task.automationKey));
  for (const { id } of contactTasks) {
    const task = await tx.task.update({ where: { id }, data: { status: 'COMPLETED', completedAt: at } });
    await recordEvent(tx, { entityType: 'task', entityId: id, action: 'completed', entity: toTaskJson(task) });
  }
  return contactTasks.map((task) => task.id);
}

/** CLOSED and DEAD end the automation: the lead's open automatic tasks are cancelled. */
async function cancelAutomaticTasks(tx: Prisma.TransactionClient, leadId: string): Promise<string[]> {
  const open = await tx.task.findMany({
    where: { leadId, automationKey: { not: null }, status: { in: [...OPEN_TASK_STATUSES] } },
    select: { id: true },
  });
  for (const { id } of open) {
    const task = await tx.task.update({ where: { id }, data: { status: 'CANCELLED' } });
    await recordEvent(tx, { entityType: 'task', entityId: id, action: 'cancelled', entity: toTaskJson(task) });
  }
  return open.map((task) => task.id);
}

export function createLeadStatusActivities({ db, automationGraceMs }: { db: Db } & AutomationDeps) {
  return {
    /** Writes a status change the workflow accepted, with its event and the tasks it implies. */
    async applyLeadStatus(input: ApplyLeadStatusInput): Promise<ApplyLeadStatusResult> {
      const { leadId, to, stepKey } = input;
      const at = new Date(input.at);
      return db.$transaction(async (tx) => {
        const lead = await tx.lead.findUnique({ where: { id: leadId } });
        if (!lead) throw ApplicationFailure.nonRetryable(`lead ${leadId} does not exist`, 'LEAD_NOT_FOUND');
        const dedupeKey = `lead:${leadId}:${stepKey}:status`;
        if (!(await tx.event.findUnique({ where: { dedupeKey } }))) {
          const updated = await saveLeadScore(tx, await tx.lead.update({
            where: { id: leadId },
            data: {
              status: to,
              deadReason: to === 'DEAD' ? (input.reason ?? 'OTHER') : null,
              ...(to === 'CONTACTED' && !lead.contactedAt ? { contactedAt: at } : {}),
              // The follow-up timer the workflow arms for a CONTACTED lead; no other status has one.
              nextFollowUpAt: to === 'CONTACTED' ? new Date(at.getTime() + input.deadlines.followUpMs) : null,
            },
          }), at, input.deadlines.contactMs);
          await recordEvent(tx, {
            entityType: 'lead',
            entityId: leadId,
            action: 'status_changed',
            entity: { ...toLeadJson(updated), previousStatus: parseColumn(leadSchema.shape.status, lead.status, 'Lead.status') },
            actorId: input.actorId,
            dedupeKey,
          });
        }
        const createdTaskIds: string[] = [];
        const spec = statusTaskFor(lead, to, stepKey, at, input.deadlines);
        if (spec) createdTaskIds.push((await saveAutomaticTask(tx, spec, { assigneeId: lead.ownerId, leadId }, automationGraceMs)).id);
        if (to === 'CLOSED') await recordDeal(tx, leadId, at);
        else if (lead.status === 'UNDER_CONTRACT' && to !== 'UNDER_CONTRACT') await endContract(tx, leadId, input.actorId);
        const contacted = lead.status === 'NEW' && to !== 'DEAD' && to !== 'CLOSED';
        const completedTaskIds = contacted ? await completeContactTasks(tx, leadId, at) : [];
        const cancelledTaskIds = to === 'CLOSED' || to === 'DEAD' ? await cancelAutomaticTasks(tx, leadId) : [];
        return { createdTaskIds, completedTaskIds, cancelledTaskIds };
      });
    },

    /** The next "Follow up with lead" while a CONTACTED lead has not advanced. */
    async createNextFollowUp({ leadId, stepKey, dueAt }: { leadId: string; stepKey: string; dueAt: string }): Promise<{ taskId: string }> {
      const lead = await db.lead.findUnique({ where: { id: leadId }, select: { id: true, ownerId: true } });
      if (!lead) throw ApplicationFailure.nonRetryable(`lead ${leadId} does not exist`, 'LEAD_NOT_FOUND');
      const task = await db.$transaction(async (tx) => {
        // The workflow armed its next follow-up timer for `dueAt`: the leads table shows and sorts by it.
        await tx.lead.update({ where: { id: leadId }, data: { nextFollowUpAt: new Date(dueAt) } });
        return saveAutomaticTask(tx, followUpTaskFor(lead, stepKey, new Date(dueAt)), { assigneeId: lead.ownerId, leadId }, automationGraceMs);
      });
      return { taskId: task.id };
    },

    /**
     * A run that starts with the lead already CONTACTED (the demo data, a lead whose workflow
     * started late) arms the follow-up the lead has: its next follow-up date when one is set (a
     * call's next attempt), else the cadence counted from when it was contacted (or `at`). A date
     * long past makes the timer fire at once, as a late start's deadlines do. Idempotent: a retry
     * reads back what the first run wrote. `null` when the lead is no longer CONTACTED and live.
     */
    async armFollowUpAtStart({ leadId, at, followUpMs }: { leadId: string; at: string; followUpMs: number }): Promise<{ dueAt: string | null }> {
      const lead = await db.lead.findUnique({ where: { id: leadId }, select: { status: true, archivedAt: true, contactedAt: true, nextFollowUpAt: true } });
      if (!lead) throw ApplicationFailure.nonRetryable(`lead ${leadId} does not exist`, 'LEAD_NOT_FOUND');
      if (lead.status !== 'CONTACTED' || lead.archivedAt) return { dueAt: null };
      if (lead.nextFollowUpAt) return { dueAt: lead.nextFollowUpAt.toISOString() };
      const dueAt = new Date((lead.contactedAt ?? new Date(at)).getTime() + followUpMs);
      const { count } = await db.lead.updateMany({ where: { id: leadId, status: 'CONTACTED', archivedAt: null, nextFollowUpAt: null }, data: { nextFollowUpAt: dueAt } });
      if (count === 1) return { dueAt: dueAt.toISOString() };
      // Another write got there first (a call's next attempt, a move): arm what the row says now.
      const now = await db.lead.findUniqueOrThrow({ where: { id: leadId }, select: { status: true, archivedAt: true, nextFollowUpAt: true } });
      return { dueAt: now.status === 'CONTACTED' && !now.archivedAt ? (now.nextFollowUpAt?.toISOString() ?? null) : null };
    },

    /** Archiving ends the lead's automation: its open automatic tasks are cancelled and no follow-up is armed. Idempotent. */
    async pauseLeadAutomation({ leadId }: { leadId: string }): Promise<{ cancelledTaskIds: string[] }> {
      return db.$transaction(async (tx) => {
        await tx.lead.update({ where: { id: leadId }, data: { nextFollowUpAt: null } });
        return { cancelledTaskIds: await cancelAutomaticTasks(tx, leadId) };
      });
    },

    /**
     * Unarchiving restarts the automation from now, as if the lead had just entered its status:
     * NEW gets a new contact task (the deadline counts from now, not from the lead's creation),
     * CONTACTED a follow-up (and its next follow-up date), QUALIFIED a visit, UNDER_CONTRACT the closing documents.
     */
    async resumeLeadAutomation({ leadId, stepKey, at, deadlines }: { leadId: string; stepKey: string; at: string; deadlines: Deadlines }): Promise<{ createdTaskIds: string[] }> {
      const now = new Date(at);
      return db.$transaction(async (tx) => {
        const lead = await tx.lead.findUnique({ where: { id: leadId } });
        if (!lead) throw ApplicationFailure.nonRetryable(`lead ${leadId} does not exist`, 'LEAD_NOT_FOUND');
        await tx.lead.update({ where: { id: leadId }, data: { nextFollowUpAt: lead.status === 'CONTACTED' ? new Date(now.getTime() + deadlines.followUpMs) : null } });
        const spec = statusTaskFor(lead, lead.status, stepKey, now, deadlines);
        return { createdTaskIds: spec ? [(await saveAutomaticTask(tx, spec, { assigneeId: lead.ownerId, leadId }, automationGraceMs)).id] : [] };
      });
    },
  };
}
export type LeadStatusActivities = ReturnType<typeof createLeadStatusActivities>;
