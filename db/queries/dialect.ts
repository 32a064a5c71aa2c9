import { Prisma } from '../../prisma/generated/client';

/**
 * The SQL dialect of a client: the few statements whose SQL differs between SQLite and PostgreSQL
 * (date arithmetic, JSON arrays, index hints, search) pick their variant by it.
 */
export type Dialect = 'sqlite' | 'postgres';

/** Works on a client and on a transaction's client (which answers the client's own fields). */
export function dialectOf(db: object): Dialect {
  return (db as { _activeProvider?: string })._activeProvider === 'postgresql' ? 'postgres' : 'sqlite';
}

/**
 * ` INDEXED BY "index"` on SQLite, whose planner without statistics may pick a worse index (see
 * PLATFORM.md); nothing on PostgreSQL, whose planner has statistics and no such hint.
 */
export const indexedBy = (dialect: Dialect, index: string): Prisma.Sql => (dialect === 'sqlite' ? Prisma.raw(` INDEXED BY "${index.replace(/"/g, '')}"`) : Prisma.empty);

/** Days (fractional) from `earlier` to `later`, two DateTime columns or bound dates. */
export const daysBetween = (dialect: Dialect, later: Prisma.Sql, earlier: Prisma.Sql): Prisma.Sql =>
  dialect === 'sqlite' ? Prisma.sql`(julianday(${later}) - julianday(${earlier}))` : Prisma.sql`(EXTRACT(EPOCH FROM ((${later})::timestamp - (${earlier})::timestamp)) / 86400.0)`;

/** `2026-11` of a DateTime column (UTC). */
export const yearMonth = (dialect: Dialect, column: Prisma.Sql): Prisma.Sql => (dialect === 'sqlite' ? Prisma.sql`substr(${column}, 1, 7)` : Prisma.sql`to_char(${column}, 'YYYY-MM')`);

/** The whole days in a number of days, toward zero (SQLite's CAST truncates, PostgreSQL's rounds). */
export const wholeDays = (dialect: Dialect, days: Prisma.Sql): Prisma.Sql => (dialect === 'sqlite' ? Prisma.sql`CAST(${days} AS INTEGER)` : Prisma.sql`CAST(TRUNC(${days}) AS INTEGER)`);

/** Whether the text `haystack` holds `needle`, case-sensitively (SQLite's LIKE ignores case and reads `_` as any character). */
export const containsText = (dialect: Dialect, haystack: Prisma.Sql, needle: string): Prisma.Sql =>
  dialect === 'sqlite' ? Prisma.sql`instr(${haystack}, ${needle}) > 0` : Prisma.sql`strpos(${haystack}, ${needle}) > 0`;

/**
 * `(ids) AS m` joined to the rows of `table` (as `alias`) with those ids, the ids driving the read:
 * each is looked up by primary key, so the read grows with the ids, not the table. SQLite's CROSS
 * JOIN keeps that order. PostgreSQL's planner, weighing a hash join over the whole table cheaper
 * for a thousand ids, would read every row: a LATERAL subquery behind OFFSET 0 (which it cannot
 * flatten) keeps the lookup per id.
 */
export function drivenByIds(dialect: Dialect, ids: Prisma.Sql, table: string, alias: string): Prisma.Sql {
  const [name, as] = [Prisma.raw(`"${table.replace(/"/g, '')}"`), Prisma.raw(alias.replace(/\W/g, ''))];
  return dialect === 'sqlite'
    ? Prisma.sql`(${ids}) AS m CROSS JOIN ${name} AS ${as} ON ${as}."id" = m."id"`
    : Prisma.sql`(${ids}) AS m CROSS JOIN LATERAL (SELECT * FROM ${name} WHERE "id" = m."id" OFFSET 0) AS ${as}`;
}
