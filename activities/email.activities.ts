import fs from 'node:fs/promises';
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { emailAttachmentSchema, type EmailAttachment } from '../domain/email/email-message.schema';
import type { Db } from '../db/client';
import type { Mailer } from '../mail/create-mailer';
import { readDigestContent, readDigestReaders } from '../db/queries/daily-digest';
import { queueDigestEmail, writeNotificationEmail } from '../db/writes/queue-digest-email';
import { readNotificationPreferences } from '../domain/notifications/notification-preferences';
import { localDate, localDayBounds, localHour } from '../domain/time/zoned-day';
import { renderDailyDigestEmail } from '../mail/daily-digest-email';
import { renderNotificationEmail } from '../mail/notification-email';

export interface EmailDeps {
  db: Db;
  mailer: Mailer;
  /** Where the links in e-mails point (APP_URL); the default of `npm start` when absent. */
  appUrl?: string;
  now?: () => Date;
}

/** The digest comes at this hour of each reader's day. */
export const DIGEST_HOUR = 7;

export function createEmailActivities({ db, mailer, appUrl = 'http://localhost:3000', now = () => new Date() }: EmailDeps) {
  /** A NOTIFICATION message is queued empty with its notification; it is written, in the reader's zone, before its first send. */
  async function composeNotification(message: { id: string; html: string; notificationId: string | null }) {
    if (message.html !== '' || !message.notificationId) return null;
    const notification = await db.notification.findUnique({ where: { id: message.notificationId }, include: { recipient: { select: { notificationPreferences: true } } } });
    if (!notification) throw ApplicationFailure.nonRetryable(`Notification ${message.notificationId} does not exist`, 'NOT_FOUND');
    const { timeZone } = readNotificationPreferences(notification.recipient.notificationPreferences);
    const content = renderNotificationEmail({ appUrl, title: notification.title, body: notification.body, link: notification.link, timeZone });
    await writeNotificationEmail(db, message.id, content);
    return content;
  }

  /** The message's inline files that are still on disk: a photo purged since it was queued is left out, never a failed send. */
  async function attachmentsOf(message: { id: string; attachments: string }): Promise<EmailAttachment[]> {
    const listed = z.array(emailAttachmentSchema).safeParse(JSON.parse(message.attachments || '[]'));
    if (!listed.success) return [];
    const present: EmailAttachment[] = [];
    for (const file of listed.data) {
      const found = await fs.access(file.path).then(() => true, () => false);
      if (found) present.push(file);
      else console.warn(`e-mail ${message.id}: ${file.fileName} is gone, sent without it`);
    }
    return present;
  }

  return {
    /**
     * Queues the daily digest of every reader for whom it is 07:00–07:59 at `at` and who has
     * something in it (overdue tasks unless they take overdue alerts never by e-mail, tasks due today, leads created for or reassigned to them in
     * the last day, and HIGH priority tasks given to them in the last day when they take those in
     * the digest). Runs
     * every quarter hour; one digest per reader and local day, however often it runs.
     */
    async queueDailyDigests({ at }: { at: string }): Promise<{ queued: number }> {
      const instant = new Date(at);
      let queued = 0;
      for (const reader of await readDigestReaders(db)) {
        const { timeZone } = reader.preferences;
        if (localHour(instant, timeZone) !== DIGEST_HOUR) continue;
        const { start, end } = localDayBounds(instant, timeZone);
        const content = await readDigestContent(
          db,
          reader.id,
          { dayStart: start, dayEnd: end, since: new Date(instant.getTime() - 24 * 3_600_000) },
          // Overdue alerts "never" by e-mail: not in the digest either (IMMEDIATELY still lists them, as the day's summary).
          { highPriorityAssignments: reader.preferences.email.assignments === 'DIGEST', overdue: reader.preferences.email.overdue !== 'NEVER' },
        );
        if (content.overdue.length + content.dueToday.length + content.newLeads.length + content.highPriorityAssigned.length === 0) continue;
        const task = (item: (typeof content.overdue)[number]) => ({ title: item.title, about: item.about, at: item.dueAt.toISOString(), link: `/tasks/${item.id}` });
        const email = renderDailyDigestEmail({
          appUrl,
          userName: reader.name.split(' ')[0] ?? reader.name,
          timeZone,
          day: instant.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone }),
          overdue: content.overdue.map(task),
          dueToday: content.dueToday.map(task),
          newLeads: content.newLeads.map((lead) => ({ title: lead.sellerName, about: `${lead.street}, ${lead.city}`, at: lead.at.toISOString(), how: lead.how, link: `/leads/${lead.id}` })),
          highPriorityAssigned: content.highPriorityAssigned.map((item) => ({ ...task(item), at: item.assignedAt.toISOString(), dueAt: item.dueAt.toISOString() })),
        });
        if (await queueDigestEmail(db, { key: `digest:${reader.id}:${localDate(instant, timeZone)}`, to: reader.email, ...email })) queued += 1;
      }
      return { queued };
    },

    /**
     * Sends a queued message once: a message already SENT is not sent again when the activity is
     * retried or run twice, and its Message-ID is the row's, so a receiver sees a repeat (a crash
     * between the hand-over and the write below) as the same message. A failed attempt is written
     * on the message, then thrown for Temporal to retry.
     */
    async sendEmail({ messageId }: { messageId: string }): Promise<{ sent: boolean }> {
      const message = await db.emailMessage.findUnique({ where: { id: messageId } });
      if (!message) throw ApplicationFailure.nonRetryable(`E-mail ${messageId} does not exist`, 'NOT_FOUND');
      if (message.status === 'SENT') return { sent: false };
      const composed = await composeNotification(message);
      const { attempts } = await db.emailMessage.update({ where: { id: messageId }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
      let via;
      try {
        const attachments = await attachmentsOf(message);
        via = await mailer.send({
          id: message.id,
          to: message.to,
          replyTo: message.replyTo,
          ...(composed ?? { subject: message.subject, html: message.html, text: message.text }),
          ...(attachments.length > 0 ? { attachments } : {}),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await db.emailMessage.update({ where: { id: messageId }, data: { lastError: `Attempt ${attempts}: ${reason}` } });
        throw error;
      }
      await db.emailMessage.update({ where: { id: messageId }, data: { status: 'SENT', sentAt: now(), transport: via.transport, outboxFile: via.outboxFile, lastError: null } });
      return { sent: true };
    },

    /** Every attempt failed: the message is FAILED, with the last reason, on the Outbox page. */
    async markEmailFailed({ messageId, error }: { messageId: string; error: string }): Promise<void> {
      await db.emailMessage.updateMany({ where: { id: messageId, status: { not: 'SENT' } }, data: { status: 'FAILED', lastError: error } });
    },
  };
}
export type EmailActivities = ReturnType<typeof createEmailActivities>;
