import type { ChangePasswordInput, SessionItem } from '../../../../domain/auth/session.schema';
import type { List } from '../../../../domain/pagination';
import { api } from '../../lib/api-client';

export type { SessionItem };
export const SESSIONS_KEY = ['account', 'sessions'] as const;
export const listSessions = (): Promise<List<SessionItem>> => api.get('/api/me/sessions');
export const revokeSession = (id: string): Promise<void> => api.delete(`/api/me/sessions/${encodeURIComponent(id)}`);
export const changePassword = (input: ChangePasswordInput): Promise<void> => api.post('/api/me/password', input);
