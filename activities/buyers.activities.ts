import { ApplicationFailure } from '@temporalio/common';
import { pofExpiryTaskFor, sendMatchesTaskFor, verifyProofOfFundsTaskFor } from '../domain/buyers/buyer-tasks';
import type { BuyerStatus } from '../domain/buyers/buyer.schema';
import { pickLeastLoaded } from '../domain/tasks/pick-assignee';
import type { Db } from '../db/client';
import { findMatchingLeads } from '../db/queries/find-matches';
import { loadDealMath } from '../db/writes/settings-store';
import { recordEvent } from '../db/writes/record-event';
import { toBuyerJson, toTaskJson } from '../db/rows';
import { OPEN_TASK_STATUSES } from '../domain/tasks/task.schema';
import { loadCandidates } from '../db/queries/load-candidates';
import { saveAutomaticTask, type AutomationDeps } from '../db/writes/save-automatic-task';

export function createBuyerActivities({ db, automationGraceMs }: { db: Db } & AutomationDeps) {
  async function getBuyerOrFail(buyerId: string) {
    const buyer = await db.buyer.findUnique({ where: { id: buyerId } });
    if (!buyer) throw ApplicationFailure.nonRetryable(`buyer ${buyerId} does not exist`, 'BUYER_NOT_FOUND');
    return buyer;
  }

  /** Buyer work goes to the acquisitions team member with the least open work. */
  const pickAcquisitions = async () => pickLeastLoaded(await loadCandidates(db, 'ACQUISITIONS'));

  return {
    async createVerifyPofTask({ buyerId, at, dueMs }: { buyerId: string; at: string; dueMs: number }): Promise<{ taskId: string }> {
      const buyer = await getBuyerOrFail(buyerId);
      const assigneeId = await pickAcquisitions();
      const task = await db.$transaction((tx) => saveAutomaticTask(tx, verifyProofOfFundsTaskFor(buyer, new Date(at), dueMs), { assigneeId, buyerId }, automationGraceMs));
      return { taskId: task.id };
    },

    /** "Send matching properties" when the buyer has matches now; nothing otherwise. */
    async createSendMatchesTask({ buyerId, cycleKey, dueAt }: { buyerId: string; cycleKey: string; dueAt: string }): Promise<{ taskId: string | null }> {
      const buyer = await getBuyerOrFail(buyerId);
      if (buyer.archivedAt) return { taskId: null }; // an archived buyer gets no matching (its workflow also stops asking)
      const matches = await findMatchingLeads(db, buyer, await loadDealMath(db));
      if (matches.length === 0) return { taskId: null };
      const assigneeId = await pickAcquisitions();
      const task = await db.$transaction((tx) =>
        saveAutomaticTask(tx, sendMatchesTaskFor(buyer, cycleKey, matches.length, new Date(dueAt)), { assigneeId, buyerId }, automationGraceMs),
      );
      return { taskId: task.id };
    },

    /** "Renew or act on expiring proof of funds", unless the expiry date has moved since. */
    async createPofExpiryTask({ buyerId, expiresAt, daysBefore }: { buyerId: string; expiresAt: string; daysBefore: number }): Promise<{ taskId: string | null }> {
      const buyer = await getBuyerOrFail(buyerId);
      if (buyer.pofExpiresAt?.toISOString() !== expiresAt || buyer.archivedAt) return { taskId: null };
      const assigneeId = await pickAcquisitions();
      const task = await db.$transaction((tx) => saveAutomaticTask(tx, pofExpiryTaskFor(buyer, new Date(expiresAt), daysBefore), { assigneeId, buyerId }, automationGraceMs));
      return { taskId: task.id };
    },

    /** Archiving ends the buyer's automation: its open automatic tasks are cancelled (idempotent: a second run finds none open). */
    async cancelBuyerAutomation({ buyerId }: { buyerId: string }): Promise<{ cancelledTaskIds: string[] }> {
      return db.$transaction(async (tx) => {
        const open = await tx.task.findMany({ where: { buyerId, automationKey: { not: null }, status: { in: [...OPEN_TASK_STATUSES] } }, select: { id: true } });
        for (const { id } of open) {
          const task = await tx.task.update({ where: { id }, data: { status: 'CANCELLED' } });
          await recordEvent(tx, { entityType: 'task', entityId: id, action: 'cancelled', entity: toTaskJson(task) });
        }
        return { cancelledTaskIds: open.map((task) => task.id) };
      });
    },

    async applyBuyerStatus({ buyerId, to, actorId, stepKey }: { buyerId: string; to: BuyerStatus; actorId: string | null; stepKey: string }): Promise<void> {
      const dedupeKey = `buyer:${buyerId}:${stepKey}:status`;
      await db.$transaction(async (tx) => {
        if (await tx.event.findUnique({ where: { dedupeKey } })) return;
        const buyer = await tx.buyer.update({ where: { id: buyerId }, data: { status: to } });
        await recordEvent(tx, { entityType: 'buyer', entityId: buyerId, action: 'status_changed', entity: toBuyerJson(buyer), actorId, dedupeKey });
      });
    },

  };
}
export type BuyerActivities = ReturnType<typeof createBuyerActivities>;
