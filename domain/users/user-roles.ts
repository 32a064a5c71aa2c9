// No zod here: the workflows import these, and every workflow run evaluates its modules again.
export const USER_ROLES = ['AGENT', 'ACQUISITIONS', 'SUPERVISOR', 'ADMIN'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const isUserRole = (role: unknown): role is UserRole => (USER_ROLES as readonly unknown[]).includes(role);

/** Supervisors and admins: they see the team's and everyone's work, not only their own. */
export const isManagerRole = (role: string | undefined): boolean => role === 'SUPERVISOR' || role === 'ADMIN';
