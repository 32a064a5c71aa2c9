import { createChannel, createSession, type Session } from 'better-sse';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { canSeeEvent } from '../../domain/events/event-name';
import type { Db } from '../../db/client';
import { createCommittedEventReader } from '../../db/queries/committed-events';
import { newestEventId, readEventsAfter } from '../../db/queries/events';
import type { Event as EventRow } from '../../prisma/generated/client';
import { toEventJson } from '../../db/rows';
import { userRoleSchema, type UserRole } from '../../domain/users/user-role';
import { AppError } from '../errors';

interface StreamState {
  userId: string;
  /** The user's role, kept current by `user.*` events: supervisors and admins also get every import's progress. */
  role: UserRole;
  /** The session the stream was opened with; it ends with it. */
  sessionId: string | null;
  /** When the session ends unless a request extends it (epoch ms, the hub's clock). */
  deadline: number;
  /** When the stream was authorized (real time), to catch a session that ended meanwhile. */
  openedAt: number;
}

/** Who a stream belongs to, as its route found the session. */
export interface StreamOwner {
  userId: string;
  role: UserRole;
  sessionId: string | null;
  deadline: number;
}

interface EndedMark {
  userId: string;
  sessionIds?: string[];
  at: number;
}

// A `session.ended` or a deactivation is remembered this long for streams still being opened.
const ENDED_MARK_MS = 60_000;
// A route may have trusted a session read this long ago (the session cache).
const TRUSTED_READ_MS = 5_000;
// setTimeout's longest delay.
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Live streams one user may hold in one API process: each tab holds one, and each costs the
 * process a socket and a timer, so a signed-in script could otherwise open them without end.
 */
export const MAX_STREAMS_PER_USER = 20;
const STREAM_RETRY_AFTER_SECONDS = 30;
// While events wait behind an uncommitted id, how soon the hub looks again (a transaction's commit is milliseconds).
const GAP_RECHECK_MS = 20;

/** The sessions an event ends: `session.ended` names them (all of the user's when it does not), a deactivation ends all. */
function endedBy(row: EventRow): { userId: string; sessionIds?: string[] } | null {
  if (row.entityType !== 'session' && row.entityType !== 'user') return null;
  let payload: { active?: unknown; sessionIds?: unknown };
  try {
    payload = JSON.parse(row.payload) as typeof payload;
  } catch {
    payload = {};
  }
  if (row.entityType === 'user') return payload.active === false ? { userId: row.entityId } : null;
  const ids = Array.isArray(payload.sessionIds) ? payload.sessionIds.filter((id): id is string => typeof id === 'string') : undefined;
  return { userId: row.entityId, ...(ids ? { sessionIds: ids } : {}) };
}

/** A user's new role, from a `user.*` event that carries one. */
function roleChangedBy(row: EventRow): { userId: string; role: UserRole } | null {
  if (row.entityType !== 'user') return null;
  try {
    const role = userRoleSchema.safeParse((JSON.parse(row.payload) as { role?: unknown }).role);
    return role.success ? { userId: row.entityId, role: role.data } : null;
  } catch {
    return null;
  }
}

const matches = (state: StreamState, ended: { userId: string; sessionIds?: string[] }): boolean =>
  state.userId === ended.userId && (!ended.sessionIds || (state.sessionId !== null && ended.sessionIds.includes(state.sessionId)));

/**
 * Streams Event rows to browsers. Workers write events from another process: the hub reads the
 * rows after the last one it sent (an indexed primary-key range read, microseconds in WAL mode)
 * when `wake()` says the database changed, and every `pollMs` in case a wake-up is lost (null: only
 * when woken). Reads and replays run one at a time, so a reconnecting client gets every event
 * after its Last-Event-ID exactly once, in order.
 *
 * A stream lives only as long as its session: it ends when a `session.ended` event names the
 * session (sign-out, revoke, password change, expiry, in any API process) or a `user.*` event
 * says the user is inactive, when its deadline passes (a timer, and a check before each delivery
 * against `now`). A stream ended while its session lives is harmless: the browser reconnects with
 * Last-Event-ID and gets what it missed.
 */
export function createEventHub({ db, pollMs, now = () => new Date() }: { db: Db; pollMs: number | null; now?: () => Date }) {
  const channel = createChannel<Record<string, unknown>, StreamState>();
  const streams = new Map<Session<StreamState>, { res: ServerResponse; timer?: NodeJS.Timeout }>();
  // Streams of a user being opened (between the check and their entry in `streams`).
  const opening = new Map<string, number>();
  let endedMarks: EndedMark[] = [];
  let lastSentId = 0;
  let queue: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  // A wake-up during a read may be for a commit that read missed: read once more after it.
  let reading = false;
  let wokenWhileReading = false;
  const listeners = new Set<(row: EventRow) => void>();
  const reader = createCommittedEventReader(db, (line) => console.warn(line));
  let recheck: NodeJS.Timeout | undefined;

  const serially = (work: () => Promise<void>): Promise<void> => {
    queue = queue.then(work).catch((error: unknown) => console.error('event hub:', error));
    return queue;
  };

  const send = (session: Session<StreamState>, row: EventRow) =>
    session.push(toEventJson(row), `${row.entityType}.${row.action}`, String(row.id));

  function endStream(session: Session<StreamState>): void {
    const stream = streams.get(session);
    if (!stream) return;
    streams.delete(session);
    clearTimeout(stream.timer);
    if (channel.activeSessions.includes(session)) channel.deregister(session);
    stream.res.end();
  }

  function armDeadline(session: Session<StreamState>): void {
    const stream = streams.get(session);
    if (!stream) return;
    clearTimeout(stream.timer);
    const delay = Math.min(Math.max(session.state.deadline - now().getTime(), 0), MAX_TIMER_MS);
    stream.timer = setTimeout(() => endStream(session), delay);
    stream.timer.unref();
  }

  /** May this stream still get events? Past its deadline it ends instead (after the current delivery loop). */
  function isLive(session: Session<StreamState>): boolean {
    if (now().getTime() < session.state.deadline) return true;
    queueMicrotask(() => endStream(session));
    return false;
  }

  function endStreamsOf(ended: { userId: string; sessionIds?: string[] }): void {
    const at = Date.now();
    endedMarks = endedMarks.filter((mark) => at - mark.at < ENDED_MARK_MS);
    endedMarks.push({ ...ended, at });
    for (const session of [...streams.keys()]) if (matches(session.state, ended)) endStream(session);
  }

  async function pollOnce(): Promise<void> {
    for (;;) {
      const { rows, full, waiting } = await reader.read(lastSentId);
      if (waiting) recheckSoon();
      for (const row of rows) {
        channel.broadcast(toEventJson(row), `${row.entityType}.${row.action}`, {
          eventId: String(row.id),
          filter: (session) => canSeeEvent(row, session.state.userId, session.state.role) && isLive(session),
        });
        const changed = roleChangedBy(row);
        if (changed) for (const session of streams.keys()) if (session.state.userId === changed.userId) session.state.role = changed.role;
        lastSentId = row.id;
        const ended = endedBy(row);
        if (ended) endStreamsOf(ended);
        for (const listener of listeners) listener(row);
      }
      if (!full) return;
    }
  }

  /** Events wait behind an id a transaction in progress may still commit (PostgreSQL): look again shortly. */
  function recheckSoon(): void {
    if (recheck || !running) return;
    recheck = setTimeout(() => {
      recheck = undefined;
      void serially(pollOnce);
    }, GAP_RECHECK_MS);
  }

  async function replay(session: Session<StreamState>, afterId: number): Promise<void> {
    let cursor = afterId;
    while (cursor < lastSentId && session.isConnected) {
      const rows = await readEventsAfter(db, cursor, lastSentId);
      if (rows.length === 0) break;
      for (const row of rows) if (canSeeEvent(row, session.state.userId, session.state.role) && isLive(session)) send(session, row);
      cursor = rows.at(-1)!.id;
    }
  }

  return {
    async start(): Promise<void> {
      lastSentId = await newestEventId(db);
      running = true;
      if (pollMs === null) return;
      const loop = (): void => {
        if (running) timer = setTimeout(() => void serially(pollOnce).finally(loop), pollMs);
      };
      loop();
    },

    /** The database changed (a commit in any process): read the new events now. Wake-ups during a read fold into one more read. */
    wake(): void {
      if (!running) return;
      if (reading) {
        wokenWhileReading = true;
        return;
      }
      reading = true;
      const readUntilQuiet = (): Promise<void> =>
        serially(pollOnce).then(() => {
          if (!wokenWhileReading) return undefined;
          wokenWhileReading = false;
          return readUntilQuiet();
        });
      void readUntilQuiet().finally(() => {
        reading = false;
      });
    },

    /** Check for new events now instead of at the next poll (after a write in this process). */
    poke(): Promise<void> {
      return serially(pollOnce);
    },

    async connect(req: IncomingMessage, res: ServerResponse, owner: StreamOwner, fallbackLastId?: string): Promise<void> {
      const openedAt = Date.now();
      // A new stream gets every event streamed from now on: a read already under way when it opens
      // may stream the events of a commit the client makes after it saw the stream open, before the
      // stream is registered; its replay from here sends them.
      const streamedBeforeOpening = lastSentId;
      const open = opening.get(owner.userId) ?? 0;
      if (open + [...streams.keys()].filter((session) => session.state.userId === owner.userId).length >= MAX_STREAMS_PER_USER) {
        throw new AppError('TOO_MANY_REQUESTS', `At most ${MAX_STREAMS_PER_USER} live connections per user: close another tab or window of Flipstackk`, undefined, STREAM_RETRY_AFTER_SECONDS);
      }
      opening.set(owner.userId, open + 1);
      let session: Session<StreamState>;
      try {
        session = await createSession<StreamState>(req, res, { keepAlive: 15_000, retry: 2_000, state: { ...owner, openedAt } });
      } finally {
        const left = (opening.get(owner.userId) ?? 1) - 1;
        if (left > 0) opening.set(owner.userId, left);
        else opening.delete(owner.userId);
      }
      streams.set(session, { res });
      session.once('disconnected', () => {
        clearTimeout(streams.get(session)?.timer);
        streams.delete(session);
      });
      armDeadline(session);
      const resumeFrom = Number(session.lastId || fallbackLastId || Number.NaN);
      const lastId = Number.isInteger(resumeFrom) && resumeFrom >= 0 ? resumeFrom : streamedBeforeOpening;
      await serially(async () => {
        // The session ended after the route read it: its event has streamed by already.
        if (endedMarks.some((mark) => mark.at >= openedAt - TRUSTED_READ_MS && matches(session.state, mark))) {
          endStream(session);
          return;
        }
        await replay(session, lastId);
        if (session.isConnected && streams.has(session)) channel.register(session);
      });
    },

    /** A request through the session pushed its deadline back: its streams may live on until then. */
    extendSession(sessionId: string, deadline: number): void {
      for (const session of streams.keys()) {
        if (session.state.sessionId === sessionId && deadline > session.state.deadline) {
          session.state.deadline = deadline;
          armDeadline(session);
        }
      }
    },

    /**
     * How many of a user's streams get live events (for tests and diagnostics): registered, after
     * any replay. A stream just opened is not counted yet: a poll already running when it opened
     * delivers only to the streams registered before it (the new one gets those events by its replay).
     */
    streamCount(userId: string): number {
      return channel.activeSessions.filter((session) => session.state.userId === userId).length;
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
      clearTimeout(recheck);
      recheck = undefined;
      for (const session of channel.activeSessions) channel.deregister(session);
      for (const stream of streams.values()) clearTimeout(stream.timer);
      streams.clear();
    },
  };
}
export type EventHub = ReturnType<typeof createEventHub>;
