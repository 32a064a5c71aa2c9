import type { LeanBuyerMatch } from '../../../../domain/buyers/buyer-match.schema';
import { BUYER_LIST_PAGE_FIELDS } from '../../../../domain/buyers/buyer-list-fields';
import { BUYER_MATCH_LEAD_FIELDS } from '../../../../domain/buyers/match-fields';
import type { Buyer, BuyerStatus, CreateBuyerInput, UpdateBuyerInput } from '../../../../domain/buyers/buyer.schema';
import type { List, Page } from '../../../../domain/pagination';
import { api } from '../../lib/api-client';

export type { Buyer };

const path = (id: string) => `/api/buyers/${encodeURIComponent(id)}`;

/** The buyer list's request: the page's filters (its URL query), 50 at a time. */
/** The buyer list's request: the page's filters, 50 at a time, with only the fields the list shows. */
export const buyerListRequest = (filters: Record<string, string>): URLSearchParams => new URLSearchParams({ ...filters, limit: '50', fields: BUYER_LIST_PAGE_FIELDS.join(',') });
/** A buyer as the list shows it (`BUYER_LIST_PAGE_FIELDS`). */
export type BuyerListItem = Pick<Buyer, 'id' | (typeof BUYER_LIST_PAGE_FIELDS)[number]>;
export const listBuyers = (params: URLSearchParams): Promise<Page<BuyerListItem>> => api.get(`/api/buyers?${params.toString()}`);
export const getBuyer = (id: string): Promise<Buyer> => api.get(path(id));
export const createBuyer = (input: CreateBuyerInput, idempotencyKey: string): Promise<Buyer> => api.create('/api/buyers', input, idempotencyKey);
/** `version`: the buyer's `updatedAt` when the edit began; someone else's change since is a 412, not overwritten. */
export const updateBuyer = (id: string, input: UpdateBuyerInput, version?: string): Promise<Buyer> => api.patch(path(id), input, version);
export const changeBuyerStatus = (id: string, status: BuyerStatus): Promise<Buyer> => api.post(`${path(id)}/status`, { status });
export type BuyerPageMatch = LeanBuyerMatch<(typeof BUYER_MATCH_LEAD_FIELDS)[number]>;
/** The buyer's matching leads, with only what the pages show of each lead. */
export const listBuyerMatches = (id: string): Promise<List<BuyerPageMatch>> => api.get(`${path(id)}/matches?fields=${BUYER_MATCH_LEAD_FIELDS.join(',')}`);
