import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/client';
import type { Mailer } from '../mail/create-mailer';

export interface EmailDeps {
  db: Db;
  mailer: Mailer;
  now?: () => Date;
}

export function createEmailActivities({ db, mailer, now = () => new Date() }: EmailDeps) {
  return {
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
      const { attempts } = await db.emailMessage.update({ where: { id: messageId }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
      let via;
      try {
        via = await mailer.send({ id: message.id, to: message.to, replyTo: message.replyTo, subject: message.subject, html: message.html, text: message.text });
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
