import { inviteStateOf, type AcceptInviteInput, type InvitePreview } from '../../domain/users/invite.schema';
import { userRoleSchema, type PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { parseColumn, toUserJson } from '../../db/rows';
import { assertNewPassword } from '../auth/common-passwords';
import type { PasswordChecker } from '../auth/password-checker';
import type { SessionClient, SessionStore } from '../auth/sessions';
import { AppError } from '../errors';
import { hashInviteToken } from './invite-token';

const USED = 'This invite link has been used already: sign in, or ask an admin for a new link';

/** The invite behind a link while it still works: an unknown token is a 404, a used or expired one a 410. */
async function findOpenInvite(db: Db, token: string, now: Date) {
  const invite = await db.invite.findUnique({ where: { tokenHash: hashInviteToken(token) }, include: { user: true } });
  if (!invite) throw new AppError('NOT_FOUND', 'This invite link is not valid: check that you copied all of it, or ask an admin for a new one');
  const state = inviteStateOf(invite, now);
  if (state === 'used') throw new AppError('GONE', USED);
  if (state === 'expired') throw new AppError('GONE', `This invite link expired on ${invite.expiresAt.toISOString().slice(0, 10)}: ask an admin for a new one`);
  return invite;
}

/** Who the link invites, for the page that asks for their password. */
export async function getInvite(db: Db, token: string, now = new Date()): Promise<InvitePreview> {
  const { user, expiresAt } = await findOpenInvite(db, token, now);
  return { name: user.name, email: user.email, role: parseColumn(userRoleSchema, user.role, 'User.role'), expiresAt: expiresAt.toISOString() };
}

/**
 * Sets the invited user's password, activates the account and signs them in; the link is used
 * up in the same transaction, so two tabs accepting at once get one account and one 410.
 */
export async function acceptInvite(
  { db, sessions, passwords }: { db: Db; sessions: SessionStore; passwords: PasswordChecker },
  token: string,
  { password }: AcceptInviteInput,
  client: SessionClient = {},
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; user: PublicUser }> {
  const invite = await findOpenInvite(db, token, now);
  assertNewPassword(password);
  const passwordHash = await passwords.hash(password);
  const user = await db.$transaction(async (tx) => {
    const claimed = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) throw new AppError('GONE', USED);
    const updated = await tx.user.update({ where: { id: invite.userId }, data: { passwordHash, active: true } });
    await recordEvent(tx, { entityType: 'user', entityId: updated.id, action: 'updated', entity: toUserJson(updated), actorId: updated.id });
    return updated;
  });
  const { token: sessionToken, expiresAt } = await sessions.create(user.id, client);
  return { token: sessionToken, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: parseColumn(userRoleSchema, user.role, 'User.role') } };
}
