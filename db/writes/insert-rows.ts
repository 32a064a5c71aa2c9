import type Database from 'better-sqlite3';
import { Prisma } from '../../prisma/generated/client';
import { sqliteConnectionOf, type Db } from '../client';
import { readRows } from '../read-rows';
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
 * Whether `tx` is the client itself rather than an interactive transaction's client (which has no
 * `$transaction`). A raw statement on the SQLite connection is safe only inside a transaction:
 * given the client, another transaction of the process may hold the connection at that moment,
 * and the row would be written as part of it.
 */
const isClient = (tx: Prisma.TransactionClient | Db): tx is Db => typeof (tx as Partial<Db>).$transaction === 'function';

/** `INSERT INTO table (columns) VALUES (values)` of one row's columns with a value. */
const insertSql = (table: string, row: Row, columns: string[]): Prisma.Sql =>
  Prisma.sql`INSERT INTO ${sqlName(table)} (${Prisma.join(columns.map(sqlName))}) VALUES (${Prisma.join(columns.map((column) => row[column]))})`;

/**
 * Inserts `rows` into `table` inside `tx`, an interactive transaction (or the client itself). Each
 * row holds the columns to set: ids, timestamps and every value Prisma would fill itself (no
 * `@default(cuid())`, `@default(now())` or `@updatedAt` runs here); the table's triggers (the
 * search index) run as for any insert.
 *
 * Prisma's `createMany` compiles and interprets its query for every call: 250 leads of an import
 * cost 170 ms of CPU there, against 45 ms for SQLite's own work. On SQLite this runs one prepared
 * statement per row on the connection the transaction holds; on PostgreSQL one multi-row INSERT
 * per slice, through the transaction.
 */
export async function insertRows(tx: Prisma.TransactionClient | Db, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  if (isClient(tx)) return tx.$transaction((inner) => insertRows(inner, table, rows));
  const connection = sqliteConnectionOf(tx);
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

/**
 * Inserts one row (the columns as insertRows takes them) and answers it as saved, its columns typed
 * as a model read types them (defaults and autoincrement ids filled in): the hot single-row writes
 * (events, automatic tasks) without Prisma's per-query interpretation.
 */
export async function insertRow<Saved>(tx: Prisma.TransactionClient | Db, table: string, row: Row): Promise<Saved> {
  if (isClient(tx)) return tx.$transaction((inner) => insertRow<Saved>(inner, table, row));
  const [saved] = await readRows<Saved>(tx, Prisma.sql`${insertSql(table, row, columnsOf(row))} RETURNING *`);
  if (!saved) throw new Error(`insert into ${table} returned no row`);
  return saved;
}
