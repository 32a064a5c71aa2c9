import { z } from 'zod';
import { taskSchema } from './task.schema';
import { dollars } from '../labels/dollars';

/** What a task is about, named for people: its lead, buyer or offer. */
export const taskSubjectSchema = z
  .object({ type: z.enum(['lead', 'buyer', 'offer']), id: z.string(), label: z.string(), leadId: z.string().nullable() })
  .nullable();
export type TaskSubject = z.infer<typeof taskSubjectSchema>;

/** A task in a list: the task and what it is about, so five "Contact lead within 1 hour" rows are told apart. */
export const taskListItemSchema = taskSchema.extend({ subject: taskSubjectSchema });
export type TaskListItem = z.infer<typeof taskListItemSchema>;

export const leadSubjectLabel = (lead: { sellerName: string; street: string; city: string }): string => `${lead.sellerName}, ${lead.street}, ${lead.city}`;

export const buyerSubjectLabel = (buyer: { name: string; company: string | null }): string => (buyer.company ? `${buyer.name} (${buyer.company})` : buyer.name);

export const offerSubjectLabel = (offer: { kind: string; amount: number; lead: { street: string } | null }): string =>
  `${offer.kind === 'PURCHASE' ? 'Purchase' : 'Buyer'} offer ${dollars(offer.amount)}${offer.lead ? ` on ${offer.lead.street}` : ''}`;

interface SubjectSources {
  lead?: { id: string; sellerName: string; street: string; city: string } | null;
  buyer?: { id: string; name: string; company: string | null } | null;
  offer?: { id: string; kind: string; amount: number; leadId: string; lead: { street: string } | null } | null;
}

/** The most specific thing a task concerns: its offer, else its lead, else its buyer. */
export function taskSubjectOf({ lead, buyer, offer }: SubjectSources): TaskSubject {
  if (offer) return { type: 'offer', id: offer.id, label: offerSubjectLabel(offer), leadId: offer.leadId };
  if (lead) return { type: 'lead', id: lead.id, label: leadSubjectLabel(lead), leadId: lead.id };
  if (buyer) return { type: 'buyer', id: buyer.id, label: buyerSubjectLabel(buyer), leadId: null };
  return null;
}
