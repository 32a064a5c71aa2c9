import type Database from 'better-sqlite3';
import { Prisma } from '../../prisma/generated/client';
import { sqliteConnectionOf, type Db } from '../client';
import { sqlDate, sqlName } from '../queries/sql';

type Row = Record<string, unknown>;

/** Prepared inserts by SQL text, per connection: a bulk write repeats one or two column lists. */
const inserts = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const MAX_STATEMENTS = 50;

function insertStatement(connection: Database.Database, sql: string): Database.Statement {
  let cache = inserts.get(connection);
  if (!cache) inserts.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    cache.set(sql, statement);
  }
  return statement;
}

/** A value as Prisma stores it in SQLite: booleans as 0/1, dates as its DateTime text. */
const sqliteValue = (value: unknown): unknown => {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return sqlDate(value);
  return value;
};

/** The row's columns with a value: an absent one takes the column's default, as Prisma's create does. */
const columnsOf = (row: Row): string[] => Object.keys(row).filter((column) => row[column] !== undefined);

// PostgreSQL binds at most 65,535 parameters per statement.
const MAX_POSTGRES_PARAMETERS = 30_000;

/**
 * Inserts `rows` into `table` inside `tx`, a transaction of `db`. Each row holds the columns to set
 * (ids, timestamps and every value Prisma would fill itself included: no `@default(cuid())` or
 * `@updatedAt` runs here); the table's triggers (the search index) run as for any insert.
 *
 * Prisma's `createMany` compiles and interprets its query for every call: 250 leads of an import
 * cost 170 ms of CPU there, against 45 ms for SQLite's own work. On SQLite this runs one prepared
 * statement per row on the connection the transaction holds (openDb's one connection, so the rows
 * are the transaction's); on PostgreSQL one multi-row INSERT per slice, through the transaction.
 */
export async function insertRows(db: Db, tx: Prisma.TransactionClient, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const connection = sqliteConnectionOf(db);
  if (connection) {
    for (const row of rows) {
      const columns = columnsOf(row);
      const sql = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      insertStatement(connection, sql).run(columns.map((column) => sqliteValue(row[column])));
    }
    return;
  }
  // Rows with the same columns go into one statement, in slices within the parameter limit.
  const byColumns = new Map<string, { columns: string[]; rows: Row[] }>();
  for (const row of rows) {
    const columns = columnsOf(row);
    const key = columns.join('\u0000');
    const group = byColumns.get(key) ?? { columns, rows: [] };
    group.rows.push(row);
    byColumns.set(key, group);
  }
  for (const { columns, rows: group } of byColumns.values()) {
    const perStatement = Math.max(1, Math.floor(MAX_POSTGRES_PARAMETERS / columns.length));
    for (let start = 0; start < group.length; start += perStatement) {
      const values = group.slice(start, start + perStatement).map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column]))})`);
      await tx.$executeRaw`INSERT INTO ${sqlName(table)} (${Prisma.join(columns.map(sqlName))}) VALUES ${Prisma.join(values)}`;
    }
  }
}
