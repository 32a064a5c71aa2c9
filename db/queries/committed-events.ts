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
  /** The transactions in progress when the gap was seen (PostgreSQL's xid8, as text). */
  xids: string[];
  since: number;
}

/**
 * Reads the Event table in id order for a reader that moves a cursor along the ids (the event hub).
 *
 * SQLite has one writer at a time, so ids commit in order. PostgreSQL hands ids out from a sequence
 * when a row is inserted, while transactions commit in any order: id 7 may commit after id 8 was
 * read, and a cursor already at 8 would skip it. So on PostgreSQL a read returns rows only up to
 * the first missing id that a transaction still in progress may fill (the read's own snapshot
 * names them); once those transactions have ended, every missing id up to what was read is final
 * (a rollback, or an insert that failed) and reading goes on past it.
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
    const [row] = await readRows<{ open: number }>(db, stillInProgressSql(open.xids));
    if (!row || Number(row.open) === 0) return false;
    if (now() - open.since < GAP_WAIT_LIMIT_MS) return true;
    log(`event stream: ids after the last one sent stayed missing for ${GAP_WAIT_LIMIT_MS} ms while a transaction was open; counting them as never committed`);
    return false;
  }

  return {
    async read(afterId) {
      if (gap) {
        if (await gapStillOpen(gap)) return { rows: [], full: false, waiting: true };
        settledThrough = Math.max(settledThrough, gap.throughId);
        gap = null;
      }
      const read = await readRows<Event & { snapshot: string }>(db, eventsAfterWithSnapshotSql(afterId, EVENT_BATCH));
      const inProgress = read.length > 0 ? runningTransactions(read[0]!.snapshot) : [];
      if (inProgress.length === 0 && read.length > 0) settledThrough = Math.max(settledThrough, read.at(-1)!.id);
      const rows: Event[] = [];
      let previous = afterId;
      for (const { snapshot: _snapshot, ...row } of read) {
        if (row.id - 1 > Math.max(previous, settledThrough)) {
          gap = { throughId: read.at(-1)!.id, xids: inProgress, since: now() };
          return { rows, full: false, waiting: true };
        }
        rows.push(row);
        previous = row.id;
      }
      return { rows, full: read.length === EVENT_BATCH, waiting: false };
    },
  };
}

/** The events after an id with the snapshot they were read in: one statement, so one snapshot. */
const eventsAfterWithSnapshotSql = (afterId: number, limit: number): Prisma.Sql =>
  Prisma.sql`SELECT "Event".*, pg_current_snapshot()::text AS "snapshot" FROM "Event" WHERE "id" > ${afterId} ORDER BY "id" ASC LIMIT ${limit}`;

/** How many of these transactions are still in progress. */
const stillInProgressSql = (xids: string[]): Prisma.Sql =>
  Prisma.sql`SELECT count(*)::int AS "open" FROM unnest(${xids}::text[]) AS x WHERE pg_xact_status(x::xid8) = 'in progress'`;

/** The transactions in progress in a snapshot's text form, `xmin:xmax:xip,…`. */
export function runningTransactions(snapshot: string): string[] {
  const xip = snapshot.split(':')[2] ?? '';
  return xip === '' ? [] : xip.split(',');
}
