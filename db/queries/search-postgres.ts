import type { Db } from '../client';
import { readRows } from '../read-rows';
import { Prisma } from '../../prisma/generated/client';
import type { SearchOptions, TaskHit } from './search-records';

// PostgreSQL has no FTS5: its twin is a text-search document of each row (a tsvector), kept in a
// GIN expression index (migration search_documents, which must spell the documents as below so the
// planner matches them). The document holds the searched words without accents and with every run
// of other characters a space, as FTS5's unicode61 tokenizer splits them, plus the phone's digits,
// last 10 and last 7 digits at weight B (FTS5's phone column). Every word of the match expression
// must begin a word of the document (`word:*`), or its phone digits begin one of the phone's (`:*B`).
// Ranked by whether the name matches, then by name; what matched is marked by the API (domain/search/mark-matches.ts).

const ACCENTED = 'áàâäãåāéèêëēíìîïīóòôöõøōúùûüūýÿçñÁÀÂÄÃÅĀÉÈÊËĒÍÌÎÏĪÓÒÔÖÕØŌÚÙÛÜŪÝÇÑ';
const PLAIN = 'aaaaaaaeeeeeiiiiiooooooouuuuuyycnAAAAAAAEEEEEIIIIIOOOOOOOUUUUUYCN';

/** `text` without accents (PostgreSQL's unaccent is an extension we do not assume). Literals, not parameters: index expressions match on them. */
const unaccentedSql = (text: string): string => `translate(${text}, '${ACCENTED}', '${PLAIN}')`;

const wordsVector = (text: string): string => `to_tsvector('simple', regexp_replace(${unaccentedSql(text)}, '[^[:alnum:]]+', ' ', 'g'))`;

const phoneDigitsSql = (column: string): string => `regexp_replace(coalesce(${column}, ''), '[^0-9]', '', 'g')`;

const phoneVector = (column: string): string => {
  const digits = phoneDigitsSql(column);
  return `setweight(to_tsvector('simple', ${digits} || ' ' || right(${digits}, 10) || ' ' || right(${digits}, 7)), 'B')`;
};

const joined = (parts: string[]): string => parts.join(` || ' ' || `);
const column = (alias: string, name: string): string => `${alias ? `${alias}.` : ''}"${name}"`;

/** A lead's search document; `alias` qualifies its columns in a query (the index has none). */
export function leadSearchDocument(alias = ''): string {
  const col = (name: string) => column(alias, name);
  const apn = `coalesce(${col('apn')}, '')`;
  const text = joined([col('sellerName'), col('street'), col('city'), col('zip'), `coalesce(${col('sellerEmail')}, '')`, apn, `regexp_replace(${apn}, '[ ./-]', '', 'g')`]);
  return `(${wordsVector(text)} || ${phoneVector(col('sellerPhone'))})`;
}

/** A buyer's search document: name, company, e-mail and markets (their JSON punctuation is a separator), and the phone. */
export function buyerSearchDocument(alias = ''): string {
  const col = (name: string) => column(alias, name);
  const text = joined([col('name'), `coalesce(${col('company')}, '')`, `coalesce(${col('email')}, '')`, col('markets')]);
  return `(${wordsVector(text)} || ${phoneVector(col('phone'))})`;
}

/** A task's search document: its title. */
export function taskSearchDocument(alias = ''): string {
  return wordsVector(column(alias, 'title'));
}

/** The quoted prefixes of buildMatchExpression's expression, and its phone digits. */
function termsOf(match: string): { words: string[]; digits: string | null } {
  const digits = /phone : "(\d+)"\*/.exec(match)?.[1] ?? null;
  const words = [...match.replace(/phone : "\d+"\*/, '').matchAll(/"([^"]+)"\*/g)].map((found) => found[1]!);
  return { words, digits };
}

/** `word` without its accents (é → e), as FTS5's remove_diacritics reads it. */
const unaccented = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '');
/** A word as the document holds it: letters and digits only. */
const lexeme = (word: string): string => unaccented(word).replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** The tsquery text of a match expression: every word a prefix, or the phone digits a prefix of a phone (weight B) number; null when nothing is left. */
function documentQuery(match: string): string | null {
  const { words, digits } = termsOf(match);
  const prefixes = words.map(lexeme).filter(Boolean).map((word) => `${word}:*`);
  const clauses = [prefixes.length ? `(${prefixes.join(' & ')})` : null, digits ? `${digits}:*B` : null].filter(Boolean);
  return clauses.length ? clauses.join(' | ') : null;
}

/** Whether the document matches: a GIN index scan of the document's index. */
function documentMatches(document: string, match: string): Prisma.Sql {
  const query = documentQuery(match);
  return query ? Prisma.sql`${Prisma.raw(document)} @@ to_tsquery('simple', ${query})` : Prisma.sql`FALSE`;
}

const WORD_BOUNDARY = '(^|[^[:alnum:]])';
/** A regular expression (bound, read case-blind) matching `word` at the start of a word. */
const wordStart = (word: string): string => `${WORD_BOUNDARY}${lexeme(word)}`;

/** Whether every word begins a word of `column` (the rank: the name matches); read only for the rows found. */
function wordsBegin(columnSql: string, match: string): Prisma.Sql {
  const { words } = termsOf(match);
  if (!words.length) return Prisma.sql`FALSE`;
  return Prisma.sql`(${Prisma.join(words.map((word) => Prisma.sql`${Prisma.raw(unaccentedSql(columnSql))} ~* ${wordStart(word)}`), ' AND ')})`;
}

/**
 * The best `limit` rows of `table` whose document matches, ranked by whether every word begins a word
 * of `nameColumn`, then by it; only those rows are read again for their columns.
 */
function rankedByName(table: string, document: string, nameColumn: string, { match, limit, includeArchived }: SearchOptions, select: Prisma.Sql): Prisma.Sql {
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND r."archivedAt" IS NULL`;
  return Prisma.sql`
    WITH found AS MATERIALIZED (
      SELECT r."id", (${wordsBegin(`r."${nameColumn}"`, match)}) AS "nameMatches", r."${Prisma.raw(nameColumn)}" AS "rankName"
      FROM "${Prisma.raw(table)}" r
      WHERE ${documentMatches(document, match)} ${live}
      ORDER BY 2 DESC, 3, 1
      LIMIT ${limit})
    ${select}
    ORDER BY found."nameMatches" DESC, found."rankName", found."id"`;
}

export function leadSearchPostgresSql(options: SearchOptions): Prisma.Sql {
  return rankedByName('Lead', leadSearchDocument('r'), 'sellerName', options, Prisma.sql`
    SELECT l."id", l."sellerName", l."sellerPhone", l."sellerEmail", l."apn", l."street", l."city", l."state", l."zip", l."status"
    FROM found JOIN "Lead" l ON l."id" = found."id"`);
}

export function buyerSearchPostgresSql(options: SearchOptions): Prisma.Sql {
  return rankedByName('Buyer', buyerSearchDocument('r'), 'name', options, Prisma.sql`
    SELECT b."id", b."name", b."company", b."email", b."phone", b."markets", b."status"
    FROM found JOIN "Buyer" b ON b."id" = found."id"`);
}

/**
 * Up to this many matching tasks are read and sorted by due date; past it, the word is common and
 * walking the due-date index finds the first matches sooner. (A rare word walked that way reads every
 * task; the planner cannot tell the two apart, its estimate of a prefix match is one figure for all.)
 */
const FEW_TASKS = 2_000;

/** Matching tasks (their id and due date), up to `cap`: read through the document index. */
export function matchingTasksSql({ match, includeArchived }: SearchOptions, cap: number): Prisma.Sql {
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND t."status" <> 'CANCELLED'`;
  return Prisma.sql`SELECT t."id", t."dueAt" FROM "Task" t WHERE ${documentMatches(taskSearchDocument('t'), match)} ${live} LIMIT ${cap}`;
}

/** The tasks with these ids, or (`ids` null) the first matching tasks by due date, with what they are about. */
export function taskHitsSql({ match, limit, includeArchived }: SearchOptions, ids: string[] | null): Prisma.Sql {
  const live = includeArchived ? Prisma.empty : Prisma.sql`AND t."status" <> 'CANCELLED'`;
  const which = ids ? Prisma.sql`t."id" IN (${Prisma.join(ids)})` : Prisma.sql`${documentMatches(taskSearchDocument('t'), match)} ${live}`;
  return Prisma.sql`
    SELECT t."id", t."title", t."status", t."dueAt", l."sellerName" AS "leadName", b."name" AS "buyerName"
    FROM "Task" t
      LEFT JOIN "Lead" l ON l."id" = t."leadId"
      LEFT JOIN "Buyer" b ON b."id" = t."buyerId"
    WHERE ${which}
    ORDER BY t."dueAt", t."id"
    LIMIT ${limit}`;
}

export async function searchTasksPostgres(db: Db, options: SearchOptions): Promise<TaskHit[]> {
  const matches = await readRows<{ id: string; dueAt: string | Date }>(db, matchingTasksSql(options, FEW_TASKS + 1));
  if (matches.length > FEW_TASKS) return readRows<TaskHit>(db, taskHitsSql(options, null));
  if (!matches.length) return [];
  const first = matches
    .map((task) => ({ id: task.id, due: new Date(task.dueAt).getTime() }))
    .sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, options.limit);
  return readRows<TaskHit>(db, taskHitsSql(options, first.map((task) => task.id)));
}
