import type Database from 'better-sqlite3';

/** A prepared INSERT for a table's columns; rows are objects with those keys. */
export function inserter<Row extends Record<string, unknown>>(db: Database.Database, table: string, columns: readonly (keyof Row & string)[]) {
  const statement = db.prepare(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
  return (row: Row): void => void statement.run(row);
}
