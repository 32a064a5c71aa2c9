/**
 * The SQL dialect of a client: the few statements whose SQL differs between SQLite and PostgreSQL
 * (date arithmetic, JSON arrays, index hints, search) pick their variant by it.
 */
export type Dialect = 'sqlite' | 'postgres';

/** Works on a client and on a transaction's client (which answers the client's own fields). */
export function dialectOf(db: object): Dialect {
  return (db as { _activeProvider?: string })._activeProvider === 'postgresql' ? 'postgres' : 'sqlite';
}
