import type { ChangePasswordInput, SessionItem } from '../../../../domain/auth/session.schema';
import type { List } from '../../../../domain/pagination';
import { api } from '../../lib/api-client';

export type { SessionItem };
export const SESSIONS_KEY = ['account', 'sessions'] as const;
export const listSessions = (): Promise<List<SessionItem>> => api.get('/api/me/sessions');
export const revokeSession = (id: string): Promise<void> => api.delete(`/api/me/sessions/${encodeURIComponent(id)}`);
export const changePassword = (input: ChangePasswordInput): Promise<void> => api.post('/api/me/password', input);

/** My private calendar feed (my open tasks), for a calendar app's "subscribe by URL". */
export const getCalendarLink = (): Promise<{ url: string }> => api.get('/api/me/calendar-link');
export const resetCalendarLink = (): Promise<{ url: string }> => api.post('/api/me/calendar-link/reset');
