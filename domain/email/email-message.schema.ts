import { z } from 'zod';
import { MAX_LEADS_PER_EMAIL } from './matches-email';

export { DEFAULT_MATCHES_PER_EMAIL, describeRooms, MAX_LEADS_PER_EMAIL } from './matches-email';

/** QUEUED until its send activity hands it over; FAILED once every retry failed (lastError says why). */
export const EMAIL_STATUSES = ['QUEUED', 'SENT', 'FAILED'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const EMAIL_KINDS = ['BUYER_MATCHES', 'INVITE', 'NOTIFICATION', 'DIGEST'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** `POST /api/buyers/:id/send-matches`: the chosen leads (else the current top matches), and the task it completes. */
export const sendMatchesInputSchema = z
  .object({
    leadIds: z.array(z.string().min(1).max(100)).min(1, 'must name at least one lead').max(MAX_LEADS_PER_EMAIL, `must name at most ${MAX_LEADS_PER_EMAIL} leads`).optional(),
    taskId: z.string().min(1).max(100).optional(),
  })
  .strict();
export type SendMatchesInput = z.infer<typeof sendMatchesInputSchema>;

/** A lead's photo is sent inline with "matching properties" only up to this size (larger ones are left out: mail servers refuse big messages). */
export const EMAIL_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** All the photos of one message together stay under this. */
export const EMAIL_PHOTOS_MAX_TOTAL_BYTES = 8 * 1024 * 1024;

/** A file sent inline with a message (`<img src="cid:…">`), as `EmailMessage.attachments` keeps it; read from disk when the message is sent. */
export const emailAttachmentSchema = z.object({
  cid: z.string(),
  /** The file's absolute path (under DOCUMENTS_DIR); a file gone by then is left out. */
  path: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
});
export type EmailAttachment = z.infer<typeof emailAttachmentSchema>;

/** One message of the outbox, as the admin's Outbox page lists it. */
export const emailMessageSchema = z.object({
  id: z.string(),
  kind: z.enum(EMAIL_KINDS),
  to: z.string(),
  replyTo: z.string().nullable(),
  subject: z.string(),
  status: z.enum(EMAIL_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  transport: z.enum(['smtp', 'outbox']).nullable(),
  outboxFile: z.string().nullable(),
  buyerId: z.string().nullable(),
  leadIds: z.array(z.string()),
  sentById: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type EmailMessage = z.infer<typeof emailMessageSchema>;

/** One message with its parts and, once written to the outbox, the .eml file as sent. */
export const emailMessageDetailSchema = emailMessageSchema.extend({ html: z.string(), text: z.string(), eml: z.string().nullable() });
export type EmailMessageDetail = z.infer<typeof emailMessageDetailSchema>;

/** The 202 of a send: the message is queued; its workflow sends it. */
export const sendMatchesResultSchema = z.object({ message: emailMessageSchema, taskCompleted: z.boolean() });

/** What an unsubscribe link shows before it is used. */
export const unsubscribePreviewSchema = z.object({ name: z.string(), email: z.string(), unsubscribed: z.boolean() });
export type UnsubscribePreview = z.infer<typeof unsubscribePreviewSchema>;
