import { proxyActivities } from '@temporalio/workflow';
import type { DocumentActivities } from '../../activities/documents.activities';
import { DB_ACTIVITY_OPTIONS } from '../activity-options';
import { remindBeforeExpiry } from '../shared/remind-before-expiry';
import { startTaskWorkflow } from '../tasks/start-task-workflow';

const { createDocumentExpiryTask } = proxyActivities<DocumentActivities>(DB_ACTIVITY_OPTIONS);

export interface DocumentWorkflowInput {
  documentId: string;
  expiresAt: string;
}

/** `documentWorkflowId(documentId)` for a document that expires: "Renew or act on expiring document" 7 days and 1 day before. */
export async function documentExpiryWorkflow({ documentId, expiresAt }: DocumentWorkflowInput): Promise<void> {
  await remindBeforeExpiry(expiresAt, () => false, async (daysBefore) => {
    const { taskId } = await createDocumentExpiryTask({ documentId, expiresAt, daysBefore });
    if (taskId) await startTaskWorkflow(taskId);
  });
}
