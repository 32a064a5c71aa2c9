import { z } from 'zod';
import { newPasswordSchema } from '../auth/password-policy';
import { userRoleSchema } from './user-role';

export const createUserInputSchema = z
  .object({
    email: z.string().trim().toLowerCase().email('must be an e-mail address'),
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    role: userRoleSchema,
    password: newPasswordSchema(),
  })
  .strict();

export const updateUserInputSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    role: userRoleSchema.optional(),
    /** false deactivates (as `POST /api/users/:id/deactivate`, with `leadsTo`); true reactivates. */
    active: z.boolean().optional(),
    leadsTo: z.string().trim().min(1, 'must name a user').max(100).optional(),
    password: newPasswordSchema().optional(),
  })
  .strict();

/** A user as `GET /api/users` lists them; inactive users stay listed to name old assignments. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
  active: z.boolean(),
  /** When they last signed in; null when they never have (e.g. an invite not used yet). */
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
