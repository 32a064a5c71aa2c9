import type { UserRole } from './user-role';

export type UserChangeCheck =
  | { ok: true }
  | { ok: false; code: 'BAD_REQUEST' | 'VALIDATION_FAILED' | 'UNPROCESSABLE' | 'CONFLICT'; message: string; fields?: Record<string, string> };

interface TargetUser {
  id: string;
  name: string;
  role: UserRole;
  active: boolean;
}

const ALLOWED: UserChangeCheck = { ok: true };
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Would the team be left without an active admin if `target` stopped being one? */
export const isLastActiveAdmin = (target: TargetUser, activeAdminIds: readonly string[]): boolean =>
  target.role === 'ADMIN' && target.active && activeAdminIds.every((id) => id === target.id);

/**
 * May `actorId` deactivate `target`? Not themselves, not the last active admin; a user who owns
 * open leads needs `leadsTo`, another active user (`null`: the id named nobody).
 */
export function checkDeactivation(facts: {
  actorId: string;
  target: TargetUser;
  activeAdminIds: readonly string[];
  openLeadCount: number;
  leadsTo?: { id: string; active: boolean } | null;
}): UserChangeCheck {
  const { actorId, target, activeAdminIds, openLeadCount, leadsTo } = facts;
  if (target.id === actorId) return { ok: false, code: 'BAD_REQUEST', message: 'You cannot deactivate yourself: ask another admin' };
  if (isLastActiveAdmin(target, activeAdminIds)) {
    return { ok: false, code: 'BAD_REQUEST', message: `${target.name} is the last active admin: make someone else an admin first` };
  }
  if (leadsTo === undefined) {
    if (openLeadCount === 0) return ALLOWED;
    const problem = `is required: ${target.name} owns ${plural(openLeadCount, 'open lead')}`;
    return { ok: false, code: 'VALIDATION_FAILED', message: `Choose who takes ${target.name}'s ${plural(openLeadCount, 'open lead')}`, fields: { leadsTo: problem } };
  }
  if (leadsTo?.id === target.id) return { ok: false, code: 'VALIDATION_FAILED', message: 'The open leads must go to someone else', fields: { leadsTo: 'must name someone else' } };
  if (!leadsTo?.active) return { ok: false, code: 'UNPROCESSABLE', message: 'The open leads must go to an active user', fields: { leadsTo: 'must name an active user' } };
  return ALLOWED;
}

/** May `actorId` give `target` the role `role`? Admins keep their own admin role, and one active admin always remains. */
export function checkRoleChange(facts: { actorId: string; target: TargetUser; role: UserRole; activeAdminIds: readonly string[] }): UserChangeCheck {
  const { actorId, target, role, activeAdminIds } = facts;
  if (role === 'ADMIN' || target.role !== 'ADMIN') return ALLOWED;
  if (target.id === actorId) return { ok: false, code: 'BAD_REQUEST', message: 'You cannot drop your own admin role: ask another admin' };
  if (isLastActiveAdmin(target, activeAdminIds)) {
    return { ok: false, code: 'BAD_REQUEST', message: `${target.name} is the last active admin: make someone else an admin first` };
  }
  return ALLOWED;
}

/** May `target` be active again? Only once they have set a password (an invited user uses their link instead). */
export function checkReactivation(target: TargetUser & { hasPassword: boolean }): UserChangeCheck {
  if (target.hasPassword) return ALLOWED;
  return { ok: false, code: 'CONFLICT', message: `${target.name} has not accepted their invite yet: send them a new invite link instead` };
}
