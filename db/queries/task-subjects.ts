import { taskSubjectOf, type TaskSubject } from '../../domain/tasks/task-subject';
import type { Db } from '../client';

interface TaskLinks {
  id: string;
  leadId: string | null;
  buyerId: string | null;
  offerId: string | null;
}

const idsOf = (tasks: TaskLinks[], key: 'leadId' | 'buyerId' | 'offerId'): string[] => [...new Set(tasks.flatMap((task) => (task[key] ? [task[key]] : [])))];

/** What each task of a page is about, read in three queries whatever the page's size. */
export async function readTaskSubjects(db: Db, tasks: TaskLinks[]): Promise<Map<string, TaskSubject>> {
  const [leads, buyers, offers] = await Promise.all([
    db.lead.findMany({ where: { id: { in: idsOf(tasks, 'leadId') } }, select: { id: true, sellerName: true, street: true, city: true } }),
    db.buyer.findMany({ where: { id: { in: idsOf(tasks, 'buyerId') } }, select: { id: true, name: true, company: true } }),
    db.offer.findMany({ where: { id: { in: idsOf(tasks, 'offerId') } }, select: { id: true, kind: true, amount: true, leadId: true, lead: { select: { street: true } } } }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [leadById, buyerById, offerById] = [byId(leads), byId(buyers), byId(offers)];
  return new Map(
    tasks.map((task) => [
      task.id,
      taskSubjectOf({
        lead: task.leadId ? leadById.get(task.leadId) : null,
        buyer: task.buyerId ? buyerById.get(task.buyerId) : null,
        offer: task.offerId ? offerById.get(task.offerId) : null,
      }),
    ]),
  );
}
