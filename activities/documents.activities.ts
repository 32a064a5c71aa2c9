import { documentSchema } from '../domain/documents/document.schema';
import { DOCUMENT_KIND_LABELS } from '../domain/labels/document-labels';
import { expiryReminderTaskFor } from '../domain/tasks/expiry-reminders';
import { parseColumn } from '../db/rows';
import type { Db } from '../db/client';
import { saveAutomaticTask, type AutomationDeps } from '../db/writes/save-automatic-task';

export function createDocumentActivities({ db, automationGraceMs }: { db: Db } & AutomationDeps) {
  return {
    /** "Renew or act on expiring document" for whoever recorded it, while it still expires then. */
    async createDocumentExpiryTask({ documentId, expiresAt, daysBefore }: { documentId: string; expiresAt: string; daysBefore: number }): Promise<{ taskId: string | null }> {
      return db.$transaction(async (tx) => {
        const doc = await tx.document.findUnique({ where: { id: documentId }, include: { uploadedBy: { select: { active: true } }, lead: { select: { ownerId: true } } } });
        if (!doc || doc.expiresAt?.toISOString() !== expiresAt) return { taskId: null };
        // An inactive uploader never gets tasks: the lead's owner takes it, else nobody until reassigned.
        const assigneeId = doc.uploadedBy.active ? doc.uploadedById : (doc.lead?.ownerId ?? null);
        // Named by its kind, not its file: the team's task list shows the title to those who may not see the document.
        const spec = expiryReminderTaskFor({ key: `document:${doc.id}`, kind: 'document', name: DOCUMENT_KIND_LABELS[parseColumn(documentSchema.shape.kind, doc.kind, 'Document.kind')].toLowerCase() }, new Date(expiresAt), daysBefore);
        const task = await saveAutomaticTask(tx, spec, {
          assigneeId,
          ...(doc.leadId ? { leadId: doc.leadId } : {}),
          ...(doc.buyerId ? { buyerId: doc.buyerId } : {}),
          ...(doc.offerId ? { offerId: doc.offerId } : {}),
        }, automationGraceMs);
        await tx.task.update({ where: { id: task.id }, data: { documentId: doc.id } });
        return { taskId: task.id };
      });
    },
  };
}
export type DocumentActivities = ReturnType<typeof createDocumentActivities>;
