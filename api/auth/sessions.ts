import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import type { PublicUser, UserRole } from '../../domain/users/user-role';

export const SESSION_COOKIE = 'flipstackk_session';

/** How long a replica trusts a session it has read without reading it again. */
export const SESSION_CACHE_MS = 5_000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

interface CachedSession {
  user: PublicUser;
  expiresAt: number;
  readAt: number;
}

/**
 * Sessions live in the database (only the token's hash is stored), so every API process sees them.
 * Each process keeps the sessions it read for a few seconds: every request needs one, and reading
 * it is most of a small request's cost. Signing out leaves a `session.ended` event and a change to
 * users a `user.updated` one; every process forgets what they touch as the event streams by
 * (`forgetUser`, `forgetAll`), and trusts what it read for `cacheMs` at most in any case.
 */
export function createSessionStore(db: Db, ttlMs: number, cacheMs = SESSION_CACHE_MS) {
  const cache = new Map<string, CachedSession>();

  return {
    async create(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + ttlMs);
      await db.session.create({ data: { id: hashToken(token), userId, expiresAt } });
      return { token, expiresAt };
    },

    async findUser(token: string, now = new Date()): Promise<PublicUser | null> {
      const id = hashToken(token);
      const cached = cache.get(id);
      if (cached && now.getTime() - cached.readAt < cacheMs && cached.expiresAt > now.getTime()) return cached.user;
      cache.delete(id);
      const session = await db.session.findUnique({ where: { id }, include: { user: true } });
      if (!session || session.expiresAt <= now || !session.user.active) return null;
      const { email, name, role } = session.user;
      const user: PublicUser = { id: session.user.id, email, name, role: role as UserRole };
      cache.set(id, { user, expiresAt: session.expiresAt.getTime(), readAt: now.getTime() });
      return user;
    },

    async destroy(token: string): Promise<void> {
      const id = hashToken(token);
      cache.delete(id);
      await db.$transaction(async (tx) => {
        const session = await tx.session.findUnique({ where: { id } });
        if (!session) return;
        await tx.session.delete({ where: { id } });
        const { userId } = session;
        await recordEvent(tx, { entityType: 'session', entityId: userId, action: 'ended', entity: { userId }, actorId: userId, audienceUserId: userId });
      });
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
