import type { SearchItem } from '../../../../domain/search/search.schema';
import { api } from '../../lib/api-client';

export type { SearchItem };

export const searchRecords = (q: string): Promise<{ items: SearchItem[] }> => api.get(`/api/search?${new URLSearchParams({ q }).toString()}`);

/** Where a search result opens. */
export const pathOf = (item: { type: 'lead' | 'buyer' | 'task' | 'offer'; id: string }): string =>
  item.type === 'offer' ? `/tasks?offerId=${encodeURIComponent(item.id)}` : `/${item.type}s/${encodeURIComponent(item.id)}`;
