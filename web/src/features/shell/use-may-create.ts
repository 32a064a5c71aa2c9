import type { PermissionSubject } from '../../../../domain/auth/permissions';
import { useDeniedReason } from '../auth/use-denied-reason';
import { useMe } from '../auth/use-me';
import type { CreateKind } from './shell-actions';

/** What the signed-in user would create: a lead or buyer they own, a task they give themselves. */
function newRecord(kind: CreateKind, userId: string | null): PermissionSubject {
  if (kind === 'task') return { type: 'task', assigneeId: userId, createdById: userId };
  return { type: kind, ownerId: userId };
}

/**
 * Whether the signed-in user may create a `kind`, by the permission matrix the API enforces: the
 * "New …" controls of what they may not create are not shown (acquisitions create no leads,
 * agents no buyers), rather than refused after the form is filled in.
 */
export function useMayCreate(): (kind: CreateKind) => boolean {
  const denied = useDeniedReason();
  const userId = useMe().data?.id ?? null;
  return (kind) => denied('create', newRecord(kind, userId)) === undefined;
}
