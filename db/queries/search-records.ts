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

// What a search found of each record; what matched is marked from these (domain/search/mark-matches.ts).
export type LeadHit = { id: string; sellerName: string; sellerPhone: string | null; sellerEmail: string | null; apn: string | null; street: string; city: string; state: string; zip: string; status: string };
export type BuyerHit = { id: string; name: string; company: string | null; email: string | null; phone: string | null; markets: string; status: string };
export type TaskHit = { id: string; title: string; status: string; dueAt: string; leadName: string | null; buyerName: string | null };

/**
 * SQLite: the rows whose name matches, then the others, each newest first, as two statements: the
 * reader runs the second only when the first leaves room (a name typed usually fills the page,
 * and one UNION of both cost three times the first alone). FTS5 walks a word's rows by rowid and
 * stops at `limit`; ranking by bm25 scored every match first, 60–250 ms of the API's one thread
 * for a word tens of thousands of rows share (as "Da" or "Fo" are while typed).
 */
function nameFirstSql(index: string, alias: string, nameColumn: string, select: Prisma.Sql, from: Prisma.Sql, live: Prisma.Sql, { match, limit }: SearchOptions): Prisma.Sql[] {
  const inName = `{${nameColumn}} : (${match})`;
  const tier = (tierMatch: string) => Prisma.sql`
      SELECT ${select}
      ${from} ON ${Prisma.raw(`${alias}.rowid = "${index}".rowid AND ${alias}."id" = "${index}"."id"`)}
      WHERE ${Prisma.raw(`"${index}"`)} MATCH ${tierMatch} ${live}
      ORDER BY ${Prisma.raw(`"${index}".rowid`)} DESC
      LIMIT ${limit}`;
  return [tier(inName), tier(`(${match}) NOT (${inName})`)];
}

/** Leads matching: the seller's name first, then the rest (street, city, zip, phone, e-mail, APN); the statements readInTiers runs. */
export function leadSearchSql(options: SearchOptions, dialect: Dialect): Prisma.Sql[] {
  if (dialect === 'postgres') return [leadSearchPostgresSql(options)];
  const live = options.includeArchived ? Prisma.empty : Prisma.sql`AND l."archivedAt" IS NULL`;
  const select = Prisma.sql`l."id", l."sellerName", l."sellerPhone", l."sellerEmail", l."apn", l."street", l."city", l."state", l."zip", l."status"`;
  return nameFirstSql('LeadSearch', 'l', 'name', select, Prisma.sql`FROM "LeadSearch" JOIN "Lead" l`, live, options);
}

/** Buyers matching: the name first, then the rest (company, e-mail, phone, markets); the statements readInTiers runs. */
export function buyerSearchSql(options: SearchOptions, dialect: Dialect): Prisma.Sql[] {
  if (dialect === 'postgres') return [buyerSearchPostgresSql(options)];
  const live = options.includeArchived ? Prisma.empty : Prisma.sql`AND b."archivedAt" IS NULL`;
  const select = Prisma.sql`b."id", b."name", b."company", b."email", b."phone", b."markets", b."status"`;
  return nameFirstSql('BuyerSearch', 'b', 'name', select, Prisma.sql`FROM "BuyerSearch" JOIN "Buyer" b`, live, options);
}

/** The rows of each statement in turn, until `limit` rows are read. */
async function readInTiers<Row>(db: Db, statements: Prisma.Sql[], limit: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const statement of statements) {
    if (rows.length >= limit) break;
    rows.push(...(await readRows<Row>(db, statement)).slice(0, limit - rows.length));
  }
  return rows;
}

/**
 * Tasks whose title matches, newest first (as nameFirstSql, a walk that stops at `limit`), with what
 * they are about; a cancelled task is the archived kind. (SQLite; PostgreSQL's is searchTasksPostgres.)
 */
export function taskSearchSql({ match, limit, includeArchived }: SearchOptions): Prisma.Sql {
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND t."status" <> 'CANCELLED'`;
  return Prisma.sql`
    SELECT t."id", t."title", t."status", t."dueAt", l."sellerName" AS "leadName", b."name" AS "buyerName"
    FROM "TaskSearch" JOIN "Task" t ON t.rowid = "TaskSearch".rowid AND t."id" = "TaskSearch"."id"
      LEFT JOIN "Lead" l ON l."id" = t."leadId"
      LEFT JOIN "Buyer" b ON b."id" = t."buyerId"
    WHERE "TaskSearch" MATCH ${match} ${live}
    ORDER BY "TaskSearch".rowid DESC
    LIMIT ${limit}`;
}

export const searchLeads = (db: Db, options: SearchOptions): Promise<LeadHit[]> => readInTiers<LeadHit>(db, leadSearchSql(options, dialectOf(db)), options.limit);

export const searchBuyers = (db: Db, options: SearchOptions): Promise<BuyerHit[]> => readInTiers<BuyerHit>(db, buyerSearchSql(options, dialectOf(db)), options.limit);

export const searchTasks = (db: Db, options: SearchOptions): Promise<TaskHit[]> =>
  dialectOf(db) === 'postgres' ? searchTasksPostgres(db, options) : readRows<TaskHit>(db, taskSearchSql(options));
