import type { Buyer } from '../../../../domain/buyers/buyer.schema';
import type { Lead } from '../../../../domain/leads/lead.schema';
import type { DuplicateCandidate, MergeResult } from '../../../../domain/merge/merge-records';
import type { List } from '../../../../domain/pagination';
import { api } from '../../lib/api-client';

export type RecordKind = 'lead' | 'buyer';

const base = (kind: RecordKind, id: string): string => `/api/${kind}s/${encodeURIComponent(id)}`;

export const listDuplicates = (kind: RecordKind, id: string): Promise<List<DuplicateCandidate>> => api.get(`${base(kind, id)}/duplicates`);

/** Merges `sourceId` into the record `id`: its work moves there and it is archived as merged. */
export const mergeRecord = (kind: RecordKind, id: string, sourceId: string): Promise<{ lead?: Lead; buyer?: Buyer; merge: MergeResult }> =>
  api.post(`${base(kind, id)}/merge`, { sourceId });
