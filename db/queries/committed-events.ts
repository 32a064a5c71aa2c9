import type { Db } from '../client';
import { readRows } from '../read-rows';
import { Prisma, type Event } from '../../prisma/generated/client';
import { dialectOf } from './dialect';
import { EVENT_BATCH, readEventsAfter } from './events';

/**
 * How long a gap in the Event ids may hold the live stream back while a transaction that may fill
 * it stays open (a session left idle in a transaction): after this the gap counts as final.
 */
export const GAP_WAIT_LIMIT_MS = 10_000;

export interface CommittedEvents {
  /** The next events after the given id, in id order, none of them past an id that may still commit. */
  rows: Event[];
  /** A full batch: more may follow at once. */
  full: boolean;
  /** Later events are held back until the transactions that may fill a gap end: read again soon. */
  waiting: boolean;
}

export interface CommittedEventReader {
  read(afterId: number): Promise<CommittedEvents>;
}

interface OpenGap {
  /** Every id missing at or below it is final once `xids` have ended. */
  throughId: number;
  /** The transactions the read's snapshot did not see committed (PostgreSQL's xid8, as text). */
  xids: string[];
  since: number;
}

/**
 * Reads the Event table in id order for a reader that moves a cursor along the ids (the event hub).
 *
 * SQLite has one writer at a time, so ids commit in order. PostgreSQL hands ids out from a sequence
 * when a row is inserted, while transactions commit in any order: id 7 may commit after id 8 was
 * read, and a cursor already at 8 would skip it. So on PostgreSQL, when a read finds ids missing
 * below one it read, it returns rows only up to there, notes every transaction its snapshot did
 * not see committed (mayStillCommitSql), and reads on past the missing ids only once all of those
 * have ended, with a snapshot taken after that (a missing id is then final: a rollback, or an
 * insert that failed).
 */
export function createCommittedEventReader(db: Db, log: (line: string) => void = () => undefined, now: () => number = Date.now): CommittedEventReader {
  if (dialectOf(db) !== 'postgres') {
    return {
      async read(afterId) {
        const rows = await readEventsAfter(db, afterId);
        return { rows, full: rows.length === EVENT_BATCH, waiting: false };
      },
    };
  }

  let settledThrough = 0;
  let gap: OpenGap | null = null;

  async function gapStillOpen(open: OpenGap): Promise<boolean> {
    if (open.xids.length === 0) return false;
    const [row] = await readRows<{ open: number }>(db, stillInProgressSql(open.xids));
    if (!row || Number(row.open) === 0) return false;
    if (now() - open.since < GAP_WAIT_LIMIT_MS) return true;
    log(`event stream: ids after the last one sent stayed missing for ${GAP_WAIT_LIMIT_MS} ms while a transaction was open; counting them as never committed`);
    return false;
  }

  /** One read from `afterId`: the rows up to the first missing id not yet settled, and the gap found there (null when none). */
  async function readOnce(afterId: number): Promise<{ rows: Event[]; full: boolean; gap: OpenGap | null }> {
    const read = await readRows<Event & { snapshot: string }>(db, eventsAfterWithSnapshotSql(afterId, EVENT_BATCH));
    const rows: Event[] = [];
    let previous = afterId;
    for (const { snapshot, ...row } of read) {
      if (row.id - 1 > Math.max(previous, settledThrough)) {
        const xids = (await readRows<{ xid: string }>(db, mayStillCommitSql(snapshot))).map(({ xid }) => xid);
        return { rows, full: false, gap: { throughId: read.at(-1)!.id, xids, since: now() } };
      }
      rows.push(row);
      previous = row.id;
    }
    return { rows, full: read.length === EVENT_BATCH, gap: null };
  }

  return {
    async read(afterId) {
      // A gap whose transactions have all ended is read past at once, with a snapshot taken after they ended.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        if (gap) {
          if (await gapStillOpen(gap)) return { rows: [], full: false, waiting: true };
          settledThrough = Math.max(settledThrough, gap.throughId);
          gap = null;
        }
        const once = await readOnce(afterId);
        gap = once.gap;
        // Rows before a gap go out now; the next read (at once) looks at the gap again.
        if (!gap || once.rows.length > 0) return { rows: once.rows, full: once.full || gap !== null, waiting: false };
      }
      return { rows: [], full: false, waiting: true };
    },
  };
}

/** The events after an id with the snapshot they were read in: one statement, so one snapshot. */
const eventsAfterWithSnapshotSql = (afterId: number, limit: number): Prisma.Sql =>
  Prisma.sql`SELECT "Event".*, pg_current_snapshot()::text AS "snapshot" FROM "Event" WHERE "id" > ${afterId} ORDER BY "id" ASC LIMIT ${limit}`;

/**
 * The transactions a snapshot did not see committed: those it lists as in progress, and every one
 * from its xmax on. A snapshot lists only transactions older than the newest that had ended (its
 * xmax); a newer one may have drawn a lower event id than a row the snapshot saw. The reader's own
 * transaction id (drawn here) bounds them: every transaction that drew an id before the snapshot
 * had its id before this.
 */
const mayStillCommitSql = (snapshot: string): Prisma.Sql =>
  Prisma.sql`SELECT x::text AS "xid" FROM pg_snapshot_xip(${snapshot}::pg_snapshot) AS x
    UNION ALL
    SELECT g::text AS "xid" FROM generate_series(pg_snapshot_xmax(${snapshot}::pg_snapshot)::text::bigint, pg_current_xact_id()::text::bigint - 1) AS g`;

/** How many of these transactions are still in progress. */
const stillInProgressSql = (xids: string[]): Prisma.Sql =>
  Prisma.sql`SELECT count(*)::int AS "open" FROM unnest(${xids}::text[]) AS x WHERE pg_xact_status(x::xid8) = 'in progress'`;
