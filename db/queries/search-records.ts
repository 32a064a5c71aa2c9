import { SEARCH_MARKS } from '../../domain/search/match-expression';
import type { Db } from '../client';
import { readRows } from '../read-rows';
import { Prisma } from '../../prisma/generated/client';
import { dialectOf } from './dialect';

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

// PostgreSQL has no FTS5: the same search reads the rows themselves. Every word of the match
// expression must begin a word of the searched columns (any case), or its digits begin the phone's
// digits (all of them, the last 10 or the last 7); matches are marked as highlight() marks them.
// Ranked by whether the name matches, then by name. (No index serves it: a scan of the live rows.)

/** The quoted prefixes of buildMatchExpression's expression, and its phone digits. */
function termsOf(match: string): { words: string[]; digits: string | null } {
  const digits = /phone : "(\d+)"\*/.exec(match)?.[1] ?? null;
  const words = [...match.replace(/phone : "\d+"\*/, '').matchAll(/"([^"]+)"\*/g)].map((found) => found[1]!);
  return { words, digits };
}

/** `word` without its accents (é → e), as FTS5's remove_diacritics reads it. */
const unaccented = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '');
const ACCENTED = 'áàâäãåāéèêëēíìîïīóòôöõøōúùûüūýÿçñÁÀÂÄÃÅĀÉÈÊËĒÍÌÎÏĪÓÒÔÖÕØŌÚÙÛÜŪÝÇÑ';
const PLAIN = 'aaaaaaaeeeeeiiiiiooooooouuuuuyycnAAAAAAAEEEEEIIIIIOOOOOOOUUUUUYCN';
/** The column's text without accents (PostgreSQL's unaccent is an extension we do not assume). */
const unaccentedSql = (text: Prisma.Sql): Prisma.Sql => Prisma.sql`translate(${text}, ${ACCENTED}, ${PLAIN})`;

/** A regular expression (bound) matching `word` at the start of a word. */
const wordStart = (word: string): string => `(^|[^[:alnum:]])${unaccented(word).replace(/[^\p{L}\p{N}]/gu, '')}`;

const phoneDigitsSql = (column: string): Prisma.Sql => Prisma.raw(`regexp_replace(coalesce(${column}, ''), '[^0-9]', '', 'g')`);

function postgresMatch(columns: Prisma.Sql[], phone: string | null, match: string): Prisma.Sql {
  const { words, digits } = termsOf(match);
  const text = unaccentedSql(Prisma.sql`concat_ws(' ', ${Prisma.join(columns)})`);
  const wordClause = words.length ? Prisma.sql`(${Prisma.join(words.map((word) => Prisma.sql`${text} ~* ${wordStart(word)}`), ' AND ')})` : Prisma.sql`FALSE`;
  if (!digits || !phone) return wordClause;
  const phoneDigits = phoneDigitsSql(phone);
  const prefix = `${digits}%`;
  return Prisma.sql`(${wordClause} OR ${phoneDigits} LIKE ${prefix} OR right(${phoneDigits}, 10) LIKE ${prefix} OR right(${phoneDigits}, 7) LIKE ${prefix})`;
}

/** `column` with every word a prefix matched marked whole, as highlight() marks it. */
function postgresHighlight(column: Prisma.Sql, match: string, alias: string): Prisma.Sql {
  let marked = Prisma.sql`coalesce(${column}, '')`;
  for (const word of termsOf(match).words) {
    marked = Prisma.sql`regexp_replace(${marked}, ${`(^|[^[:alnum:]])(${wordStart(word).slice('(^|[^[:alnum:]])'.length)}[[:alnum:]]*)`}, ${`\\1${SEARCH_MARKS.open}\\2${SEARCH_MARKS.close}`}, 'gi')`;
  }
  return Prisma.sql`${marked} AS ${Prisma.raw(`"hl_${alias}"`)}`;
}

/** The phone's highlight: all of it marked when its digits matched. */
function postgresPhoneHighlight(phone: string, match: string): Prisma.Sql {
  const { digits } = termsOf(match);
  if (!digits) return Prisma.sql`'' AS "hl_phone"`;
  const prefix = `${digits}%`;
  const phoneDigits = phoneDigitsSql(phone);
  return Prisma.sql`CASE WHEN ${phoneDigits} LIKE ${prefix} OR right(${phoneDigits}, 10) LIKE ${prefix} OR right(${phoneDigits}, 7) LIKE ${prefix}
    THEN ${`${SEARCH_MARKS.open}`} || ${Prisma.raw(phone)} || ${`${SEARCH_MARKS.close}`} ELSE '' END AS "hl_phone"`;
}

function searchLeadsPostgres(db: Db, { match, limit, includeArchived }: SearchOptions): Promise<LeadHit[]> {
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND l."archivedAt" IS NULL`;
  const name = Prisma.sql`l."sellerName"`;
  // The APN as stored and without its separators, as the FTS index holds it.
  const apn = Prisma.sql`trim(coalesce(l."apn", '') || ' ' || regexp_replace(coalesce(l."apn", ''), '[ ./-]', '', 'g'))`;
  const columns = [name, Prisma.sql`l."street"`, Prisma.sql`l."city"`, Prisma.sql`l."zip"`, Prisma.sql`coalesce(l."sellerEmail", '')`, apn];
  return readRows<LeadHit>(db, Prisma.sql`
    SELECT l."id", l."sellerName", l."sellerPhone", l."sellerEmail", l."apn", l."street", l."city", l."state", l."zip", l."status",
      ${postgresHighlight(name, match, 'name')}, ${postgresHighlight(Prisma.sql`l."street"`, match, 'street')}, ${postgresHighlight(Prisma.sql`l."city"`, match, 'city')},
      ${postgresHighlight(Prisma.sql`l."zip"`, match, 'zip')}, ${postgresPhoneHighlight('l."sellerPhone"', match)}, ${postgresHighlight(Prisma.sql`l."sellerEmail"`, match, 'email')},
      ${postgresHighlight(apn, match, 'apn')}
    FROM "Lead" l
    WHERE ${postgresMatch(columns, 'l."sellerPhone"', match)} ${live}
    ORDER BY (${postgresMatch([name], null, match)}) DESC, l."sellerName", l."id"
    LIMIT ${limit}`);
}

function searchBuyersPostgres(db: Db, { match, limit, includeArchived }: SearchOptions): Promise<BuyerHit[]> {
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND b."archivedAt" IS NULL`;
  const name = Prisma.sql`b."name"`;
  // As the FTS index holds them: `Dayton, Columbus`, not the JSON array.
  const markets = Prisma.sql`replace(replace(replace(replace(b."markets", '[', ''), ']', ''), '"', ''), ',', ', ')`;
  const columns = [name, Prisma.sql`coalesce(b."company", '')`, Prisma.sql`coalesce(b."email", '')`, markets];
  return readRows<BuyerHit>(db, Prisma.sql`
    SELECT b."id", b."name", b."company", b."email", b."phone", b."markets", b."status",
      ${postgresHighlight(name, match, 'name')}, ${postgresHighlight(Prisma.sql`b."company"`, match, 'company')}, ${postgresHighlight(Prisma.sql`b."email"`, match, 'email')},
      ${postgresPhoneHighlight('b."phone"', match)}, ${postgresHighlight(markets, match, 'markets')}
    FROM "Buyer" b
    WHERE ${postgresMatch(columns, 'b."phone"', match)} ${live}
    ORDER BY (${postgresMatch([name], null, match)}) DESC, b."name", b."id"
    LIMIT ${limit}`);
}

function searchTasksPostgres(db: Db, { match, limit, includeArchived }: SearchOptions): Promise<TaskHit[]> {
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND t."status" <> 'CANCELLED'`;
  return readRows<TaskHit>(db, Prisma.sql`
    SELECT t."id", t."title", t."status", t."dueAt", l."sellerName" AS "leadName", b."name" AS "buyerName",
      ${postgresHighlight(Prisma.sql`t."title"`, match, 'title')}
    FROM "Task" t
      LEFT JOIN "Lead" l ON l."id" = t."leadId"
      LEFT JOIN "Buyer" b ON b."id" = t."buyerId"
    WHERE ${postgresMatch([Prisma.sql`t."title"`], null, match)} ${live}
    ORDER BY t."dueAt", t."id"
    LIMIT ${limit}`);
}

/** Leads matching, best first (bm25: the seller's name weighs most, then the phone and street). */
export function searchLeads(db: Db, options: SearchOptions): Promise<LeadHit[]> {
  if (dialectOf(db) === 'postgres') return searchLeadsPostgres(db, options);
  const { match, limit, includeArchived } = options;
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND l."archivedAt" IS NULL`;
  return readRows<LeadHit>(db, Prisma.sql`
    SELECT l."id", l."sellerName", l."sellerPhone", l."sellerEmail", l."apn", l."street", l."city", l."state", l."zip", l."status",
      ${highlights('LeadSearch', [...LEAD_SEARCH_COLUMNS])}
    FROM "LeadSearch" JOIN "Lead" l ON l.rowid = "LeadSearch".rowid AND l."id" = "LeadSearch"."id"
    WHERE "LeadSearch" MATCH ${match} ${live}
    ORDER BY bm25("LeadSearch", 0, 10, 5, 2, 2, 6, 4, 4)
    LIMIT ${limit}`);
}

/** Buyers matching, best first (name, then company and phone). */
export function searchBuyers(db: Db, options: SearchOptions): Promise<BuyerHit[]> {
  if (dialectOf(db) === 'postgres') return searchBuyersPostgres(db, options);
  const { match, limit, includeArchived } = options;
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND b."archivedAt" IS NULL`;
  return readRows<BuyerHit>(db, Prisma.sql`
    SELECT b."id", b."name", b."company", b."email", b."phone", b."markets", b."status",
      ${highlights('BuyerSearch', [...BUYER_SEARCH_COLUMNS])}
    FROM "BuyerSearch" JOIN "Buyer" b ON b.rowid = "BuyerSearch".rowid AND b."id" = "BuyerSearch"."id"
    WHERE "BuyerSearch" MATCH ${match} ${live}
    ORDER BY bm25("BuyerSearch", 0, 10, 6, 4, 6, 2)
    LIMIT ${limit}`);
}

/** Tasks whose title matches, best first, with what they are about; a cancelled task is the archived kind. */
export function searchTasks(db: Db, options: SearchOptions): Promise<TaskHit[]> {
  if (dialectOf(db) === 'postgres') return searchTasksPostgres(db, options);
  const { match, limit, includeArchived } = options;
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND t."status" <> 'CANCELLED'`;
  return readRows<TaskHit>(db, Prisma.sql`
    SELECT t."id", t."title", t."status", t."dueAt", l."sellerName" AS "leadName", b."name" AS "buyerName",
      ${highlights('TaskSearch', [...TASK_SEARCH_COLUMNS])}
    FROM "TaskSearch" JOIN "Task" t ON t.rowid = "TaskSearch".rowid AND t."id" = "TaskSearch"."id"
      LEFT JOIN "Lead" l ON l."id" = t."leadId"
      LEFT JOIN "Buyer" b ON b."id" = t."buyerId"
    WHERE "TaskSearch" MATCH ${match} ${live}
    ORDER BY bm25("TaskSearch", 0, 1)
    LIMIT ${limit}`);
}
