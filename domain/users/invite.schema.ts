import { z } from 'zod';
import { newPasswordSchema } from '../auth/password-policy';
import { userRoleSchema } from './user-role';
import { createUserInputSchema, userSchema } from './user.schema';

/** How long an invite link works. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Who to invite: the account is created inactive, without a password, until the link is used. */
export const createInviteInputSchema = createUserInputSchema.omit({ password: true }).strict();
export type CreateInviteInput = z.infer<typeof createInviteInputSchema>;

/** The invitee's password, under the shared policy (the API also checks its list of common passwords). */
export const acceptInviteInputSchema = z.object({ password: newPasswordSchema() }).strict();
export type AcceptInviteInput = z.infer<typeof acceptInviteInputSchema>;

/** What the admin gets back: the one-time link's path (the token is never shown again) and its expiry. */
export const inviteLinkSchema = z.object({
  user: userSchema,
  path: z.string(),
  expiresAt: z.string(),
  /** Whether the link was e-mailed to the invitee too (through SMTP_URL, or written to the outbox). */
  emailed: z.boolean(),
});
export type InviteLink = z.infer<typeof inviteLinkSchema>;

/** What the invite page shows before the password is set. */
export const invitePreviewSchema = z.object({ name: z.string(), email: z.string(), role: userRoleSchema, expiresAt: z.string() });
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

/** An invite not used yet, for the Users page ("Invited", or "Invite expired" once past `expiresAt`). */
export const pendingInviteSchema = z.object({ userId: z.string(), expiresAt: z.string(), createdAt: z.string() });
export type PendingInvite = z.infer<typeof pendingInviteSchema>;

export type InviteState = 'open' | 'used' | 'expired';

/** Whether an invite link still works at `now`: used once, it never works again; past its expiry, neither. */
export function inviteStateOf(invite: { usedAt: Date | null; expiresAt: Date }, now: Date): InviteState {
  if (invite.usedAt) return 'used';
  return invite.expiresAt.getTime() > now.getTime() ? 'open' : 'expired';
}
