import { INVITE_TTL_MS, type CreateInviteInput, type InviteLink, type PendingInvite } from '../../domain/users/invite.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db, Prisma } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toUserJson } from '../../db/rows';
import { AppError } from '../errors';
import { createInviteToken, invitePath } from '../invites/invite-token';
import { findUser } from './find-user';

// An invited user has no password until they use the link: an empty hash never verifies.
export const NO_PASSWORD = '';

async function saveInvite(tx: Prisma.TransactionClient, userId: string, actor: PublicUser, now: Date) {
  const { token, tokenHash } = createInviteToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  await tx.invite.create({ data: { tokenHash, userId, createdById: actor.id, expiresAt } });
  return { path: invitePath(token), expiresAt: expiresAt.toISOString() };
}

/**
 * Creates the invited user (inactive, without a password) and a one-time link that works for
 * `INVITE_TTL_MS`. The app sends no e-mail yet: the admin passes the link on (`emailed: false`).
 */
export async function inviteUser(db: Db, input: CreateInviteInput, actor: PublicUser, now = new Date()): Promise<InviteLink> {
  if (await db.user.findUnique({ where: { email: input.email } })) {
    throw new AppError('CONFLICT', `A user with e-mail ${input.email} exists already`, { email: 'is taken' });
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { ...input, active: false, passwordHash: NO_PASSWORD } });
    await recordEvent(tx, { entityType: 'user', entityId: user.id, action: 'created', entity: toUserJson(user), actorId: actor.id });
    return { user: toUserJson(user), ...(await saveInvite(tx, user.id, actor, now)), emailed: false };
  });
}

/** A new link for someone who has not accepted their invite; the earlier links stop working. */
export async function renewInvite(db: Db, userId: string, actor: PublicUser, now = new Date()): Promise<InviteLink> {
  const user = await findUser(db, userId);
  if (user.passwordHash !== NO_PASSWORD) throw new AppError('CONFLICT', `${user.name} has set a password already: no invite is needed`);
  return db.$transaction(async (tx) => {
    await tx.invite.deleteMany({ where: { userId, usedAt: null } });
    return { user: toUserJson(user), ...(await saveInvite(tx, userId, actor, now)), emailed: false };
  });
}

/** The invites nobody has used yet, the newest per user, expired ones included (the page offers a new link). */
export async function listPendingInvites(db: Db): Promise<{ items: PendingInvite[] }> {
  const invites = await db.invite.findMany({ where: { usedAt: null }, orderBy: { createdAt: 'desc' } });
  const newest = new Map<string, PendingInvite>();
  for (const invite of invites) {
    if (!newest.has(invite.userId)) newest.set(invite.userId, { userId: invite.userId, expiresAt: invite.expiresAt.toISOString(), createdAt: invite.createdAt.toISOString() });
  }
  return { items: [...newest.values()] };
}
