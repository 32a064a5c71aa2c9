import { z } from 'zod';
import { ApplicationFailure } from '@temporalio/common';
import { offerFollowUpTaskFor } from '../domain/offers/offer-tasks';
import { expiryReminderTaskFor } from '../domain/tasks/expiry-reminders';
import { leadSubject } from '../domain/notifications/notification-groups';
import { notificationFor } from '../domain/notifications/notification-kinds';
import { checkOfferMove, CLOSED_DEAL_OFFERS_FINAL, OPEN_OFFER_STATUSES, offerSchema, type OfferStatus } from '../domain/offers/offer.schema';
import { checkBuyerAcceptance } from '../domain/offers/buyer-acceptance';
import { checkPurchaseAcceptanceAtWrite } from '../domain/offers/purchase-acceptance';
import { LEAD_STATUSES, type LeadStatus } from '../domain/leads/lead.schema';
import { OPEN_TASK_STATUSES } from '../domain/tasks/task.schema';
import type { Db, Prisma } from '../db/client';
import { recordEvent } from '../db/writes/record-event';
import { clearDealBuyer } from '../db/writes/end-contract';
import { lockOfferAcceptance } from '../db/writes/lock-offer-acceptance';
import { parseColumn, toDealJson, toOfferJson, toTaskJson } from '../db/rows';
import { notifyUsers } from '../db/writes/notify-users';
import { saveAutomaticTask, type AutomationDeps } from '../db/writes/save-automatic-task';

export interface ApplyOfferStatusInput {
  offerId: string;
  to: OfferStatus;
  actorId: string | null;
  stepKey: string;
  at: string;
  followUpMs: number;
}

export interface ApplyOfferStatusResult {
  leadId: string;
  kind: string;
  createdTaskIds: string[];
  cancelledTaskIds: string[];
}

const leadStatusColumn = z.enum(LEAD_STATUSES);

const NOTIFY_CREATOR_ON: readonly OfferStatus[] = ['COUNTERED', 'ACCEPTED', 'REJECTED', 'EXPIRED'];

/** An accepted buyer offer names the buyer and the sale price on the lead's deal. */
async function recordBuyerOnDeal(tx: Prisma.TransactionClient, offer: { leadId: string; buyerId: string | null; amount: number }): Promise<void> {
  const deal = await tx.deal.upsert({
    where: { leadId: offer.leadId },
    create: { leadId: offer.leadId, buyerId: offer.buyerId, salePrice: offer.amount },
    update: { buyerId: offer.buyerId, salePrice: offer.amount },
  });
  await recordEvent(tx, { entityType: 'deal', entityId: deal.id, action: 'buyer_recorded', entity: toDealJson(deal) });
}

export function createOfferActivities({ db, automationGraceMs }: { db: Db } & AutomationDeps) {
  return {
    /** The offer's kind, its lead and the lead's status now, for the acceptance rule (domain/offers/purchase-acceptance.ts). */
    async readOfferLead({ offerId }: { offerId: string }): Promise<{ kind: string; leadId: string; leadStatus: LeadStatus }> {
      const offer = await db.offer.findUnique({ where: { id: offerId }, select: { kind: true, leadId: true, lead: { select: { status: true } } } });
      if (!offer) throw ApplicationFailure.nonRetryable(`offer ${offerId} does not exist`, 'OFFER_NOT_FOUND');
      return { kind: offer.kind, leadId: offer.leadId, leadStatus: parseColumn(leadStatusColumn, offer.lead.status, 'Lead.status') };
    },

    /** "Renew or act on expiring offer" for its creator, while the offer is still open and expires then. */
    async createOfferExpiryTask({ offerId, expiresAt, daysBefore }: { offerId: string; expiresAt: string; daysBefore: number }): Promise<{ taskId: string | null }> {
      return db.$transaction(async (tx) => {
        const offer = await tx.offer.findUnique({ where: { id: offerId }, include: { lead: { select: { sellerName: true } } } });
        const stillDue = offer && !offer.archivedAt && OPEN_OFFER_STATUSES.includes(offer.status as OfferStatus) && offer.expiresAt?.toISOString() === expiresAt;
        if (!stillDue) return { taskId: null };
        const spec = expiryReminderTaskFor({ key: `offer:${offer.id}`, kind: 'offer', name: offer.lead.sellerName }, new Date(expiresAt), daysBefore);
        const task = await saveAutomaticTask(tx, spec, { assigneeId: offer.createdById, offerId, leadId: offer.leadId }, automationGraceMs);
        return { taskId: task.id };
      });
    },

    /** Writes an offer status change the workflow accepted, with its event, tasks and notification. */
    async applyOfferStatus(input: ApplyOfferStatusInput): Promise<ApplyOfferStatusResult> {
      const { offerId, to, stepKey } = input;
      const at = new Date(input.at);
      return db.$transaction(async (tx) => {
        const offer = await tx.offer.findUnique({ where: { id: offerId }, include: { lead: { select: { sellerName: true, street: true } } } });
        if (!offer) throw ApplicationFailure.nonRetryable(`offer ${offerId} does not exist`, 'OFFER_NOT_FOUND');
        const dedupeKey = `offer:${offerId}:${stepKey}:status`;
        if (!(await tx.event.findUnique({ where: { dedupeKey } }))) {
          // Checked here, not (only) in the workflow: two offers are two workflows, and only the lead's row orders them.
          if (to === 'ACCEPTED') {
            const kind = offer.kind === 'BUYER' ? 'BUYER' : 'PURCHASE';
            const facts = await lockOfferAcceptance(tx, { leadId: offer.leadId, offerId, kind });
            const check = kind === 'BUYER' ? checkBuyerAcceptance(facts) : checkPurchaseAcceptanceAtWrite(facts);
            if (!check.ok) throw ApplicationFailure.nonRetryable(check.reason, 'INVALID_TRANSITION');
          }
          // An accepted buyer's offer withdrawn: its buyer backed out, and the open deal is free for a backup buyer.
          const backedOut = offer.status === 'ACCEPTED' && to === 'WITHDRAWN';
          if (backedOut) {
            const check = checkOfferMove(offer.kind === 'BUYER' ? 'BUYER' : 'PURCHASE', 'ACCEPTED', to);
            if (!check.ok) throw ApplicationFailure.nonRetryable(check.reason, 'INVALID_TRANSITION');
            const deal = await tx.deal.findUnique({ where: { leadId: offer.leadId }, select: { closedAt: true } });
            if (deal?.closedAt) throw ApplicationFailure.nonRetryable(CLOSED_DEAL_OFFERS_FINAL, 'INVALID_TRANSITION');
          }
          const updated = await tx.offer.update({ where: { id: offerId }, data: { status: to } });
          await recordEvent(tx, {
            entityType: 'offer',
            entityId: offerId,
            action: 'status_changed',
            entity: { ...toOfferJson(updated), previousStatus: parseColumn(offerSchema.shape.status, offer.status, 'Offer.status') },
            actorId: input.actorId,
            dedupeKey,
          });
          if (to === 'ACCEPTED' && offer.kind === 'BUYER') await recordBuyerOnDeal(tx, offer);
          if (backedOut) await clearDealBuyer(tx, offer.leadId);
        }
        if (NOTIFY_CREATOR_ON.includes(to) && input.actorId !== offer.createdById) {
          await notifyUsers(tx, [
            {
              recipientId: offer.createdById,
              ...notificationFor('OFFER_STATUS', { sellerName: offer.lead.sellerName, offerKind: offer.kind, amount: offer.amount, status: to }),
              link: `/leads/${offer.leadId}`,
              about: leadSubject({ id: offer.leadId, street: offer.lead.street }),
              dedupeKey: `offer:${offerId}:${stepKey}:notify`,
            },
          ]);
        }
        const createdTaskIds: string[] = [];
        if (to === 'SENT') {
          const spec = offerFollowUpTaskFor(offer, stepKey, at, input.followUpMs);
          createdTaskIds.push((await saveAutomaticTask(tx, spec, { assigneeId: offer.createdById, offerId, leadId: offer.leadId }, automationGraceMs)).id);
        }
        const cancelledTaskIds: string[] = [];
        if (!OPEN_OFFER_STATUSES.includes(to)) {
          const open = await tx.task.findMany({ where: { offerId, automationKey: { not: null }, status: { in: [...OPEN_TASK_STATUSES] } } });
          for (const task of open) {
            const cancelled = await tx.task.update({ where: { id: task.id }, data: { status: 'CANCELLED' } });
            await recordEvent(tx, { entityType: 'task', entityId: task.id, action: 'cancelled', entity: toTaskJson(cancelled) });
            cancelledTaskIds.push(task.id);
          }
        }
        return { leadId: offer.leadId, kind: offer.kind, createdTaskIds, cancelledTaskIds };
      });
    },
  };
}
export type OfferActivities = ReturnType<typeof createOfferActivities>;
