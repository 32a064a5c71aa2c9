import type Database from 'better-sqlite3';
import type { Prisma } from '../prisma/generated/client';
import { sqliteReadConnectionOf, type Db } from './client';
import { sqlDate } from './queries/sql';

/** What a column's declared type turns a stored value into, as `$queryRaw` answers it. */
type Convert = (value: unknown) => unknown;

const toDate: Convert = (value) => (value === null ? null : new Date(typeof value === 'string' ? value : Number(value)));
const toBoolean: Convert = (value) => (value === null ? null : value !== 0 && value !== 0n && value !== '0' && value !== false);
const toInteger: Convert = (value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.trunc(value) : value);

function converterOf(declaredType: string | null): Convert | null {
  switch (declaredType?.toUpperCase()) {
    case 'DATETIME':
    case 'TIMESTAMP':
    case 'DATE':
      return toDate;
    case 'BOOLEAN':
      return toBoolean;
    case 'INT':
    case 'INTEGER':
    case 'TINYINT':
    case 'SMALLINT':
    case 'MEDIUMINT':
      return toInteger;
    default:
      return null;
  }
}

interface Prepared {
  statement: Database.Statement;
  /** One row's values (raw mode) → the row object, its columns converted as `$queryRaw` converts them. */
  toRow: (values: unknown[]) => Record<string, unknown>;
}

/** Prepared statements by SQL text, per connection: the hot reads repeat a few dozen shapes. */
const statements = new WeakMap<Database.Database, Map<string, Prepared>>();
const MAX_STATEMENTS = 500;

/**
 * A row builder for the statement's columns, compiled once: an object literal of a fixed shape
 * costs a third of what better-sqlite3's own row objects (or a loop setting keys) cost at 40
 * columns. The names come from SQLite and are written as JSON string literals.
 */
function rowBuilder(columns: Database.ColumnDefinition[]): Prepared['toRow'] {
  const converters = columns.map((column) => converterOf(column.type));
  const fields = columns.map((column, index) => `${JSON.stringify(column.name)}: ${converters[index] ? `convert[${index}](values[${index}])` : `values[${index}]`}`);
  const build = new Function('convert', 'values', `return { ${fields.join(', ')} };`) as (convert: Array<Convert | null>, values: unknown[]) => Record<string, unknown>;
  return (values) => build(converters, values);
}

function prepared(connection: Database.Database, sql: string): Prepared {
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  const known = cache.get(sql);
  if (known) return known;
  // The adapter turns on safe integers for the connection; the app's integers are all 32-bit.
  const statement = connection.prepare(sql).safeIntegers(false).raw(true);
  const entry = { statement, toRow: rowBuilder(statement.columns()) };
  // Oldest out: a Map iterates in insertion order.
  if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
  cache.set(sql, entry);
  return entry;
}

/** A bound value as Prisma's adapter binds it: booleans as 0/1, dates as Prisma's stored text. */
const bindable = (value: unknown): unknown => {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return sqlDate(value);
  return value;
};

/**
 * PostgreSQL answers COUNT/SUM as bigint and AVG of integers as numeric (a Decimal): numbers, as the
 * SQLite reads give them (every such figure of the app fits a double).
 */
function withNumbers<Row>(rows: Row[]): Row[] {
  for (const row of rows as Array<Record<string, unknown>>) {
    for (const key in row) {
      const value = row[key];
      if (typeof value === 'bigint') row[key] = Number(value);
      else if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array) && typeof (value as { toNumber?: unknown }).toNumber === 'function') {
        row[key] = (value as { toNumber(): number }).toNumber();
      }
    }
  }
  return rows;
}

/**
 * The rows of a read, typed as `$queryRaw` types them (DATETIME columns as Date, BOOLEAN as
 * boolean, INTEGER as number), read through better-sqlite3 with the statement prepared once.
 * Prisma's engine spends 2–8 ms mapping a page of 50 rows that better-sqlite3 reads in under 1 ms:
 * the hot list reads go through here. Expression columns (`count(*)`) come back as numbers, where
 * `$queryRaw` may give bigint. Given the client, it reads what is committed (its read connection);
 * given an interactive transaction's client, it reads (or writes, with `RETURNING`) as part of that
 * transaction. PostgreSQL reads through `$queryRaw`, its counts as numbers.
 */
export async function readRows<Row>(db: Db | Prisma.TransactionClient, query: Prisma.Sql): Promise<Row[]> {
  const connection = sqliteReadConnectionOf(db);
  if (!connection) return withNumbers(await (db as Db).$queryRaw<Row[]>(query));
  const { statement, toRow } = prepared(connection, query.sql);
  return (statement.all(...query.values.map(bindable)) as unknown[][]).map(toRow) as Row[];
}

/**
 * The rows of a read as `readRows` types them, built one at a time as the loop asks for them: a
 * loop that leaves early spares the rows it never reads (on SQLite; PostgreSQL reads them all).
 * Consume it before the next await: on SQLite the statement is busy until the loop ends.
 */
export async function readRowsLazily<Row>(db: Db | Prisma.TransactionClient, query: Prisma.Sql): Promise<Iterable<Row>> {
  const connection = sqliteReadConnectionOf(db);
  if (!connection) return readRows<Row>(db, query);
  const { statement, toRow } = prepared(connection, query.sql);
  const values = query.values.map(bindable);
  return {
    *[Symbol.iterator]() {
      for (const row of statement.iterate(...values) as IterableIterator<unknown[]>) yield toRow(row) as Row;
    },
  };
}

/**
 * The rows of several reads from one snapshot (one read transaction, or a savepoint inside the
 * transaction the connection is in), as `$transaction([$queryRaw…])` answers them.
 */
export async function readRowsTogether<Row>(db: Db, queries: Prisma.Sql[]): Promise<Row[][]> {
  const connection = sqliteReadConnectionOf(db);
  if (!connection) return ((await db.$transaction(queries.map((query) => db.$queryRaw<Row[]>(query)))) as Row[][]).map(withNumbers);
  return connection.transaction(() =>
    queries.map((query) => {
      const { statement, toRow } = prepared(connection, query.sql);
      return (statement.all(...query.values.map(bindable)) as unknown[][]).map(toRow) as Row[];
    }),
  )();
}
