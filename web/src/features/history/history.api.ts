import type { LiveEvent } from '../../../../domain/events/live-event.schema';
import type { List } from '../../../../domain/pagination';
import { api } from '../../lib/api-client';

export type HistorySubject = 'lead' | 'buyer' | 'task';

export const listHistory = (entityType: HistorySubject, id: string): Promise<List<LiveEvent>> => api.get(`/api/history/${entityType}/${encodeURIComponent(id)}`);
