import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../prisma/db';
import type { PublicUser, UserRole } from '../../domain/users/user-role';

export const SESSION_COOKIE = 'flipstackk_session';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Sessions live in the database (only the token's hash is stored), so every API replica sees them. */
export function createSessionStore(db: Db, ttlMs: number) {
  return {
    async create(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + ttlMs);
      await db.session.create({ data: { id: hashToken(token), userId, expiresAt } });
      return { token, expiresAt };
    },

    async findUser(token: string, now = new Date()): Promise<PublicUser | null> {
      const session = await db.session.findUnique({ where: { id: hashToken(token) }, include: { user: true } });
      if (!session || session.expiresAt <= now || !session.user.active) return null;
      const { id, email, name, role } = session.user;
      return { id, email, name, role: role as UserRole };
    },

    async destroy(token: string): Promise<void> {
      await db.session.deleteMany({ where: { id: hashToken(token) } });
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
