import { z } from 'zod';

export const USER_ROLES = ['AGENT', 'ACQUISITIONS', 'SUPERVISOR', 'ADMIN'] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

/** Supervisors and admins: they see the team's and everyone's work, not only their own. */
export const isManagerRole = (role: string | undefined): boolean => role === 'SUPERVISOR' || role === 'ADMIN';

export const publicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
});
export type PublicUser = z.infer<typeof publicUserSchema>;
