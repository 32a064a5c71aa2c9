import type { Db } from '../../db/client';
import type { SessionItem } from '../../domain/auth/session.schema';
import type { LiveSession, SessionStore } from '../auth/sessions';

/** "Where you're signed in": the user's live sessions, the most recently used first, the caller's marked. */
export async function listSessions({ db, sessions, now }: { db: Db; sessions: SessionStore; now: () => Date }, current: LiveSession): Promise<{ items: SessionItem[] }> {
  const rows = await db.session.findMany({ where: { userId: current.user.id }, orderBy: { lastSeenAt: 'desc' } });
  const at = now().getTime();
  const items = rows
    .filter((row) => row.id === current.id || at < sessions.deadlineOf({ expiresAt: row.expiresAt.getTime(), lastSeenAt: row.lastSeenAt.getTime() }))
    .map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: new Date(row.id === current.id ? Math.max(current.lastSeenAt, row.lastSeenAt.getTime()) : row.lastSeenAt.getTime()).toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      userAgent: row.userAgent,
      ip: row.ip,
      current: row.id === current.id,
    }));
  return { items };
}
