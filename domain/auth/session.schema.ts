import { z } from 'zod';
import { newPasswordSchema } from './password-policy';

/** Why a session ended; `session.ended` events say it, so every API process can close its streams. */
export const SESSION_END_REASONS = ['logout', 'revoked', 'expired', 'password_changed', 'deactivated', 'replaced'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** The payload of `session.ended`: whose sessions ended, which ones (by id), and why. */
export interface SessionEnded {
  userId: string;
  /** Absent in events written before sessions had ids on the wire. */
  sessionIds?: string[];
  reason?: SessionEndReason;
}

/** One of "where you're signed in" (`GET /api/me/sessions`). */
export const sessionItemSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean(),
});
export type SessionItem = z.infer<typeof sessionItemSchema>;

/** `POST /api/me/password`; the API also checks the new one against its list of common passwords. */
export const changePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, 'is required').max(200, 'must be at most 200 characters'),
    newPassword: newPasswordSchema(),
  })
  .strict()
  .refine((input) => input.currentPassword !== input.newPassword, { path: ['newPassword'], message: 'must differ from your current password' });
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;
