import type { LeanLeadMatch } from '../../../../domain/buyers/buyer-match.schema';
import { LEAD_MATCH_BUYER_FIELDS } from '../../../../domain/buyers/match-fields';
import type { CreateLeadInput, Lead, LeadStatus, UpdateLeadInput } from '../../../../domain/leads/lead.schema';
import { LEAD_LIST_PAGE_FIELDS } from '../../../../domain/leads/lead-list-fields';
import type { List, Page } from '../../../../domain/pagination';
import type { RecentItem, SavedView, UserItemInput } from '../../../../domain/users/user-items.schema';
import { api } from '../../lib/api-client';

export type { SavedView };

export const createLead = (input: CreateLeadInput, idempotencyKey: string): Promise<Lead> => api.create<Lead>('/api/leads', input, idempotencyKey);

export const DEFAULT_LEAD_SORT = '-createdAt';

/** The lead list's request: the page's filters and sort (its URL query), 50 at a time, with only the fields the list shows. */
export const leadListRequest = (filters: Record<string, string>, sort: string): URLSearchParams => new URLSearchParams({ ...filters, limit: '50', sort, fields: LEAD_LIST_PAGE_FIELDS.join(',') });

/** A lead as the list shows it (`LEAD_LIST_PAGE_FIELDS`). */
export type LeadListItem = Pick<Lead, 'id' | (typeof LEAD_LIST_PAGE_FIELDS)[number]>;

/** `params` is the page's URL query string as is (filters, sort), so shared links list the same. */
export const listLeads = (params: URLSearchParams): Promise<Page<LeadListItem>> => api.get<Page<LeadListItem>>(`/api/leads?${params.toString()}`);
export const getLead = (id: string): Promise<Lead> => api.get<Lead>(`/api/leads/${encodeURIComponent(id)}`);
/** `version`: the lead's `updatedAt` when the edit began; someone else's change since is a 412, not overwritten. */
export const updateLead = (id: string, input: UpdateLeadInput, version?: string): Promise<Lead> => api.patch<Lead>(`/api/leads/${encodeURIComponent(id)}`, input, version);
export const changeLeadStatus = (id: string, status: LeadStatus, reason?: string): Promise<Lead> =>
  api.post<Lead>(`/api/leads/${encodeURIComponent(id)}/status`, reason ? { status, reason } : { status });
export type LeadPageMatch = LeanLeadMatch<(typeof LEAD_MATCH_BUYER_FIELDS)[number]>;
/** The lead's matching buyers, with only what the pages show of each buyer. */
export const listLeadMatches = (id: string): Promise<List<LeadPageMatch>> => api.get(`/api/leads/${encodeURIComponent(id)}/matches?fields=${LEAD_MATCH_BUYER_FIELDS.join(',')}`);

export const listSavedViews = (page: string): Promise<List<SavedView>> => api.get(`/api/me/saved-views?page=${page}`);
export const saveView = (page: string, name: string, query: Record<string, string>): Promise<SavedView> => api.post('/api/me/saved-views', { page, name, query });
export const deleteSavedView = (id: string): Promise<void> => api.post(`/api/me/saved-views/${encodeURIComponent(id)}/delete`);

export const recordRecentView = (entityType: UserItemInput['entityType'], entityId: string): Promise<RecentItem> => api.post('/api/me/recent', { entityType, entityId });

export interface BulkLeadResult {
  results: Array<{ id: string; ok: boolean; error?: string; lead?: Lead }>;
}
/** Hands many leads to one owner; each takes its open tasks along. One result per lead. */
export const reassignLeads = (ids: string[], ownerId: string): Promise<BulkLeadResult> => api.post('/api/leads/bulk', { ids, action: 'reassign', ownerId });
