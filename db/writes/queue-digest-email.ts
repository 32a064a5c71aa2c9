import type { Db } from '../client';

export interface DigestEmailToQueue {
  /** `digest:<userId>:<local date>`: one digest per user and day, however often the schedule runs. */
  key: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Saves a digest once per key; the reconciler starts its `email-<id>` workflow. Answers whether it was new. */
export async function queueDigestEmail(db: Db, input: DigestEmailToQueue): Promise<boolean> {
  const existing = await db.emailMessage.findUnique({ where: { key: input.key }, select: { id: true } });
  if (existing) return false;
  await db.emailMessage.create({ data: { ...input, kind: 'DIGEST' } });
  return true;
}

/** Fills in a NOTIFICATION message (queued empty with the notification) once it is written. */
export async function writeNotificationEmail(db: Db, messageId: string, content: { subject: string; html: string; text: string }): Promise<void> {
  await db.emailMessage.update({ where: { id: messageId }, data: content });
}
