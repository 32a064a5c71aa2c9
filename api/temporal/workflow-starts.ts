import type { Workflow } from '@temporalio/common';
import type { BuyerStatus } from '../../domain/buyers/buyer.schema';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import type { OfferStatus } from '../../domain/offers/offer.schema';
import type { PendingWorkflowRow, WorkflowKind } from '../../db/queries/pending-workflows';
import { buyerWorkflowId, documentWorkflowId, emailWorkflowId, importWorkflowId, leadWorkflowId, offerWorkflowId, taskWorkflowId } from '../../domain/workflow-ids';
import type { BuyerWorkflowInput, buyerWorkflow } from '../../workflows/buyers/buyer.workflow';
import type { documentExpiryWorkflow } from '../../workflows/documents/document.workflow';
import type { sendEmailWorkflow } from '../../workflows/email/send-email.workflow';
import type { importWorkflow } from '../../workflows/imports/import.workflow';
import type { LeadWorkflowInput, leadWorkflow } from '../../workflows/leads/lead.workflow';
import type { OfferWorkflowInput, offerWorkflow } from '../../workflows/offers/offer.workflow';
import type { taskWorkflow } from '../../workflows/tasks/task.workflow';

/** Which workflow runs under which id, with its input: what a start (or update-with-start) needs. */
export interface WorkflowStart<W extends Workflow> {
  workflowType: string;
  workflowId: string;
  args: Parameters<W>;
  /**
   * A run already under the id is ended and this one takes its place (a record whose input
   * changed, e.g. a document's new expiry); by default the running one is kept.
   */
  replaceRun?: boolean;
}

export const leadWorkflowStart = (input: LeadWorkflowInput): WorkflowStart<typeof leadWorkflow> => ({
  workflowType: 'leadWorkflow',
  workflowId: leadWorkflowId(input.leadId),
  args: [input],
});

export const buyerWorkflowStart = (input: BuyerWorkflowInput): WorkflowStart<typeof buyerWorkflow> => ({
  workflowType: 'buyerWorkflow',
  workflowId: buyerWorkflowId(input.buyerId),
  args: [input],
});

export const offerWorkflowStart = (input: OfferWorkflowInput): WorkflowStart<typeof offerWorkflow> => ({
  workflowType: 'offerWorkflow',
  workflowId: offerWorkflowId(input.offerId),
  args: [input],
});

export const taskWorkflowStart = (taskId: string): WorkflowStart<typeof taskWorkflow> => ({
  workflowType: 'taskWorkflow',
  workflowId: taskWorkflowId(taskId),
  args: [{ taskId }],
});

export const documentWorkflowStart = (documentId: string, expiresAt: string): WorkflowStart<typeof documentExpiryWorkflow> => ({
  workflowType: 'documentExpiryWorkflow',
  workflowId: documentWorkflowId(documentId),
  args: [{ documentId, expiresAt }],
  // A changed expiry starts a new run with the new date (its reminders re-armed); the old run's
  // reminders would find the date changed and create nothing anyway.
  replaceRun: true,
});

export const sendEmailWorkflowStart = (messageId: string): WorkflowStart<typeof sendEmailWorkflow> => ({
  workflowType: 'sendEmailWorkflow',
  workflowId: emailWorkflowId(messageId),
  args: [{ messageId }],
});

/** A list import's workflow: it reads the stored file from where its cursor stands. */
export const importWorkflowStart = (importId: string): WorkflowStart<typeof importWorkflow> => ({
  workflowType: 'importWorkflow',
  workflowId: importWorkflowId(importId),
  args: [{ importId }],
});

/**
 * The start of a record's workflow as when the record was created, from its row: what the
 * reconciler starts for a record saved while Temporal was unreachable. Deadlines count from the
 * record's creation, not from this start.
 */
export function pendingWorkflowStart(kind: WorkflowKind, row: PendingWorkflowRow): WorkflowStart<Workflow> {
  switch (kind) {
    case 'lead':
      return leadWorkflowStart({ leadId: row.id, status: row.status as LeadStatus, ...(row.ownerId ? { ownerId: row.ownerId } : {}), ...(row.source === 'LIST_IMPORT' ? { coldList: true } : {}) });
    case 'buyer':
      return buyerWorkflowStart({
        buyerId: row.id,
        status: row.status as BuyerStatus,
        isNew: true,
        pofExpiresAt: row.pofExpiresAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
      });
    case 'offer':
      return offerWorkflowStart({ offerId: row.id, status: row.status as OfferStatus, expiresAt: row.expiresAt?.toISOString() ?? null });
    case 'task':
      return taskWorkflowStart(row.id);
    case 'document':
      return documentWorkflowStart(row.id, row.expiresAt!.toISOString());
    case 'email':
      return sendEmailWorkflowStart(row.id);
    case 'import':
      return importWorkflowStart(row.id);
  }
}
