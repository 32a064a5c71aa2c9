import type { TaskAbout } from '../../domain/notifications/notification-kinds';
import { leadSubject, type NotificationSubject } from '../../domain/notifications/notification-groups';
import type { Prisma } from '../client';

interface TaskLinks {
  id: string;
  title: string;
  leadId: string | null;
  buyerId: string | null;
  offerId: string | null;
}

/** What a task's notifications are about, for grouping: its lead (directly or through its offer), else its buyer, else the task. */
export async function taskNotificationSubject(tx: Prisma.TransactionClient, task: TaskLinks): Promise<NotificationSubject> {
  const leadId = task.leadId ?? (task.offerId ? (await tx.offer.findUnique({ where: { id: task.offerId }, select: { leadId: true } }))?.leadId : null);
  const lead = leadId ? await tx.lead.findUnique({ where: { id: leadId }, select: { id: true, street: true } }) : null;
  if (lead) return leadSubject(lead);
  const buyer = task.buyerId ? await tx.buyer.findUnique({ where: { id: task.buyerId }, select: { id: true, name: true } }) : null;
  if (buyer) return { key: `buyer:${buyer.id}`, label: buyer.name };
  return { key: `task:${task.id}`, label: task.title };
}

/** What a note's mentions are about: the task, lead, offer's lead or buyer it was written on. */
export async function noteNotificationSubject(
  tx: Prisma.TransactionClient,
  note: { leadId?: string; buyerId?: string; taskId?: string; offerId?: string },
): Promise<NotificationSubject | undefined> {
  if (note.taskId) {
    const task = await tx.task.findUnique({ where: { id: note.taskId }, select: { id: true, title: true, leadId: true, buyerId: true, offerId: true } });
    return task ? taskNotificationSubject(tx, task) : undefined;
  }
  return taskNotificationSubject(tx, { id: '', title: '', leadId: note.leadId ?? null, buyerId: note.buyerId ?? null, offerId: note.offerId ?? null }).then((subject) =>
    subject.key === 'task:' ? undefined : subject,
  );
}

/** What a task's notifications name: its lead's seller and street (directly or through its offer), its buyer, its offer. */
export async function taskAboutFacts(tx: Prisma.TransactionClient, task: TaskLinks): Promise<TaskAbout> {
  const offer = task.offerId ? await tx.offer.findUnique({ where: { id: task.offerId }, select: { leadId: true, amount: true, buyerId: true } }) : null;
  const leadId = task.leadId ?? offer?.leadId ?? null;
  const lead = leadId ? await tx.lead.findUnique({ where: { id: leadId }, select: { sellerName: true, street: true } }) : null;
  const buyerId = task.buyerId ?? offer?.buyerId ?? null;
  const buyer = buyerId ? await tx.buyer.findUnique({ where: { id: buyerId }, select: { name: true } }) : null;
  return {
    lead,
    buyer: lead ? null : buyer,
    offer: offer ? { amount: offer.amount, buyerName: buyer?.name ?? null } : null,
  };
}
