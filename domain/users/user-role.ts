import { z } from 'zod';
import { USER_ROLES } from './user-roles';

export { isManagerRole, isUserRole, USER_ROLES, type UserRole } from './user-roles';
export const userRoleSchema = z.enum(USER_ROLES);

export const publicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
});
export type PublicUser = z.infer<typeof publicUserSchema>;
