import { SEARCH_MARKS } from '../../domain/search/match-expression';
import type { Db } from '../client';
import { readRows } from '../read-rows';
import { Prisma } from '../../prisma/generated/client';
import { dialectOf, type Dialect } from './dialect';
import { buyerSearchPostgresSql, leadSearchPostgresSql, searchTasksPostgres } from './search-postgres';

// The FTS5 indexes (LeadSearch, BuyerSearch, TaskSearch) are created and kept by triggers in the
// search_index migration (LeadSearch again, with the APN, in search_lead_apn); Prisma's schema cannot declare them. Each index's rowid is its row's
// rowid; the id check keeps a stale index from naming another row.

export interface SearchOptions {
  match: string;
  limit: number;
  includeArchived: boolean;
}

/** highlight() of each searched column, in the index's column order (0 is the id). */
const highlights = (table: string, columns: string[]): Prisma.Sql =>
  Prisma.raw(columns.map((column, index) => `highlight("${table}", ${index + 1}, '${SEARCH_MARKS.open}', '${SEARCH_MARKS.close}') AS "hl_${column}"`).join(', '));

export const LEAD_SEARCH_COLUMNS = ['name', 'street', 'city', 'zip', 'phone', 'email', 'apn'] as const;
export const BUYER_SEARCH_COLUMNS = ['name', 'company', 'email', 'phone', 'markets'] as const;
export const TASK_SEARCH_COLUMNS = ['title'] as const;

type Highlighted<C extends readonly string[]> = { [K in C[number] as `hl_${K}`]: string };

export type LeadHit = { id: string; sellerName: string; sellerPhone: string | null; sellerEmail: string | null; apn: string | null; street: string; city: string; state: string; zip: string; status: string } & Highlighted<typeof LEAD_SEARCH_COLUMNS>;
export type BuyerHit = { id: string; name: string; company: string | null; email: string | null; phone: string | null; markets: string; status: string } & Highlighted<typeof BUYER_SEARCH_COLUMNS>;
export type TaskHit = { id: string; title: string; status: string; dueAt: string; leadName: string | null; buyerName: string | null } & Highlighted<typeof TASK_SEARCH_COLUMNS>;

/** Leads matching, best first (bm25: the seller's name weighs most, then the phone and street). */
export function leadSearchSql(options: SearchOptions, dialect: Dialect): Prisma.Sql {
  if (dialect === 'postgres') return leadSearchPostgresSql(options);
  const { match, limit, includeArchived } = options;
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND l."archivedAt" IS NULL`;
  return Prisma.sql`
    SELECT l."id", l."sellerName", l."sellerPhone", l."sellerEmail", l."apn", l."street", l."city", l."state", l."zip", l."status",
      ${highlights('LeadSearch', [...LEAD_SEARCH_COLUMNS])}
    FROM "LeadSearch" JOIN "Lead" l ON l.rowid = "LeadSearch".rowid AND l."id" = "LeadSearch"."id"
    WHERE "LeadSearch" MATCH ${match} ${live}
    ORDER BY bm25("LeadSearch", 0, 10, 5, 2, 2, 6, 4, 4)
    LIMIT ${limit}`;
}

/** Buyers matching, best first (name, then company and phone). */
export function buyerSearchSql(options: SearchOptions, dialect: Dialect): Prisma.Sql {
  if (dialect === 'postgres') return buyerSearchPostgresSql(options);
  const { match, limit, includeArchived } = options;
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND b."archivedAt" IS NULL`;
  return Prisma.sql`
    SELECT b."id", b."name", b."company", b."email", b."phone", b."markets", b."status",
      ${highlights('BuyerSearch', [...BUYER_SEARCH_COLUMNS])}
    FROM "BuyerSearch" JOIN "Buyer" b ON b.rowid = "BuyerSearch".rowid AND b."id" = "BuyerSearch"."id"
    WHERE "BuyerSearch" MATCH ${match} ${live}
    ORDER BY bm25("BuyerSearch", 0, 10, 6, 4, 6, 2)
    LIMIT ${limit}`;
}

/** Tasks whose title matches, best first, with what they are about; a cancelled task is the archived kind. (SQLite; PostgreSQL's search is searchTasksPostgres.) */
export function taskSearchSql({ match, limit, includeArchived }: SearchOptions): Prisma.Sql {
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND t."status" <> 'CANCELLED'`;
  return Prisma.sql`
    SELECT t."id", t."title", t."status", t."dueAt", l."sellerName" AS "leadName", b."name" AS "buyerName",
      ${highlights('TaskSearch', [...TASK_SEARCH_COLUMNS])}
    FROM "TaskSearch" JOIN "Task" t ON t.rowid = "TaskSearch".rowid AND t."id" = "TaskSearch"."id"
      LEFT JOIN "Lead" l ON l."id" = t."leadId"
      LEFT JOIN "Buyer" b ON b."id" = t."buyerId"
    WHERE "TaskSearch" MATCH ${match} ${live}
    ORDER BY bm25("TaskSearch", 0, 1)
    LIMIT ${limit}`;
}

export const searchLeads = (db: Db, options: SearchOptions): Promise<LeadHit[]> => readRows<LeadHit>(db, leadSearchSql(options, dialectOf(db)));

export const searchBuyers = (db: Db, options: SearchOptions): Promise<BuyerHit[]> => readRows<BuyerHit>(db, buyerSearchSql(options, dialectOf(db)));

export const searchTasks = (db: Db, options: SearchOptions): Promise<TaskHit[]> =>
  dialectOf(db) === 'postgres' ? searchTasksPostgres(db, options) : readRows<TaskHit>(db, taskSearchSql(options));
