import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * Where seed:volume writes its rows: a new SQLite file or a migrated, empty PostgreSQL database.
 * `inserter` adds a row at once (SQLite) or buffers it (PostgreSQL); `drain` sends what has piled
 * up; `transaction` wraps a fill in one transaction and drains at its end.
 */
export interface VolumeSink {
  inserter<Row extends Record<string, unknown>>(table: string, columns: readonly (keyof Row & string)[]): (row: Row) => void;
  /** Sends buffered rows when some table has a full statement's worth (a no-op on SQLite). */
  drain(): Promise<void>;
  transaction(fill: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const quoted = (name: string): string => `"${name}"`;

/** Synchronous prepared statements through better-sqlite3, as fast as SQLite takes them. */
export function openSqliteSink(file: string): VolumeSink {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  return {
    inserter<Row extends Record<string, unknown>>(table: string, columns: readonly (keyof Row & string)[]) {
      const statement = db.prepare(`INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
      return (row: Row): void => void statement.run(row);
    },
    drain: async () => undefined,
    // BEGIN/COMMIT by hand: better-sqlite3's db.transaction() takes only synchronous functions.
    async transaction(fill) {
      db.exec('BEGIN');
      try {
        await fill();
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    close: async () => void db.close(),
  };
}

// PostgreSQL takes at most 65535 parameters per statement.
const MAX_PARAMETERS = 65_000;
const MAX_ROWS_PER_STATEMENT = 5_000;

/**
 * Multi-row INSERTs through `pg`, a few thousand rows each. Values go as text and PostgreSQL casts
 * them by column: 0/1 into booleans, ISO strings into timestamps. Tables flush in the order their
 * inserters were made (parents first), so every foreign key finds its row.
 */
export async function openPostgresSink(url: string): Promise<VolumeSink & { hasRows(table: string): Promise<boolean> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const tables: Array<{ table: string; columns: readonly string[]; rowsPerStatement: number; rows: unknown[][] }> = [];
  const flush = async (): Promise<void> => {
    for (const buffer of tables) {
      while (buffer.rows.length > 0) {
        const rows = buffer.rows.splice(0, buffer.rowsPerStatement);
        const width = buffer.columns.length;
        const values = rows.map((_, row) => `(${buffer.columns.map((__, column) => `$${row * width + column + 1}`).join(', ')})`).join(', ');
        await client.query(`INSERT INTO ${quoted(buffer.table)} (${buffer.columns.map(quoted).join(', ')}) VALUES ${values}`, rows.flat());
      }
    }
  };
  return {
    async hasRows(table) {
      const exists = (await client.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [quoted(table)])).rows[0]?.found;
      return Boolean(exists) && ((await client.query(`SELECT 1 FROM ${quoted(table)} LIMIT 1`)).rowCount ?? 0) > 0;
    },
    inserter<Row extends Record<string, unknown>>(table: string, columns: readonly (keyof Row & string)[]) {
      const buffer = { table, columns, rowsPerStatement: Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length)), rows: [] as unknown[][] };
      tables.push(buffer);
      return (row: Row): void => void buffer.rows.push(columns.map((column) => row[column] ?? null));
    },
    async drain() {
      if (tables.some((buffer) => buffer.rows.length >= buffer.rowsPerStatement)) await flush();
    },
    async transaction(fill) {
      await client.query('BEGIN');
      try {
        await fill();
        await flush();
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async close() {
      // The planner's statistics now, as a production database would have them after autovacuum.
      await client.query('ANALYZE');
      await client.end();
    },
  };
}
