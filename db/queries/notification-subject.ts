import type { TaskAbout } from '../../domain/notifications/notification-kinds';
import { leadSubject, type NotificationSubject } from '../../domain/notifications/notification-groups';
import { Prisma } from '../../prisma/generated/client';
import { readRows } from '../read-rows';

/** The one row `query` reads, or null. */
const readOne = async <Row>(tx: Prisma.TransactionClient, query: Prisma.Sql): Promise<Row | null> => (await readRows<Row>(tx, query))[0] ?? null;

interface TaskLinks {
  id: string;
  title: string;
  leadId: string | null;
  buyerId: string | null;
  offerId: string | null;
}

/** What a task's notifications are about, for grouping: its lead (directly or through its offer), else its buyer, else the task. */
export async function taskNotificationSubject(tx: Prisma.TransactionClient, task: TaskLinks): Promise<NotificationSubject> {
  const leadId = task.leadId ?? (task.offerId ? (await readOne<{ leadId: string }>(tx, Prisma.sql`SELECT "leadId" FROM "Offer" WHERE "id" = ${task.offerId}`))?.leadId : null);
  const lead = leadId ? await readOne<{ id: string; street: string }>(tx, Prisma.sql`SELECT "id", "street" FROM "Lead" WHERE "id" = ${leadId}`) : null;
  if (lead) return leadSubject(lead);
  const buyer = task.buyerId ? await readOne<{ id: string; name: string }>(tx, Prisma.sql`SELECT "id", "name" FROM "Buyer" WHERE "id" = ${task.buyerId}`) : null;
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
  const offer = task.offerId ? await readOne<{ leadId: string; amount: number; buyerId: string | null }>(tx, Prisma.sql`SELECT "leadId", "amount", "buyerId" FROM "Offer" WHERE "id" = ${task.offerId}`) : null;
  const leadId = task.leadId ?? offer?.leadId ?? null;
  const lead = leadId ? await readOne<{ sellerName: string; street: string }>(tx, Prisma.sql`SELECT "sellerName", "street" FROM "Lead" WHERE "id" = ${leadId}`) : null;
  const buyerId = task.buyerId ?? offer?.buyerId ?? null;
  const buyer = buyerId ? await readOne<{ name: string }>(tx, Prisma.sql`SELECT "name" FROM "Buyer" WHERE "id" = ${buyerId}`) : null;
  return {
    lead,
    buyer: lead ? null : buyer,
    offer: offer ? { amount: offer.amount, buyerName: buyer?.name ?? null } : null,
  };
}
