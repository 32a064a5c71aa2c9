import type { Prisma } from '../client';
import { toEmailMessageJson } from '../rows';

export interface InviteEmailToQueue {
  /** One message per invite link. */
  key: string;
  to: string;
  replyTo: string;
  sentById: string;
  subject: string;
  html: string;
  text: string;
}

/** Saves the invite's e-mail in the invite's own transaction; the `email-<id>` workflow sends it. */
export async function queueInviteEmail(tx: Prisma.TransactionClient, input: InviteEmailToQueue): Promise<ReturnType<typeof toEmailMessageJson>> {
  const message = await tx.emailMessage.create({ data: { ...input, kind: 'INVITE' } });
  return toEmailMessageJson(message);
}
