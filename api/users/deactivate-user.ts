import { OPEN_LEAD_STATUSES } from '../../domain/leads/lead-status';
import type { Deactivation, DeactivateUserInput } from '../../domain/users/user-admin.schema';
import { checkDeactivation } from '../../domain/users/user-change-rules';
import { userRoleSchema, type PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { endSessions } from '../../db/writes/end-sessions';
import { recordEvent } from '../../db/writes/record-event';
import { parseColumn, toLeadJson, toUserJson } from '../../db/rows';
import { AppError } from '../errors';
import type { TemporalDeps } from '../temporal/client';
import { assertAllowed, findUser, listActiveAdminIds } from './find-user';
import { reassignOpenTasks } from './reassign-open-tasks';

export type UserAdminDeps = TemporalDeps & {
  db: Db;
  /** Drops this process's cached sessions, so a change of role or active flag applies at once. */
  onChange: () => void;
};

const openLeadsOf = (userId: string) => ({ ownerId: userId, archivedAt: null, status: { in: [...OPEN_LEAD_STATUSES] } });

/**
 * Deactivates a user. In one transaction: the user is marked inactive, their sessions end (the
 * `session.ended` event naming them and the `user.updated` one close their streams in every API
 * process), and the open leads they own move to `leadsTo`, each with its `lead.updated` event.
 * Then each open task of theirs goes, through its workflow's reassign Update, to whoever the
 * assignment rules name among the active users. Deactivating an inactive user again moves what
 * is still theirs (a retry after Temporal was down).
 */
export async function deactivateUser(deps: UserAdminDeps, userId: string, input: DeactivateUserInput, actor: PublicUser): Promise<Deactivation> {
  const { db } = deps;
  const target = await findUser(db, userId);
  const role = parseColumn(userRoleSchema, target.role, 'User.role');
  const leadsTo = input.leadsTo === undefined ? undefined : await db.user.findUnique({ where: { id: input.leadsTo }, select: { id: true, active: true } });
  assertAllowed(
    checkDeactivation({
      actorId: actor.id,
      target: { id: target.id, name: target.name, role, active: target.active },
      activeAdminIds: await listActiveAdminIds(db),
      openLeadCount: await db.lead.count({ where: openLeadsOf(userId) }),
      leadsTo,
    }),
  );

  const { user, movedLeadIds } = await db.$transaction(async (tx) => {
    const updated = target.active ? await tx.user.update({ where: { id: userId }, data: { active: false } }) : target;
    await endSessions(tx, { userId, reason: 'deactivated', actorId: actor.id });
    // An invite not used yet stops working: deactivating an invited user withdraws the invite.
    await tx.invite.deleteMany({ where: { userId, usedAt: null } });
    if (target.active) await recordEvent(tx, { entityType: 'user', entityId: userId, action: 'updated', entity: toUserJson(updated), actorId: actor.id });
    // Read again inside the transaction: a lead given to them since the check moves too.
    const leads = await tx.lead.findMany({ where: openLeadsOf(userId), select: { id: true } });
    if (leads.length > 0 && !input.leadsTo) {
      throw new AppError('VALIDATION_FAILED', `Choose who takes ${target.name}'s open leads`, { leadsTo: `is required: ${target.name} owns open leads` });
    }
    for (const { id } of leads) {
      const lead = await tx.lead.update({ where: { id }, data: { ownerId: input.leadsTo } });
      await recordEvent(tx, { entityType: 'lead', entityId: id, action: 'updated', entity: toLeadJson(lead), actorId: actor.id });
    }
    return { user: updated, movedLeadIds: leads.map((lead) => lead.id) };
  });
  deps.onChange();
  return { user: toUserJson(user), movedLeadIds, ...(await reassignOpenTasks(deps, { id: userId, role }, actor.id)) };
}
