import type { EmailAttachment } from '../../domain/email/email-message.schema';
import type { Buyer, Lead } from '../../prisma/generated/client';
import type { Db } from '../client';
import { recordEvent } from './record-event';
import { saveNote } from './save-note';
import { toBuyerJson, toEmailMessageJson, toLeadJson } from '../rows';

export interface BuyerMatchesEmailToQueue {
  key: string;
  buyer: Buyer & { email: string };
  leads: Lead[];
  sender: { id: string; name: string; email: string };
  taskId: string | null;
  /** The leads' photos, sent inline with the message. */
  attachments?: EmailAttachment[];
  subject: string;
  html: string;
  text: string;
}

/**
 * Saves the message (once per key: the same key answers the message saved first) with a note and
 * an event on the buyer and on each lead, in one transaction. Sending is the workflow's job.
 */
export async function queueBuyerMatchesEmail(db: Db, input: BuyerMatchesEmailToQueue): Promise<{ message: ReturnType<typeof toEmailMessageJson>; created: boolean }> {
  const existing = await db.emailMessage.findUnique({ where: { key: input.key } });
  if (existing) return { message: toEmailMessageJson(existing), created: false };
  const { buyer, leads, sender } = input;
  return db.$transaction(async (tx) => {
    const message = await tx.emailMessage.create({
      data: {
        key: input.key,
        kind: 'BUYER_MATCHES',
        to: buyer.email,
        replyTo: sender.email,
        subject: input.subject,
        html: input.html,
        text: input.text,
        buyerId: buyer.id,
        leadIds: JSON.stringify(leads.map((lead) => lead.id)),
        taskId: input.taskId,
        attachments: JSON.stringify(input.attachments ?? []),
        sentById: sender.id,
      },
    });
    // No e-mail addresses in the notes: an "@" there would be read as a mention.
    const addresses = leads.map((lead) => `${lead.street}, ${lead.city}`);
    await saveNote(tx, { authorId: sender.id, buyerId: buyer.id, body: `E-mailed ${leads.length} matching ${leads.length === 1 ? 'property' : 'properties'} to the buyer: ${addresses.join('; ')}` });
    await recordEvent(tx, {
      entityType: 'buyer',
      action: 'matches_sent',
      entityId: buyer.id,
      entity: { ...toBuyerJson(buyer), messageId: message.id, leadIds: leads.map((lead) => lead.id), sentByName: sender.name },
      actorId: sender.id,
      dedupeKey: `email:${message.id}:buyer`,
    });
    for (const lead of leads) {
      await saveNote(tx, { authorId: sender.id, leadId: lead.id, body: `E-mailed to buyer ${buyer.name} with matching properties` });
      await recordEvent(tx, {
        entityType: 'lead',
        action: 'sent_to_buyer',
        entityId: lead.id,
        entity: { ...toLeadJson(lead), messageId: message.id, buyerId: buyer.id, buyerName: buyer.name },
        actorId: sender.id,
        dedupeKey: `email:${message.id}:lead:${lead.id}`,
      });
    }
    return { message: toEmailMessageJson(message), created: true };
  });
}
