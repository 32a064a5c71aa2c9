import type { USER_ROLES } from '../users/user-role';

export const USER_ROLE_LABELS: Record<(typeof USER_ROLES)[number], string> = { AGENT: 'Agent', ACQUISITIONS: 'Acquisitions', SUPERVISOR: 'Supervisor', ADMIN: 'Admin' };
