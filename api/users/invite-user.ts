import { INVITE_TTL_MS, type CreateInviteInput, type InviteLink, type PendingInvite } from '../../domain/users/invite.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db, Prisma } from '../../db/client';
import { queueInviteEmail } from '../../db/writes/queue-invite-email';
import { recordEvent } from '../../db/writes/record-event';
import { toUserJson } from '../../db/rows';
import { renderInviteEmail } from '../../mail/invite-email';
import { AppError } from '../errors';
import { createInviteToken, invitePath } from '../invites/invite-token';
import type { TemporalDeps } from '../temporal/client';
import { startRecordWorkflow } from '../temporal/start-record-workflow';
import { startOrLog } from '../temporal/start-workflow';
import { sendEmailWorkflowStart } from '../temporal/workflow-starts';
import { findUser } from './find-user';

export type InviteDeps = TemporalDeps & { db: Db; appUrl: string };

// An invited user has no password until they use the link: an empty hash never verifies.
export const NO_PASSWORD = '';

/** The invite and its e-mail to the invitee, in one transaction: the link is shown to the admin and mailed. */
async function saveInvite(tx: Prisma.TransactionClient, appUrl: string, user: { id: string; name: string; email: string }, actor: PublicUser, now: Date) {
  const { token, tokenHash } = createInviteToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  await tx.invite.create({ data: { tokenHash, userId: user.id, createdById: actor.id, expiresAt } });
  const path = invitePath(token);
  const rendered = renderInviteEmail({ appUrl, inviteeName: user.name, inviterName: actor.name, link: `${appUrl}${path}`, expiresAt });
  const message = await queueInviteEmail(tx, { key: `invite:${tokenHash}`, to: user.email, replyTo: actor.email, sentById: actor.id, ...rendered });
  return { link: { path, expiresAt: expiresAt.toISOString(), emailed: true }, messageId: message.id };
}

/** Starts `email-<id>` for the invite's message; with Temporal down it waits QUEUED and the worker's reconciler starts it. */
const sendInviteEmail = (deps: InviteDeps, messageId: string) =>
  startOrLog(`e-mail ${messageId}`, () => startRecordWorkflow(deps, 'email', messageId, sendEmailWorkflowStart(messageId)));

/**
 * Creates the invited user (inactive, without a password) and a one-time link that works for
 * `INVITE_TTL_MS`, shown to the admin and e-mailed to the invitee (through SMTP_URL, or the outbox).
 */
export async function inviteUser(deps: InviteDeps, input: CreateInviteInput, actor: PublicUser, now = new Date()): Promise<InviteLink> {
  const { db } = deps;
  if (await db.user.findUnique({ where: { email: input.email } })) {
    throw new AppError('CONFLICT', `A user with e-mail ${input.email} exists already`, { email: 'is taken' });
  }
  const { user, link, messageId } = await db.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { ...input, active: false, passwordHash: NO_PASSWORD } });
    await recordEvent(tx, { entityType: 'user', entityId: created.id, action: 'created', entity: toUserJson(created), actorId: actor.id });
    return { user: created, ...(await saveInvite(tx, deps.appUrl, created, actor, now)) };
  });
  await sendInviteEmail(deps, messageId);
  return { user: toUserJson(user), ...link };
}

/** A new link for someone who has not accepted their invite, e-mailed too; the earlier links stop working. */
export async function renewInvite(deps: InviteDeps, userId: string, actor: PublicUser, now = new Date()): Promise<InviteLink> {
  const { db } = deps;
  const user = await findUser(db, userId);
  if (user.passwordHash !== NO_PASSWORD) throw new AppError('CONFLICT', `${user.name} has set a password already: no invite is needed`);
  const { link, messageId } = await db.$transaction(async (tx) => {
    await tx.invite.deleteMany({ where: { userId, usedAt: null } });
    return saveInvite(tx, deps.appUrl, user, actor, now);
  });
  await sendInviteEmail(deps, messageId);
  return { user: toUserJson(user), ...link };
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
