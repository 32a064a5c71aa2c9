import type { Prisma } from '../../prisma/generated/client';
import type { SessionEndReason } from '../../domain/auth/session.schema';
import { recordEvent } from './record-event';

export interface EndSessionsInput {
  userId: string;
  /** Only these sessions of the user; all of them when absent. */
  sessionIds?: string[];
  /** Keep this one (the session asking to end the others). */
  exceptSessionId?: string;
  reason: SessionEndReason;
  /** Who ended them; null when time did. */
  actorId: string | null;
}

/**
 * Deletes sessions of one user and records one `session.ended` event naming them, which every
 * API process reads to forget them and close their event streams. Answers the ids it ended.
 */
export async function endSessions(tx: Prisma.TransactionClient, { userId, sessionIds, exceptSessionId, reason, actorId }: EndSessionsInput): Promise<string[]> {
  const where: Prisma.SessionWhereInput = {
    userId,
    ...(sessionIds ? { id: { in: sessionIds } } : {}),
    ...(exceptSessionId ? { NOT: { id: exceptSessionId } } : {}),
  };
  const ended = (await tx.session.findMany({ where, select: { id: true } })).map((row) => row.id);
  if (ended.length === 0) return [];
  await tx.session.deleteMany({ where: { id: { in: ended } } });
  await recordEvent(tx, { entityType: 'session', entityId: userId, action: 'ended', entity: { userId, sessionIds: ended, reason }, actorId, audienceUserId: userId });
  return ended;
}
