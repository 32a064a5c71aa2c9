import { Prisma, type Lead } from '../../prisma/generated/client';
import { QUEUE_RULES, type QueueRule } from '../../domain/calls/call-queue';
import { OPEN_LEAD_STATUSES } from '../../domain/leads/lead-status';
import type { Db } from '../client';
import { readRows } from '../read-rows';
import { dialectOf, indexedBy, type Dialect } from './dialect';
import { selectedColumns, sqlDate, sqlLiteralList } from './sql';

/**
 * The candidates of one owner's call queue: a run of leads per rule of the domain's queue
 * (domain/calls/call-queue), each read through an owner index in the queue's own order within a
 * rule (score, then oldest, then id) with a limit, since an owner may have thousands of open
 * leads. The runs hold disjoint leads and are read in the queue's rule order until `limit` leads
 * are read, so the candidates are the queue's first `limit` as the stored scores rank them;
 * orderCallQueue then ranks them with their scores as of now.
 */
export interface CallQueueQuery {
  ownerId: string;
  now: Date;
  contactMs: number;
  limit: number;
}

/** Within a rule, the domain's order: the best score first, then the oldest, then the id. */
const QUEUE_ORDER = Prisma.sql`ORDER BY "score" DESC, "createdAt" ASC, "id" ASC`;

/** The ids of one rule's run of the owner's open leads, in the queue's order, at most `limit` (tests/integration/query-plans checks each). */
export function callQueueRunSql(rule: QueueRule, { ownerId, now, contactMs, limit }: CallQueueQuery, dialect: Dialect): Prisma.Sql {
  const cutoff = sqlDate(new Date(now.getTime() - contactMs));
  const at = sqlDate(now);
  const open = sqlLiteralList(OPEN_LEAD_STATUSES);
  // queuePlace's "contact overdue": a NEW lead never contacted, past its deadline, not a cold-list lead.
  const overdueContact = Prisma.sql`("status" = 'NEW' AND "contactedAt" IS NULL AND "source" <> 'LIST_IMPORT' AND "createdAt" <= ${cutoff})`;
  const live = Prisma.sql`"ownerId" = ${ownerId} AND "archivedAt" IS NULL`;
  switch (rule) {
    case 'OVERDUE_CONTACT':
      // Named: without statistics the planner prefers (status, createdAt), which walks every owner's NEW leads.
      return Prisma.sql`SELECT "id" FROM "Lead"${indexedBy(dialect, 'Lead_ownerId_status_idx')} WHERE ${live} AND ${overdueContact}
        AND ("nextFollowUpAt" IS NULL OR "nextFollowUpAt" <= ${at}) ${QUEUE_ORDER} LIMIT ${limit}`;
    case 'FOLLOW_UP_DUE':
      return Prisma.sql`SELECT "id" FROM "Lead"${indexedBy(dialect, 'Lead_ownerId_nextFollowUpAt_idx')} WHERE ${live} AND "nextFollowUpAt" <= ${at} AND "status" IN ${open}
        AND NOT ${overdueContact} ${QUEUE_ORDER} LIMIT ${limit}`;
    case 'BY_SCORE':
      return Prisma.sql`SELECT "id" FROM "Lead"${indexedBy(dialect, 'Lead_ownerId_score_idx')} WHERE ${live} AND "status" IN ${open} AND "nextFollowUpAt" IS NULL
        AND NOT ${overdueContact} ${QUEUE_ORDER} LIMIT ${limit}`;
    case 'NEXT_ATTEMPT_LATER':
      // From the follow-up index: walking the owner's scores for these reads every closed lead when there are few.
      return Prisma.sql`SELECT "id" FROM "Lead"${indexedBy(dialect, 'Lead_ownerId_nextFollowUpAt_idx')} WHERE ${live} AND "nextFollowUpAt" > ${at} AND "status" IN ${open}
        ${QUEUE_ORDER} LIMIT ${limit}`;
  }
}

/**
 * The runs as one statement: SQLite reads a `UNION ALL` branch by branch and stops at the outer
 * limit, so a later run is read only as far as the earlier ones leave room (most queues fill from
 * the first three). PostgreSQL does not promise the branches' order, so it reads each run whole
 * (each at most `limit`) and orderCallQueue cuts. The runs pick ids, and only the picked leads are
 * read, whole or only `columns` (a lean answer's 27 of 45: 1.05 → 0.89 ms for 50 leads, in
 * process): a run that sorts (every one but the best scores) sorts its ids, not whole rows (1.25 →
 * 1.0 ms for an agent's queue at volume), in no order (orderCallQueue orders them).
 */
export function callQueueSql(query: CallQueueQuery, dialect: Dialect, columns?: readonly string[]): Prisma.Sql {
  // QUEUE_RULES lists the rules in the queue's order.
  const runs = QUEUE_RULES.map((rule) => Prisma.sql`SELECT "id" FROM (${callQueueRunSql(rule, query, dialect)}) AS "run"`);
  const all = Prisma.join(runs, ' UNION ALL ');
  const picked = dialect === 'sqlite' ? Prisma.sql`${all} LIMIT ${query.limit}` : all;
  return Prisma.sql`SELECT ${selectedColumns(columns, 'Lead')} FROM (${picked}) AS "picked" JOIN "Lead" ON "Lead"."id" = "picked"."id"`;
}

/** The candidates, whole, or with only `columns` and the id. */
export function readCallQueueCandidates(db: Db, query: CallQueueQuery): Promise<Lead[]>;
export function readCallQueueCandidates<Column extends keyof Lead>(db: Db, query: CallQueueQuery, columns: readonly Column[]): Promise<Array<Pick<Lead, Column | 'id'>>>;
export function readCallQueueCandidates(db: Db, query: CallQueueQuery, columns?: ReadonlyArray<keyof Lead>): Promise<Array<Partial<Lead>>> {
  return readRows<Partial<Lead>>(db, callQueueSql(query, dialectOf(db), columns));
}
