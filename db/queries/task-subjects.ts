import { taskSubjectOf, type TaskSubject } from '../../domain/tasks/task-subject';
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../client';
import { readRows } from '../read-rows';
import { dialectOf } from './dialect';
import { idIn } from './sql';

export interface TaskLinks {
  id: string;
  leadId: string | null;
  buyerId: string | null;
  offerId: string | null;
}

const idsOf = (tasks: TaskLinks[], key: 'leadId' | 'buyerId' | 'offerId'): string[] => [...new Set(tasks.flatMap((task) => (task[key] ? [task[key]] : [])))];

const ID = Prisma.sql`"id"`;

/** The rows of `query`, or none without asking when there is no id to look up. */
const readIfAny = <Row>(db: Db, ids: string[], query: Prisma.Sql): Promise<Row[]> => (ids.length === 0 ? Promise.resolve([]) : readRows<Row>(db, query));

/** What each task of a page is about, read in three queries at most whatever the page's size. */
export async function readTaskSubjects(db: Db, tasks: TaskLinks[]): Promise<Map<string, TaskSubject>> {
  const [leadIds, buyerIds, offerIds] = [idsOf(tasks, 'leadId'), idsOf(tasks, 'buyerId'), idsOf(tasks, 'offerId')];
  const dialect = dialectOf(db);
  const [leads, buyers, offers] = await Promise.all([
    readIfAny<{ id: string; sellerName: string; street: string; city: string }>(db, leadIds, Prisma.sql`SELECT "id", "sellerName", "street", "city" FROM "Lead" WHERE ${idIn(ID, leadIds, dialect)}`),
    readIfAny<{ id: string; name: string; company: string | null }>(db, buyerIds, Prisma.sql`SELECT "id", "name", "company" FROM "Buyer" WHERE ${idIn(ID, buyerIds, dialect)}`),
    readIfAny<{ id: string; kind: string; amount: number; leadId: string; leadStreet: string | null }>(
      db,
      offerIds,
      Prisma.sql`SELECT "Offer"."id", "Offer"."kind", "Offer"."amount", "Offer"."leadId", "Lead"."street" AS "leadStreet"
        FROM "Offer" LEFT JOIN "Lead" ON "Lead"."id" = "Offer"."leadId" WHERE ${idIn(Prisma.sql`"Offer"."id"`, offerIds, dialect)}`,
    ),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [leadById, buyerById] = [byId(leads), byId(buyers)];
  const offerById = new Map(offers.map(({ leadStreet, ...offer }) => [offer.id, { ...offer, lead: leadStreet === null ? null : { street: leadStreet } }]));
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
