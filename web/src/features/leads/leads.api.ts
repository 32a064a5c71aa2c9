import type { CreateLeadInput, Lead, LeadStatus, UpdateLeadInput } from '../../../../domain/leads/lead.schema';
import { api } from '../../lib/api-client';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface LeadMatch {
  buyer: { id: string; name: string; company: string | null; cashBuyer: boolean };
  score: number;
  reasons: string[];
}

export interface SavedView {
  id: string;
  page: string;
  name: string;
  query: Record<string, string>;
}

export const createLead = (input: CreateLeadInput): Promise<Lead> => api.post<Lead>('/api/leads', input);

/** `params` is the page's URL query string as is (filters, sort), so shared links list the same. */
export const listLeads = (params: URLSearchParams): Promise<Page<Lead>> => api.get<Page<Lead>>(`/api/leads?${params.toString()}`);
export const getLead = (id: string): Promise<Lead> => api.get<Lead>(`/api/leads/${encodeURIComponent(id)}`);
export const updateLead = (id: string, input: UpdateLeadInput): Promise<Lead> => api.patch<Lead>(`/api/leads/${encodeURIComponent(id)}`, input);
export const changeLeadStatus = (id: string, status: LeadStatus, reason?: string): Promise<Lead> =>
  api.post<Lead>(`/api/leads/${encodeURIComponent(id)}/status`, reason ? { status, reason } : { status });
export const listLeadMatches = (id: string): Promise<{ items: LeadMatch[] }> => api.get(`/api/leads/${encodeURIComponent(id)}/matches`);

export const listSavedViews = (page: string): Promise<{ items: SavedView[] }> => api.get(`/api/me/saved-views?page=${page}`);
export const saveView = (page: string, name: string, query: Record<string, string>): Promise<SavedView> => api.post('/api/me/saved-views', { page, name, query });
export const deleteSavedView = (id: string): Promise<void> => api.post(`/api/me/saved-views/${encodeURIComponent(id)}/delete`);

export const recordRecentView = (entityType: 'lead' | 'buyer', entityId: string): Promise<unknown> => api.post('/api/me/recent', { entityType, entityId });
