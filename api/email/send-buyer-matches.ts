import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { withMao, type DealMathSettings } from '../../domain/deals/deal-math';
import {
  DEFAULT_MATCHES_PER_EMAIL,
  EMAIL_PHOTO_MAX_BYTES,
  EMAIL_PHOTOS_MAX_TOTAL_BYTES,
  type EmailAttachment,
  type EmailMessage,
  type SendMatchesInput,
} from '../../domain/email/email-message.schema';
import { TASK_STATUS_LABELS } from '../../domain/labels/task-labels';
import { OPEN_TASK_STATUSES, type TaskStatus } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { findMatchingLeads } from '../../db/queries/find-matches';
import { findFirstLeadPhotos } from '../../db/queries/lead-photos';
import { queueBuyerMatchesEmail } from '../../db/writes/queue-buyer-matches-email';
import { renderBuyerMatchesEmail } from '../../mail/buyer-matches-email';
import type { Lead } from '../../prisma/generated/client';
import { findBuyer } from '../buyers/get-buyer';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';
import type { TemporalDeps } from '../temporal/client';
import { startRecordWorkflow } from '../temporal/start-record-workflow';
import { startOrLog } from '../temporal/start-workflow';
import { sendEmailWorkflowStart } from '../temporal/workflow-starts';
import { transitionTask } from '../tasks/transition-task';
import { unsubscribeTokenFor } from './unsubscribe-token';

export type SendMatchesDeps = TemporalDeps & { db: Db; appUrl: string; dealMath: () => Promise<DealMathSettings>; /** DOCUMENTS_DIR: where the leads' photos are. */ documentsDir: string };

/**
 * Each lead's first photo as an inline attachment (cid), in lead order, while the message stays
 * under EMAIL_PHOTOS_MAX_TOTAL_BYTES: buyers see the houses without any document being public.
 */
async function photosOf(deps: SendMatchesDeps, leads: readonly Lead[]): Promise<{ attachments: EmailAttachment[]; cidByLead: Map<string, string> }> {
  const photos = await findFirstLeadPhotos(deps.db, leads.map((lead) => lead.id), EMAIL_PHOTO_MAX_BYTES);
  const attachments: EmailAttachment[] = [];
  const cidByLead = new Map<string, string>();
  let total = 0;
  for (const lead of leads) {
    const photo = photos.get(lead.id);
    if (!photo || total + photo.sizeBytes > EMAIL_PHOTOS_MAX_TOTAL_BYTES) continue;
    total += photo.sizeBytes;
    const cid = `photo-${photo.documentId}@flipstackk`;
    cidByLead.set(lead.id, cid);
    attachments.push({ cid, path: path.join(deps.documentsDir, photo.storagePath), fileName: photo.fileName, mimeType: photo.mimeType });
  }
  return { attachments, cidByLead };
}

/** The chosen leads in the order given, or the buyer's current top matches. */
async function leadsToSend(db: Db, buyer: Parameters<typeof findMatchingLeads>[1], input: SendMatchesInput, dealMath: DealMathSettings): Promise<Lead[]> {
  if (input.leadIds) {
    const ids = [...new Set(input.leadIds)];
    const found = await db.lead.findMany({ where: { id: { in: ids }, archivedAt: null } });
    const missing = ids.filter((id) => !found.some((lead) => lead.id === id));
    if (missing.length > 0) throw new AppError('UNPROCESSABLE', `No such lead: ${missing.join(', ')}`, { leadIds: `names leads that do not exist: ${missing.join(', ')}` });
    return ids.map((id) => found.find((lead) => lead.id === id)!);
  }
  const matches = await findMatchingLeads(db, buyer, dealMath, DEFAULT_MATCHES_PER_EMAIL);
  if (matches.length === 0) throw new AppError('UNPROCESSABLE', 'No lead matches this buyer\'s buy box: there is nothing to send', { leadIds: 'no matching leads to send' });
  return matches.map((match) => match.item);
}

/** The open "Send matching properties" task of this buyer that the e-mail completes. */
async function findSendMatchesTask(db: Db, buyerId: string, taskId: string) {
  const task = await db.task.findUnique({ where: { id: taskId } });
  if (!task || task.buyerId !== buyerId || !task.title.startsWith('Send matching properties')) {
    throw new AppError('UNPROCESSABLE', 'That task is not this buyer\'s "Send matching properties" task', { taskId: 'is not this buyer\'s "Send matching properties" task' });
  }
  if (!OPEN_TASK_STATUSES.includes(task.status as TaskStatus)) throw new AppError('CONFLICT', `The task is already ${TASK_STATUS_LABELS[task.status as TaskStatus].toLowerCase()}`);
  return task;
}

/**
 * `POST /api/buyers/:id/send-matches`: renders the e-mail of matching properties, saves it with
 * notes and events on the buyer and the leads, and starts `email-<id>` to send it. The answer
 * (202) does not wait for the mail server: a failed send is retried and shown on the Outbox page.
 */
export async function sendBuyerMatches(deps: SendMatchesDeps, buyerId: string, input: SendMatchesInput, actor: PublicUser): Promise<{ message: EmailMessage; taskCompleted: boolean }> {
  const { db } = deps;
  const buyer = await findBuyer(db, buyerId);
  assertPermission(actor, 'update', { type: 'buyer', ownerId: buyer.ownerId });
  const email = buyer.email;
  if (!email) throw new AppError('UNPROCESSABLE', `${buyer.name} has no e-mail address: add one to send them properties`, { email: 'is required to e-mail the buyer' });
  if (buyer.emailOptOutAt) throw new AppError('CONFLICT', `${buyer.name} unsubscribed from e-mail on ${buyer.emailOptOutAt.toISOString().slice(0, 10)}`);
  const task = input.taskId ? await findSendMatchesTask(db, buyer.id, input.taskId) : null;
  const dealMath = await deps.dealMath();
  const leads = await leadsToSend(db, buyer, input, dealMath);

  const { attachments, cidByLead } = await photosOf(deps, leads);
  const unsubscribeUrl = `${deps.appUrl}/unsubscribe/${encodeURIComponent(await unsubscribeTokenFor(db, buyer.id))}`;
  const rendered = renderBuyerMatchesEmail({
    appUrl: deps.appUrl,
    buyerName: buyer.name,
    senderName: actor.name,
    unsubscribeUrl,
    properties: leads.map((lead) => ({ ...withMao(lead, dealMath), photoCid: cidByLead.get(lead.id) ?? null })),
  });
  // One message per task: sending again from the same task answers the first message.
  const key = `buyer-matches:${buyer.id}:${task ? `task:${task.id}` : randomUUID()}`;
  const { message } = await queueBuyerMatchesEmail(db, { key, buyer: { ...buyer, email }, leads, sender: actor, taskId: task?.id ?? null, attachments, ...rendered });
  if (message.status === 'QUEUED') {
    // Temporal unreachable: the message stays QUEUED and the worker's reconciler starts its workflow later.
    await startOrLog(`e-mail ${message.id}`, () => startRecordWorkflow(deps, 'email', message.id, sendEmailWorkflowStart(message.id)));
  }
  let taskCompleted = false;
  if (task) {
    try {
      await transitionTask(deps, task.id, { action: 'complete' }, actor);
      taskCompleted = true;
    } catch (error) {
      // The e-mail is on its way either way; the task stays open for its assignee to close.
      console.error(`send-matches: task ${task.id} not completed:`, error instanceof Error ? error.message : error);
    }
  }
  return { message, taskCompleted };
}
