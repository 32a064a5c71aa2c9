import type { List } from '../../../../domain/pagination';
import type { AcceptInviteInput, CreateInviteInput, InviteLink, InvitePreview, PendingInvite } from '../../../../domain/users/invite.schema';
import type { Deactivation, DeactivateUserInput, UserWorkload } from '../../../../domain/users/user-admin.schema';
import type { User } from '../../../../domain/users/user.schema';
import type { PublicUser, UserRole } from '../../../../domain/users/user-role';
import { api } from '../../lib/api-client';

// Under ['users'], so a user.* event (use-live-events) refreshes them with the list.
export const INVITES_KEY = ['users', 'invites'] as const;
export const workloadKey = (userId: string) => ['users', userId, 'workload'] as const;

export const listPendingInvites = (): Promise<List<PendingInvite>> => api.get('/api/users/invites');
export const inviteUser = (input: CreateInviteInput): Promise<InviteLink> => api.post('/api/users/invites', input);
export const renewInvite = (userId: string): Promise<InviteLink> => api.post(`/api/users/${userId}/invites`);
export const changeRole = (userId: string, role: UserRole): Promise<User> => api.patch(`/api/users/${userId}`, { role });
export const getWorkload = (userId: string): Promise<UserWorkload> => api.get(`/api/users/${userId}/workload`);
export const deactivateUser = (userId: string, input: DeactivateUserInput): Promise<Deactivation> => api.post(`/api/users/${userId}/deactivate`, input);
export const reactivateUser = (userId: string): Promise<User> => api.post(`/api/users/${userId}/reactivate`);

export const getInvite = (token: string): Promise<InvitePreview> => api.get(`/api/invites/${encodeURIComponent(token)}`);
export const acceptInvite = (token: string, input: AcceptInviteInput): Promise<PublicUser> => api.post(`/api/invites/${encodeURIComponent(token)}/accept`, input);
