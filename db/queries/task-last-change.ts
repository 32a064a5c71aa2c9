import type { Db } from '../client';

export interface TaskLastChange {
  /** Who made it; null when automation did. */
  by: string | null;
  action: string;
  reason: string | null;
  at: string;
}

/** The task's latest recorded change, with who made it and the reason given (a rejection's, a cancellation's). */
export async function readTaskLastChange(db: Db, taskId: string): Promise<TaskLastChange | null> {
  const event = await db.event.findFirst({ where: { entityType: 'task', entityId: taskId }, orderBy: { id: 'desc' } });
  if (!event) return null;
  const actor = event.actorId ? await db.user.findUnique({ where: { id: event.actorId }, select: { name: true } }) : null;
  const payload = JSON.parse(event.payload) as { reason?: unknown };
  return { by: actor?.name ?? null, action: event.action, reason: typeof payload.reason === 'string' ? payload.reason : null, at: event.createdAt.toISOString() };
}
