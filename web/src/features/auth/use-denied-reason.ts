import { checkPermission, type PermissionAction, type PermissionSubject } from '../../../../domain/auth/permissions';
import { useMe } from './use-me';

export type DeniedReason = (action: PermissionAction, subject: PermissionSubject) => string | undefined;

/**
 * Asks the permission matrix the API enforces whether the signed-in user may do `action` on
 * `subject`: undefined when they may, else the reason, for a disabled control's title.
 */
export function useDeniedReason(): DeniedReason {
  const me = useMe().data;
  return (action, subject) => {
    if (!me) return 'Sign in first';
    const check = checkPermission({ id: me.id, role: me.role }, action, subject);
    return check.ok ? undefined : check.reason.charAt(0).toUpperCase() + check.reason.slice(1);
  };
}
