import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../client';
import { readRows } from '../read-rows';
import { dialectOf, indexedBy, type Dialect } from './dialect';
import { selectedColumns, sqlName as quoted, unindexed } from './sql';

/**
 * One run of rows the list shows in order: those matching `where`, sorted by `column` (then id)
 * or, without a column, by id alone.
 */
export interface ListSegment {
  where: Prisma.Sql;
  column?: string;
}

export interface KeysetQuery {
  table: 'Lead' | 'Task' | 'Buyer' | 'Offer' | 'Deal';
  where: Prisma.Sql[];
  /** The runs, in the order the list shows them: all of the first, then all of the next… */
  segments: ListSegment[];
  direction: 'asc' | 'desc';
  limit: number;
  /** The id of the last row of the previous page. */
  cursor?: string;
  /**
   * The index to read through, for shapes where SQLite's planner (without statistics) prefers an
   * index that needs every matching row sorted over one that is already in list order.
   */
  index?: string;
  /** The columns to read (with the id), for a lean page; every column when not given. */
  columns?: readonly string[];
}

/** The rows of a segment after the cursor row, compared inside SQLite so stored values are never re-encoded. */
function afterCursor(query: KeysetQuery, segment: ListSegment, cursor: string): Prisma.Sql {
  const table = quoted(query.table);
  const later = query.direction === 'asc' ? Prisma.raw('>') : Prisma.raw('<');
  const idIsLater = Prisma.sql`"id" ${later} ${cursor}`;
  if (!segment.column) return idIsLater;
  const column = quoted(segment.column);
  const atOrLater = query.direction === 'asc' ? Prisma.raw('>=') : Prisma.raw('<=');
  const value = Prisma.sql`(SELECT ${column} FROM ${table} WHERE "id" = ${cursor})`;
  return Prisma.sql`${column} ${atOrLater} ${value} AND (${column} ${later} ${value} OR ${idIsLater})`;
}

function orderBy(query: KeysetQuery, segment: ListSegment): Prisma.Sql {
  const direction = Prisma.raw(query.direction === 'asc' ? 'ASC' : 'DESC');
  return segment.column ? Prisma.sql`${quoted(segment.column)} ${direction}, "id" ${direction}` : Prisma.sql`"id" ${direction}`;
}

/** The rows of segment `index` (after `cursor`, when given), `limit` at most. */
export function segmentSql(query: KeysetQuery, index: number, cursor: string | undefined, limit: number, dialect: Dialect): Prisma.Sql {
  const segment = query.segments[index]!;
  const conditions = [...query.where, segment.where];
  if (cursor !== undefined) conditions.push(afterCursor(query, segment, cursor));
  const source = query.index ? Prisma.sql`${quoted(query.table)}${indexedBy(dialect, query.index)}` : quoted(query.table);
  return Prisma.sql`SELECT ${selectedColumns(query.columns)} FROM ${source} WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY ${orderBy(query, segment)} LIMIT ${limit}`;
}

/** Which segment holds the cursor row; null when the cursor is no row of this table. */
async function segmentOfCursor(db: Db, query: KeysetQuery, cursor: string): Promise<number | null> {
  const cases = Prisma.join(
    query.segments.map((segment, index) => Prisma.sql`WHEN ${segment.where} THEN ${index}`),
    ' ',
  );
  const rows = await readRows<{ segment: bigint | number | null }>(db, Prisma.sql`SELECT CASE ${cases} ELSE NULL END AS "segment" FROM ${quoted(query.table)} WHERE "id" = ${cursor}`);
  const segment = rows[0]?.segment;
  return segment === undefined || segment === null ? null : Number(segment);
}

export interface KeysetPage<Row> {
  rows: Row[];
  nextCursor: string | null;
}

/**
 * One page of a list in keyset order: each segment is read from where the cursor stands with
 * `ORDER BY … LIMIT`, so a page costs the same at row 50 as at row 50 000 and is served by the
 * segment's index. (Prisma's own cursor paging reads the whole remaining table at volume.)
 * Null when the cursor is no row of this list's table.
 */
export async function keysetPage<Row extends { id: string }>(db: Db, query: KeysetQuery): Promise<KeysetPage<Row> | null> {
  const start = query.cursor === undefined ? 0 : await segmentOfCursor(db, query, query.cursor);
  if (start === null) return null;
  const rows: Row[] = [];
  for (let index = start; index < query.segments.length && rows.length <= query.limit; index += 1) {
    const cursor = index === start ? query.cursor : undefined;
    rows.push(...(await readRows<Row>(db, segmentSql(query, index, cursor, query.limit + 1 - rows.length, dialectOf(db)))));
  }
  const page = rows.slice(0, query.limit);
  return { rows: page, nextCursor: rows.length > query.limit ? page.at(-1)!.id : null };
}

/** The segments of a list sorted by `column`: SQLite puts NULLs first ascending and last descending. */
export function sortedBy(column: string, direction: 'asc' | 'desc', nullable: boolean): ListSegment[] {
  if (!nullable) return [{ where: Prisma.sql`1 = 1`, column }];
  const present: ListSegment = { where: Prisma.sql`${quoted(column)} IS NOT NULL`, column };
  const missing: ListSegment = { where: Prisma.sql`${quoted(column)} IS NULL` };
  return direction === 'asc' ? [missing, present] : [present, missing];
}

/**
 * `column IN (…)`; with several values the column is unindexed, which keeps SQLite from reading
 * through its index (one run per value, then every match sorted) rather than the sort's.
 */
export function oneOf(column: string, values: readonly string[], dialect: Dialect): Prisma.Sql {
  const name = values.length > 1 ? unindexed(column, dialect) : quoted(column);
  return Prisma.sql`${name} IN (${Prisma.join([...values])})`;
}
