import type { Db } from '../client';
import { OPEN_TASK_STATUSES } from '../../domain/tasks/task-enums';

export interface InactiveAssignee {
  id: string;
  role: string;
  /** Who deactivated them (the actor of their latest `user.updated` event), when still an active admin. */
  deactivatedBy: string | null;
}

/**
 * Deactivated users who still hold open tasks: the reassignment at deactivation failed for some
 * (Temporal unreachable, the API stopped half-way), or an automation assigned them one since.
 */
export async function listInactiveAssignees(db: Db): Promise<InactiveAssignee[]> {
  const users = await db.user.findMany({
    where: { active: false, assignedTasks: { some: { status: { in: [...OPEN_TASK_STATUSES] } } } },
    select: { id: true, role: true },
    orderBy: { id: 'asc' },
  });
  return Promise.all(
    users.map(async (user) => {
      const deactivation = await db.event.findFirst({
        where: { entityType: 'user', entityId: user.id, action: 'updated', actorId: { not: null } },
        orderBy: { id: 'desc' },
        select: { actorId: true },
      });
      const admin = deactivation?.actorId ? await db.user.findFirst({ where: { id: deactivation.actorId, role: 'ADMIN', active: true }, select: { id: true } }) : null;
      return { ...user, deactivatedBy: admin?.id ?? null };
    }),
  );
}
