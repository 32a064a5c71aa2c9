import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { EmailActivities } from '../../activities/email.activities';
import { DB_ACTIVITY_OPTIONS } from '../activity-options';

export interface SendEmailInput {
  messageId: string;
}

/** Attempts at one message before it is marked FAILED: 2 s, doubling, about half an hour in all. */
export const EMAIL_SEND_ATTEMPTS = 10;

// An SMTP server that refuses or is down is retried with backoff; every failed attempt is written
// on the message (the Outbox page shows it), and the message's status makes a retry send it once.
const { sendEmail } = proxyActivities<EmailActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: EMAIL_SEND_ATTEMPTS },
});
const { markEmailFailed } = proxyActivities<EmailActivities>(DB_ACTIVITY_OPTIONS);

/** `email-<messageId>`: sends one queued message, or marks it FAILED with the last error once the retries are spent. */
export async function sendEmailWorkflow({ messageId }: SendEmailInput): Promise<{ status: 'SENT' | 'FAILED' }> {
  try {
    await sendEmail({ messageId });
    return { status: 'SENT' };
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    await markEmailFailed({ messageId, error: cause instanceof Error ? cause.message : String(cause) });
    return { status: 'FAILED' };
  }
}
