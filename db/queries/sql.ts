import { Prisma } from '../../prisma/generated/client';
import type { Dialect } from './dialect';

/** Prisma stores DateTime as `2026-11-24T00:54:17.411+00:00` text; raw comparisons use the same form. */
export const sqlDate = (date: Date): string => date.toISOString().replace('Z', '+00:00');

/** A table or column name, double-quoted. */
export const sqlName = (name: string): Prisma.Sql => Prisma.raw(`"${name.replace(/"/g, '')}"`);

/** A SELECT's column list: every column, or `columns` and the id (a lean read's); each named with `table` when given (a join's). */
export function selectedColumns(columns: readonly string[] | undefined, table?: string): Prisma.Sql {
  const of = table ? `${sqlName(table).sql}.` : '';
  return columns ? Prisma.join([...new Set(['id', ...columns])].map((column) => Prisma.raw(`${of}${sqlName(column).sql}`))) : Prisma.raw(`${of}*`);
}

/**
 * `('A', 'B', …)` written into the SQL rather than bound: SQLite picks a partial index only when
 * the query repeats the index's `WHERE` term literally. For the code's own constants only.
 */
export const sqlLiteralList = (values: readonly string[]): Prisma.Sql => Prisma.raw(`(${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ')})`);

/** `text` as a LIKE pattern matching values that contain it: `%`, `_` and the escape character `\` in it are literal. */
export const likeContaining = (text: string): string => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * `lower(column) LIKE lower('%text%') ESCAPE '\'`: any case (SQLite's LIKE already ignores the case
 * of ASCII letters, PostgreSQL's does not), and a search for `100%` or `a_b` finds only those characters.
 */
export const columnContains = (column: string, text: string): Prisma.Sql => Prisma.sql`lower(${sqlName(column)}) LIKE lower(${likeContaining(text)}) ESCAPE '\\'`;

/** `column IN (…ids)` with the ids bound as one JSON array: one statement (prepared once) whatever their number. */
export const idIn = (column: Prisma.Sql, ids: readonly string[], dialect: Dialect): Prisma.Sql =>
  dialect === 'postgres'
    ? Prisma.sql`${column} IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`
    : Prisma.sql`${column} IN (SELECT "value" FROM json_each(${JSON.stringify(ids)}))`;

/** How many rows meet `condition` (0 when none): SQLite could SUM the condition itself, PostgreSQL cannot sum booleans. */
export const countWhere = (condition: Prisma.Sql): Prisma.Sql => Prisma.sql`COALESCE(SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

/**
 * On SQLite `(column || '')`: the column as an expression, which SQLite cannot read through the
 * column's index (where its planner, without statistics, would prefer that index to the sort's).
 * Same value, NULL stays NULL. On PostgreSQL the bare column: its planner weighs the index by its
 * statistics, and an expression would hide them (it then read whole tables).
 */
export const unindexed = (column: string, dialect: Dialect): Prisma.Sql => (dialect === 'sqlite' ? Prisma.sql`(${sqlName(column)} || '')` : sqlName(column));
