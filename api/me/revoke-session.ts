import { AppError } from '../errors';
import type { LiveSession, SessionStore } from '../auth/sessions';

/** Ends one of the caller's own sessions (the current one too: that is signing out); another user's is a 404. */
export async function revokeSession(sessions: SessionStore, current: LiveSession, sessionId: string): Promise<{ wasCurrent: boolean }> {
  const ended = await sessions.end({ userId: current.user.id, sessionIds: [sessionId], reason: 'revoked', actorId: current.user.id });
  if (ended.length === 0) throw new AppError('NOT_FOUND', 'You have no such session');
  return { wasCurrent: sessionId === current.id };
}
