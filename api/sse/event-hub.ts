import { createChannel, createSession, type Session } from 'better-sse';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { canSeeEvent } from '../../domain/events/event-name';
import type { Db } from '../../db/client';
import { EVENT_BATCH, newestEventId, readEventsAfter } from '../../db/queries/events';
import type { Event as EventRow } from '../../prisma/generated/client';
import { toEventJson } from '../../db/rows';

interface StreamState {
  userId: string;
}

/**
 * Streams Event rows to browsers. Workers write events from another process, so the hub polls
 * the table for rows after the last one it sent (an indexed primary-key range read, microseconds
 * in WAL mode). Polls and replays run one at a time, so a reconnecting client gets every event
 * after its Last-Event-ID exactly once, in order.
 */
export function createEventHub({ db, pollMs }: { db: Db; pollMs: number }) {
  const channel = createChannel<Record<string, unknown>, StreamState>();
  let lastSentId = 0;
  let queue: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const listeners = new Set<(row: EventRow) => void>();

  const serially = (work: () => Promise<void>): Promise<void> => {
    queue = queue.then(work).catch((error: unknown) => console.error('event hub:', error));
    return queue;
  };

  const send = (session: Session<StreamState>, row: EventRow) =>
    session.push(toEventJson(row), `${row.entityType}.${row.action}`, String(row.id));

  async function pollOnce(): Promise<void> {
    for (;;) {
      const rows = await readEventsAfter(db, lastSentId);
      for (const row of rows) {
        channel.broadcast(toEventJson(row), `${row.entityType}.${row.action}`, {
          eventId: String(row.id),
          filter: (session) => canSeeEvent(row, session.state.userId),
        });
        lastSentId = row.id;
        for (const listener of listeners) listener(row);
      }
      if (rows.length < EVENT_BATCH) return;
    }
  }

  async function replay(session: Session<StreamState>, afterId: number): Promise<void> {
    let cursor = afterId;
    while (cursor < lastSentId && session.isConnected) {
      const rows = await readEventsAfter(db, cursor, lastSentId);
      if (rows.length === 0) break;
      for (const row of rows) if (canSeeEvent(row, session.state.userId)) send(session, row);
      cursor = rows.at(-1)!.id;
    }
  }

  return {
    async start(): Promise<void> {
      lastSentId = await newestEventId(db);
      running = true;
      const loop = (): void => {
        if (running) timer = setTimeout(() => void serially(pollOnce).finally(loop), pollMs);
      };
      loop();
    },

    /** Check for new events now instead of at the next poll (after a write in this process). */
    poke(): Promise<void> {
      return serially(pollOnce);
    },

    async connect(req: IncomingMessage, res: ServerResponse, userId: string, fallbackLastId?: string): Promise<void> {
      const session = await createSession<StreamState>(req, res, { keepAlive: 15_000, retry: 2_000, state: { userId } });
      const lastId = Number(session.lastId || fallbackLastId || Number.NaN);
      await serially(async () => {
        if (Number.isInteger(lastId) && lastId >= 0) await replay(session, lastId);
        if (session.isConnected) channel.register(session);
      });
    },

    /** Calls `listener` with every new event, from any process, as it is streamed; returns the unsubscribe. */
    subscribe(listener: (row: EventRow) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** The newest event streamed so far: anything computed from the database since then is still current. */
    get lastEventId(): number {
      return lastSentId;
    },

    get sessionCount(): number {
      return channel.sessionCount;
    },

    stop(): void {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      for (const session of channel.activeSessions) channel.deregister(session);
    },
  };
}
export type EventHub = ReturnType<typeof createEventHub>;
