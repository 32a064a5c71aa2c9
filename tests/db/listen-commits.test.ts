import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { createEventHub } from '../../api/sse/event-hub';
import { openDb, type Db } from '../../db/client';
import { listenForCommits } from '../../db/listen-commits';
import { recordEvent } from '../../db/writes/record-event';
import { migrateDatabase } from '../../scripts/lib/stack';
import { startScratchPostgres } from '../support/postgres';
import { openEventStream } from '../support/sse-client';
import { ROOT_DIR } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// Events across processes on a real PostgreSQL: LISTEN/NOTIFY wakes the API's event hub at a commit
// in any process, and event ids follow commit order, so the hub's id cursor never skips a late commit.
let postgres: Awaited<ReturnType<typeof startScratchPostgres>> | undefined;
let db: Db | undefined;
let url: string;

beforeAll(async () => {
  postgres = await startScratchPostgres('flipstackk-listen-');
  url = postgres.url;
  migrateDatabase(ROOT_DIR, url);
  db = await openDb(url);
});

afterAll(async () => {
  await db?.$disconnect();
  await postgres?.stop();
});

const writeEvent = (userId: string) => (tx: Parameters<typeof recordEvent>[0]) =>
  recordEvent(tx, { entityType: 'session', entityId: userId, action: 'ended', entity: { userId, reason: 'logout' } });

it('wakes the listener when a transaction that records an event commits, never for one rolled back, and listens again after losing its connection', async () => {
  let wakes = 0;
  const lines: string[] = [];
  const stop = listenForCommits(url, () => (wakes += 1), (line) => lines.push(line));
  try {
    // It wakes once when it starts listening (anything committed before is read by the caller).
    await waitUntil('the first wake-up', async () => wakes >= 1, 30_000);
    const before = wakes;

    // A rolled-back transaction announces nothing; a committed one does.
    await expect(
      db!.$transaction(async (tx) => {
        await writeEvent('user-rolled-back')(tx);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await db!.$transaction(async (tx) => {
      await writeEvent('user-committed')(tx);
    });
    await waitUntil('a wake-up for the commit', async () => wakes > before, 30_000);
    expect(wakes).toBe(before + 1);
    expect(await db!.event.count({ where: { entityId: 'user-rolled-back' } })).toBe(0);

    // The server ends the listener's connection: it listens again and hears the next commit.
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN flipstackk_events'`);
    await admin.end();
    await waitUntil('the listener noticing its lost connection', async () => lines.some((line) => line.includes('listening again')), 30_000);
    const afterReconnect = await waitUntil('the wake-up on listening again', async () => {
      const listening = await db!.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM pg_stat_activity WHERE query = 'LISTEN flipstackk_events'`);
      return Number(listening[0]!.n) === 1 ? wakes : undefined;
    }, 30_000);
    await db!.$transaction(async (tx) => {
      await writeEvent('user-after-reconnect')(tx);
    });
    await waitUntil('a wake-up after listening again', async () => wakes > afterReconnect, 30_000);
  } finally {
    await stop();
  }
});

/** A transaction that records an event (its id drawn) and stays open until it is told to commit or roll back. */
async function holdEventOpen(entityId: string) {
  let end!: (commit: boolean) => void;
  const ended = new Promise<boolean>((resolve) => (end = resolve));
  let recorded!: () => void;
  const drawn = new Promise<void>((resolve) => (recorded = resolve));
  const done = db!.$transaction(
    async (tx) => {
      const event = await writeEvent(entityId)(tx);
      recorded();
      if (!(await ended)) throw new Error('refused');
      return event;
    },
    { timeout: 60_000 },
  );
  await Promise.race([drawn, done]);
  const finish = (commit: boolean) => {
    end(commit);
    return done;
  };
  return { commit: () => finish(true), rollBack: () => finish(false) };
}

it('streams events in id order without skipping an id that commits after a higher one, and past an id that never commits', async () => {
  const hub = createEventHub({ db: db!, pollMs: null });
  await hub.start();
  const seen: string[] = [];
  hub.subscribe((row) => seen.push(row.entityId));
  try {
    // The first transaction draws the lower id and stays open while the second commits a higher one.
    const first = await holdEventOpen('order-first');
    const second = await db!.$transaction(async (tx) => writeEvent('order-second')(tx));
    // A reader that moved its cursor to the second's id now would never see the first.
    await hub.poke();
    expect(seen).toEqual([]);
    const firstEvent = await first.commit();
    expect(second.id).toBeGreaterThan(firstEvent.id);
    await waitUntil('both events streamed', async () => {
      await hub.poke();
      return seen.length >= 2;
    }, 30_000);
    expect(seen).toEqual(['order-first', 'order-second']);

    // The lower id drawn by a transaction newer than the one that commits the higher id: a snapshot
    // lists only transactions older than the newest one that ended, and this one is not among them.
    let olderRecord!: () => void;
    const olderMayRecord = new Promise<void>((resolve) => (olderRecord = resolve));
    let olderStarted!: () => void;
    const olderHasItsId = new Promise<void>((resolve) => (olderStarted = resolve));
    const older = db!.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe('SELECT pg_current_xact_id()::text AS xid');
        olderStarted();
        await olderMayRecord;
        return writeEvent('order-older-transaction')(tx);
      },
      { timeout: 60_000 },
    );
    await olderHasItsId;
    const newer = await holdEventOpen('order-newer-transaction');
    olderRecord();
    const olderEvent = await older;
    await hub.poke();
    expect(seen).toEqual(['order-first', 'order-second']);
    const newerEvent = await newer.commit();
    expect(olderEvent.id).toBeGreaterThan(newerEvent.id);
    await waitUntil('both transactions\' events streamed', async () => {
      await hub.poke();
      return seen.length >= 4;
    }, 30_000);
    expect(seen).toEqual(['order-first', 'order-second', 'order-newer-transaction', 'order-older-transaction']);

    // An id whose transaction rolls back stays missing: the events after it still stream.
    const rolledBack = await holdEventOpen('order-rolled-back');
    await db!.$transaction(async (tx) => writeEvent('order-after-rollback')(tx));
    await hub.poke();
    expect(seen).toEqual(['order-first', 'order-second', 'order-newer-transaction', 'order-older-transaction']);
    await expect(rolledBack.rollBack()).rejects.toThrow('refused');
    await waitUntil('the event after the rolled-back one streamed', async () => {
      await hub.poke();
      return seen.length >= 5;
    }, 30_000);
    expect(seen).toEqual(['order-first', 'order-second', 'order-newer-transaction', 'order-older-transaction', 'order-after-rollback']);
  } finally {
    hub.stop();
  }
});

it('sends a new stream the events of a commit made after it opened, when the read that finds them was under way before the stream was registered', async () => {
  const hub = createEventHub({ db: db!, pollMs: null });
  await hub.start();
  const server = http.createServer((req, res) => {
    void hub.connect(req, res, { userId: 'stream-opener', role: 'AGENT', sessionId: null, deadline: Date.now() + 600_000 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stream: ReturnType<typeof openEventStream> | undefined;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const tableLocked = new Promise<void>((resolve) => (locked = resolve));
  // Holds the Event table so the hub's next read waits inside PostgreSQL, then commits an event with the lock.
  const writer = db!.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('LOCK TABLE "Event" IN ACCESS EXCLUSIVE MODE');
      locked();
      await released;
      return writeEvent('committed-while-opening')(tx);
    },
    { timeout: 60_000 },
  );
  try {
    await tableLocked;
    const reading = hub.poke();
    await waitUntil('the hub\'s read waiting on the lock', async () => {
      const waiting = await db!.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM "Event"%'`);
      return Number(waiting[0]!.n) > 0;
    }, 30_000);
    stream = openEventStream(`http://127.0.0.1:${port}/`, '', {}, ['session.ended']);
    await stream.opened;
    release();
    const event = await writer;
    await reading;
    const received = await stream.waitFor((e) => e.name === 'session.ended' && e.data.entityId === 'committed-while-opening');
    expect(received.id).toBe(String(event.id));
  } finally {
    release();
    stream?.close();
    hub.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
