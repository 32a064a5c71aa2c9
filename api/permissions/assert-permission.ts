import { checkPermission, type PermissionAction, type PermissionSubject } from '../../domain/auth/permissions';
import type { PublicUser } from '../../domain/users/user-role';
import { AppError } from '../errors';

/** The permission matrix's refusal as our 403, its reason as the message. */
export function assertPermission(user: PublicUser, action: PermissionAction, subject: PermissionSubject): void {
  const check = checkPermission({ id: user.id, role: user.role }, action, subject);
  if (!check.ok) throw new AppError('FORBIDDEN', check.reason);
}
