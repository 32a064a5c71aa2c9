import type { ActorRecord } from '../domain/auth/check-actor';
import type { UserRole } from '../domain/users/user-role';
import type { Db } from '../db/client';

export interface ActorActivityDeps {
  db: Db;
}

/** What a task's rules need of its ownership, read when a change is checked (not from the workflow's copy). */
export interface TaskOwnership {
  assigneeId: string | null;
  createdById: string | null;
}

/**
 * Reads, never writes: who asked for a change, as the database has them now. The workflows run
 * these as local activities before they accept an Update, so a role or an owner claimed in the
 * Update's payload is never trusted.
 */
export function createActorActivities({ db }: ActorActivityDeps) {
  const findActor = async (actorId: string): Promise<ActorRecord | null> => {
    const user = await db.user.findUnique({ where: { id: actorId }, select: { id: true, role: true, active: true } });
    return user ? { id: user.id, role: user.role as UserRole, active: user.active } : null;
  };
  return {
    /** The user `actorId` (role, active), or null when there is none. */
    async getActor({ actorId }: { actorId: string }): Promise<ActorRecord | null> {
      return findActor(actorId);
    },
    /** The user `actorId` and the task's current assignee and creator, in one read for the task's rules. */
    async getTaskActor({ actorId, taskId }: { actorId: string; taskId: string }): Promise<{ actor: ActorRecord | null; task: TaskOwnership | null }> {
      const [actor, task] = await Promise.all([
        findActor(actorId),
        db.task.findUnique({ where: { id: taskId }, select: { assigneeId: true, createdById: true } }),
      ]);
      return { actor, task };
    },
  };
}
export type ActorActivities = ReturnType<typeof createActorActivities>;
