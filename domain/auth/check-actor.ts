import { isUserRole, type UserRole } from '../users/user-roles';
import type { Actor } from './permissions';

/** A user as the database has them now: what a workflow reads before it accepts a change. */
export interface ActorRecord {
  id: string;
  role: UserRole;
  active: boolean;
}

export type ActorCheck = { ok: true; actor: Actor } | { ok: false; code: 'FORBIDDEN'; reason: string };

/**
 * Who may change anything through a workflow: an existing, active user, with the role the
 * database gives them now. A role named in an Update's payload is never consulted.
 */
export function checkActor(actorId: string, record: ActorRecord | null): ActorCheck {
  if (!record || record.id !== actorId) return { ok: false, code: 'FORBIDDEN', reason: `unknown user ${actorId}: only an active user may make changes` };
  if (!record.active) return { ok: false, code: 'FORBIDDEN', reason: `user ${actorId} is deactivated: only an active user may make changes` };
  if (!isUserRole(record.role)) return { ok: false, code: 'FORBIDDEN', reason: `user ${actorId} has no role that may make changes` };
  return { ok: true, actor: { id: record.id, role: record.role } };
}

/** The cheap shape check an Update validator makes: the payload names who asks, by a non-empty id. */
export function namesActor(input: unknown): input is { actorId: string } {
  if (typeof input !== 'object' || input === null) return false;
  const { actorId } = input as { actorId?: unknown };
  return typeof actorId === 'string' && actorId.trim().length > 0;
}
