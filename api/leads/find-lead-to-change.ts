import type { PermissionAction } from '../../domain/auth/permissions';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { assertPermission } from '../permissions/assert-permission';
import { findLead } from './get-lead';

/** A live lead's row (404 otherwise) when the permission matrix lets `user` do `action` on it (403 otherwise). */
export async function findLeadToChange(db: Db, leadId: string, user: PublicUser, action: PermissionAction) {
  const lead = await findLead(db, leadId);
  assertPermission(user, action, { type: 'lead', ownerId: lead.ownerId });
  return lead;
}
