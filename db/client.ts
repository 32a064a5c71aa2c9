import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import Database from 'better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client';
import { checkpointOnTimer } from './wal-checkpoints';

export type Db = PrismaClient;
export type { Prisma } from '../prisma/generated/client';

/** How long a statement waits for another process's write lock before failing with "database is locked". */
export const BUSY_TIMEOUT_MS = 10_000;

/** What the adapter asks of a statement: `prepare(sql).bind(args)`, then `run()`, or `reader`, `columns()` and `raw().all()`. */
interface AdapterStatement {
  reader: boolean;
  run(): unknown;
  columns(): unknown;
  raw(): { all(): unknown };
}
/** What the adapter asks of its connection. */
interface AdapterClient {
  prepare(sql: string): { bind(args: unknown[]): AdapterStatement } | { run(): unknown };
  exec(sql: string): unknown;
  close(): unknown;
}
type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type AdapterInternals = { client: AdapterClient; onError(error: unknown): never };

/** Statements kept per connection: Prisma's queries repeat a few hundred shapes. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * The adapter prepares every query afresh (a tenth of the worker's CPU in a busy intake went to
 * SQLite's parser): each SQL text is prepared once here and bound at each run instead. A statement
 * of better-sqlite3 takes its arguments at `run`/`all` as well as at `bind`, and only once at `bind`.
 */
function cachedStatements(prepare: (sql: string) => Database.Statement): (sql: string) => { bind(args: unknown[]): AdapterStatement } {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      // Oldest out: a Map iterates in insertion order.
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    const prepared = statement;
    return {
      bind: (args) => ({
        reader: prepared.reader,
        run: () => prepared.run(args),
        columns: () => prepared.columns(),
        raw: () => ({ all: () => prepared.raw(true).all(args) }),
      }),
    };
  };
}

/**
 * The adapter's view of its connection: statements prepared once (cachedStatements), transactions
 * that take the write lock when they begin, and a lock that a failed begin gives back.
 *
 * The adapter opens each transaction with a plain (deferred) `BEGIN`: one that reads and then
 * writes fails with SQLITE_BUSY_SNAPSHOT, without waiting, when another process (the API beside
 * the worker) committed in between. `BEGIN IMMEDIATE` takes the write lock first, waiting up to the
 * busy timeout, so such a transaction waits its turn instead of failing.
 *
 * The adapter also takes its own lock on the connection before its `BEGIN` and gives it back only
 * at commit or rollback: a `BEGIN` that failed (the busy timeout ran out) kept it for good, and every
 * later transaction of the process waited forever. So the adapter's `BEGIN` does nothing here; the
 * transaction begins once the adapter holds its lock, and a failed begin rolls back, which gives the
 * lock back, before the error goes up as the adapter reports it (P1008, answered 503).
 */
function adaptConnection(adapter: SqlDriverAdapter, connection: Database.Database, onClose: () => void, onCommit?: () => void): SqlDriverAdapter {
  const internals = adapter as unknown as AdapterInternals;
  const statement = cachedStatements((sql) => connection.prepare(sql));
  const adapterBegin = { run: () => ({ changes: 0 }) };
  const close = () => {
    onClose();
    connection.close();
  };
  // The adapter's own view of the connection; read-rows uses the connection itself inside a transaction.
  internals.client = { prepare: (sql) => (sql === 'BEGIN' ? adapterBegin : statement(sql)), exec: (sql) => connection.exec(sql), close };
  const begin = connection.prepare('BEGIN IMMEDIATE');
  const startTransaction = adapter.startTransaction.bind(adapter);
  const beginWithoutBlocking = writeLockWaiter(connection, begin);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction = await startTransaction(isolationLevel);
    try {
      await beginWithoutBlocking();
    } catch (error) {
      await transaction.rollback();
      internals.onError(error);
    }
    return transaction;
  };
  if (onCommit) callAfterCommits(adapter, onCommit);
  return adapter;
}

/**
 * Calls `onCommit` each time one of the adapter's transactions has committed: Prisma runs the
 * transaction's COMMIT, then calls its `commit()`, which here calls `onCommit` once it is done. A
 * failing `onCommit` is logged, not thrown: the transaction has committed, and its caller must hear so.
 */
function callAfterCommits(adapter: SqlDriverAdapter, onCommit: () => void): void {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction = await startTransaction(isolationLevel);
    const commit = transaction.commit.bind(transaction);
    transaction.commit = async () => {
      await commit();
      try {
        onCommit();
      } catch (error) {
        console.error('db: onCommit failed after a commit:', error);
      }
    };
    return transaction;
  };
}

// Pauses between tries for the write lock: short, as another process's transaction holds it for
// milliseconds; longer while it is held longer (an import batch).
const LOCK_RETRY_PAUSES_MS = [0, 1, 1, 2, 2, 4];

const isBusy = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';

/**
 * `BEGIN IMMEDIATE` that waits for another process's write lock without blocking the thread:
 * better-sqlite3's busy handler sleeps in it (SQLite's own backoff, 1, 2, 5, 10… ms), so while the
 * worker committed, the API answered nothing and streamed nothing. Here each try fails at once and
 * the wait between tries is a timer; after BUSY_TIMEOUT_MS the last try's SQLITE_BUSY goes up as before.
 */
function writeLockWaiter(connection: Database.Database, begin: Database.Statement): () => Promise<void> {
  const noWait = connection.prepare('PRAGMA busy_timeout = 0');
  const usualWait = connection.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return async () => {
    const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
    for (let attempt = 0; ; attempt += 1) {
      noWait.get();
      try {
        begin.run();
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
      } finally {
        usualWait.get();
      }
      const pause = LOCK_RETRY_PAUSES_MS[Math.min(attempt, LOCK_RETRY_PAUSES_MS.length - 1)]!;
      await new Promise((resolve) => (pause === 0 ? setImmediate(resolve) : setTimeout(resolve, pause)));
    }
  };
}

class ImmediateTransactionsSQLite3 extends PrismaBetterSQLite3 {
  /** The better-sqlite3 connection the adapter holds, once it has connected. */
  connection: Database.Database | null = null;
  private reader: Database.Database | null = null;

  /** Ends the checkpoint timer (`checkpointOnTimer`) when the client disconnects. */
  stopCheckpoints: (() => void) | null = null;

  constructor(
    private readonly databaseFile: string,
    private readonly onCommit?: () => void,
  ) {
    super({ url: `file:${databaseFile}`, timeout: BUSY_TIMEOUT_MS });
  }

  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client?: Database.Database }).client;
    if (!connection || typeof connection.prepare !== 'function') throw new Error('db/client: the SQLite adapter no longer exposes its connection; BEGIN IMMEDIATE cannot be set');
    this.connection = connection;
    return adaptConnection(
      adapter,
      connection,
      () => {
        this.reader?.close();
        this.reader = null;
        this.stopCheckpoints?.();
        this.stopCheckpoints = null;
      },
      this.onCommit,
    );
  }

  /**
   * A second connection to the file, for the client's own reads outside its transactions. Those
   * reads skip the adapter, so on the adapter's connection they ran inside whatever interactive
   * transaction of the process held it between two of its awaits: they saw rows that were not
   * committed yet and might be rolled back (an Event id streamed, then rolled back and handed to the
   * next commit, which the stream then skipped). Here, in WAL mode, each read sees what is committed.
   */
  readConnection(): Database.Database | null {
    if (!this.connection?.open) return null;
    if (!this.reader) {
      this.reader = new Database(this.databaseFile, { timeout: BUSY_TIMEOUT_MS });
      this.reader.pragma('query_only = ON');
    }
    return this.reader;
  }
}

const connections = new WeakMap<object, ImmediateTransactionsSQLite3>();

/** The query engine a client and its interactive transactions' clients share (Prisma's own field). */
const engineOf = (db: object): object | undefined => (db as { _engine?: object })._engine;

/**
 * The better-sqlite3 connection under a SQLite client opened by `openDb`, or under one of its
 * interactive transactions' clients (null for PostgreSQL). It is the one connection the process
 * holds, so a statement run on it inside a transaction's callback is part of that transaction
 * (the adapter lets no other query run until it ends), and a read sees exactly what the client's
 * own queries would.
 */
export function sqliteConnectionOf(db: object): Database.Database | null {
  const engine = engineOf(db);
  return (connections.get(db) ?? (engine ? connections.get(engine) : undefined))?.connection ?? null;
}

/**
 * Where a raw read through `db` runs on SQLite (null for PostgreSQL, and before the client has
 * connected: then it reads through `$queryRaw`): given a client opened by `openDb`, its read
 * connection, which sees only committed rows; given an interactive transaction's client, the
 * connection that transaction holds, so the read is part of it.
 */
export function sqliteReadConnectionOf(db: object): Database.Database | null {
  const client = connections.get(db);
  return client ? client.readConnection() : sqliteConnectionOf(db);
}

/** Whether `openDb(target)` opens PostgreSQL (a postgresql:// URL) rather than a SQLite file. */
export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//.test(target);

/** Connections each process holds to PostgreSQL at most (the API and the worker each have one pool). */
const POSTGRES_POOL_SIZE = 10;

/**
 * Opens the app's database: PostgreSQL when `target` is a postgresql:// URL (DATABASE_URL), else the
 * SQLite file at `target`. Every process (API, worker, scripts) opens it here. Both clients have
 * the same models and methods; the PostgreSQL one is generated from prisma/postgresql/schema.prisma
 * (the same datamodel) and is typed as the SQLite one so callers see one `Db`.
 */
export async function openDb(target: string, options: OpenDbOptions = {}): Promise<Db> {
  if (isPostgresUrl(target)) return openPostgres(target, options);
  return openSqlite(target, options);
}

export interface OpenDbOptions {
  /**
   * How long one interactive transaction may take (Prisma's default is 5 s). A one-off writer
   * such as the demo seed raises it: on a machine busy enough, its bigger transactions ran past
   * 5 s and the whole start failed.
   */
  transactionTimeoutMs?: number;
  /**
   * SQLite: this connection's commits never checkpoint the WAL; a timer does, every this many ms
   * (db/wal-checkpoints). For the API, whose thread must stay free to answer and stream; the
   * worker's commits checkpoint.
   */
  checkpointEveryMs?: number;
  /**
   * Called each time a transaction of this client has committed (SQLite; PostgreSQL's commits
   * are announced by NOTIFY): the API's event hub reads what its own requests wrote at once,
   * rather than on the next turn of the event loop after the file watch reports it.
   */
  onCommit?: () => void;
}

// Prisma's own defaults (5 s to run, 2 s to start) unless raised.
const transactionOptions = ({ transactionTimeoutMs }: OpenDbOptions) => ({ transactionOptions: { timeout: transactionTimeoutMs ?? 5_000, maxWait: transactionTimeoutMs ?? 2_000 } });

/**
 * Planner costs for SSD storage, set on each connection so they hold on any server DATABASE_URL
 * names: with the default random_page_cost (4, for spinning disks) PostgreSQL read whole tables
 * (every live buyer for the dashboard) rather than their covering indexes.
 * tests/integration/query-plans checks the plans at volume with these settings.
 */
export const POSTGRES_PLANNER_OPTIONS = '-c random_page_cost=1.1 -c effective_io_concurrency=200';

async function openPostgres(url: string, options: OpenDbOptions): Promise<Db> {
  // Loaded when first used (a SQLite process never evaluates it), by a literal path so that the
  // bundled API and worker (scripts/lib/node-program.ts) carry it: a bundle has no sources beside it.
  const { PrismaClient: PostgresPrismaClient } = (await import('../prisma/generated-pg/client')) as unknown as { PrismaClient: new (options: { adapter: PrismaPg; transactionOptions?: object }) => { $connect(): Promise<void> } };
  const adapter = new PrismaPg({ connectionString: url, max: POSTGRES_POOL_SIZE, options: POSTGRES_PLANNER_OPTIONS });
  const db = new PostgresPrismaClient({ adapter, ...transactionOptions(options) });
  await db.$connect();
  return db as unknown as Db;
}

/**
 * The SQLite database through Prisma's JS engine: WAL, a busy timeout, and transactions that take
 * the write lock when they begin (see adaptConnection).
 */
async function openSqlite(databaseFile: string, options: OpenDbOptions): Promise<Db> {
  const adapter = new ImmediateTransactionsSQLite3(path.resolve(databaseFile), options.onCommit);
  const db = new PrismaClient({ adapter, ...transactionOptions(options) });
  connections.set(db, adapter);
  const engine = engineOf(db);
  if (engine) connections.set(engine, adapter);
  await db.$queryRawUnsafe('PRAGMA journal_mode=WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous=NORMAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys=ON');
  if (options.checkpointEveryMs !== undefined && adapter.connection) adapter.stopCheckpoints = checkpointOnTimer(adapter.connection, options.checkpointEveryMs);
  return db;
}
