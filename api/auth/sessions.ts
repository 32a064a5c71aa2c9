import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { endSessions } from '../../db/writes/end-sessions';
import type { SessionEndReason } from '../../domain/auth/session.schema';
import type { PublicUser, UserRole } from '../../domain/users/user-role';

export const SESSION_COOKIE = 'flipstackk_session';

/** How long a replica trusts a session it has read without reading it again. */
export const SESSION_CACHE_MS = 5_000;
/** lastSeenAt is written at most this often per session: not a write per request. */
export const SESSION_TOUCH_MS = 60_000;

export interface SessionLimits {
  /** Absolute lifetime from sign-in. */
  ttlMs: number;
  /** Ends after this long without a request. */
  idleMs: number;
  /** A user's sign-in beyond this many ends their oldest session. */
  maxPerUser: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { ttlMs: 12 * 3_600_000, idleMs: 30 * 60_000, maxPerUser: 10 };

/** Where a sign-in came from, shown in "where you're signed in". */
export interface SessionClient {
  userAgent?: string | null;
  ip?: string | null;
}

/** A live session as a request sees it; times in epoch ms. */
export interface LiveSession {
  id: string;
  user: PublicUser;
  expiresAt: number;
  lastSeenAt: number;
}

interface CachedSession extends LiveSession {
  readAt: number;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The cookie's token → the session's id (its hash: the token itself is never stored). */
export const sessionIdOf = hashToken;

/**
 * Sessions live in the database (only the token's hash is stored), so every API process sees them.
 * A session ends at its absolute expiry, after `idleMs` without a request, when the user signs out,
 * revokes it, changes their password or signs in an 11th time (the oldest goes), or when the user
 * is deactivated. Each process keeps the sessions it read for a few seconds: every request needs
 * one, and reading it is most of a small request's cost. Ending sessions leaves a `session.ended`
 * event and a change to users a `user.updated` one; every process forgets what they touch as the
 * event streams by (`forgetUser`, `forgetAll`), and trusts what it read for `cacheMs` at most.
 */
export function createSessionStore(
  db: Db,
  limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  { cacheMs = SESSION_CACHE_MS, now = () => new Date(), onSeen }: { cacheMs?: number; now?: () => Date; onSeen?: (session: LiveSession, deadline: number) => void } = {},
) {
  const cache = new Map<string, CachedSession>();

  const deadlineOf = (session: { expiresAt: number; lastSeenAt: number }): number => Math.min(session.expiresAt, session.lastSeenAt + limits.idleMs);
  const isLive = (session: { expiresAt: number; lastSeenAt: number }, at: number): boolean => at < deadlineOf(session);

  async function touch(session: CachedSession, at: number): Promise<LiveSession> {
    if (at - session.lastSeenAt >= SESSION_TOUCH_MS) {
      session.lastSeenAt = at;
      await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(at) } });
      onSeen?.(session, deadlineOf(session));
    }
    return { id: session.id, user: session.user, expiresAt: session.expiresAt, lastSeenAt: session.lastSeenAt };
  }

  return {
    limits,

    /** When a session ends unless a request comes first: its expiry, or its idle timeout. */
    deadlineOf,

    /** A new session; the user's expired sessions and those beyond `maxPerUser` (oldest first) end. */
    async create(userId: string, client: SessionClient = {}): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
      const at = now();
      const token = randomBytes(32).toString('base64url');
      const id = hashToken(token);
      const expiresAt = new Date(at.getTime() + limits.ttlMs);
      await db.$transaction(async (tx) => {
        await tx.session.create({
          data: { id, userId, createdAt: at, lastSeenAt: at, expiresAt, userAgent: client.userAgent?.slice(0, 300) ?? null, ip: client.ip?.slice(0, 64) ?? null },
        });
        await tx.user.update({ where: { id: userId }, data: { lastSignInAt: at } });
        const others = await tx.session.findMany({ where: { userId, NOT: { id } }, select: { id: true, createdAt: true, expiresAt: true, lastSeenAt: true } });
        others.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
        const ended = others
          .filter((row, index) => index >= limits.maxPerUser - 1 || !isLive({ expiresAt: row.expiresAt.getTime(), lastSeenAt: row.lastSeenAt.getTime() }, at.getTime()))
          .map((row) => row.id);
        if (ended.length > 0) await endSessions(tx, { userId, sessionIds: ended, reason: 'replaced', actorId: userId });
      });
      return { token, sessionId: id, expiresAt };
    },

    /** The live session of a cookie's token, or null; a request through it counts as activity. */
    async find(token: string): Promise<LiveSession | null> {
      const id = hashToken(token);
      const at = now().getTime();
      const cached = cache.get(id);
      if (cached && at - cached.readAt < cacheMs && isLive(cached, at)) return touch(cached, at);
      cache.delete(id);
      const row = await db.session.findUnique({ where: { id }, include: { user: true } });
      if (!row || !row.user.active) return null;
      const { email, name, role } = row.user;
      const session: CachedSession = {
        id,
        user: { id: row.user.id, email, name, role: role as UserRole },
        expiresAt: row.expiresAt.getTime(),
        lastSeenAt: row.lastSeenAt.getTime(),
        readAt: at,
      };
      if (!isLive(session, at)) {
        await db.$transaction((tx) => endSessions(tx, { userId: row.userId, sessionIds: [id], reason: 'expired', actorId: null }));
        return null;
      }
      cache.set(id, session);
      return touch(session, at);
    },

    async findUser(token: string): Promise<PublicUser | null> {
      return (await this.find(token))?.user ?? null;
    },

    /** Signing out: the cookie's session ends. */
    async destroy(token: string): Promise<void> {
      const id = hashToken(token);
      cache.delete(id);
      const row = await db.session.findUnique({ where: { id }, select: { userId: true } });
      if (row) await db.$transaction((tx) => endSessions(tx, { userId: row.userId, sessionIds: [id], reason: 'logout', actorId: row.userId }));
    },

    /** Ends sessions of a user (all, some, or all but one) and answers the ids ended. */
    async end(input: { userId: string; sessionIds?: string[]; exceptSessionId?: string; reason: SessionEndReason; actorId: string | null }): Promise<string[]> {
      const ended = await db.$transaction((tx) => endSessions(tx, input));
      for (const id of ended) cache.delete(id);
      return ended;
    },

    /** Read this user's sessions afresh: one of them ended. */
    forgetUser(userId: string): void {
      for (const [id, cached] of cache) if (cached.user.id === userId) cache.delete(id);
    },

    /** Read every session afresh: a user's role or active flag changed. */
    forgetAll(): void {
      cache.clear();
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
