import type { BuyerStatus, CreateBuyerInput, UpdateBuyerInput } from '../../../../domain/buyers/buyer.schema';
import type { Lead } from '../../../../domain/leads/lead.schema';
import { api } from '../../lib/api-client';
import type { Page } from '../leads/leads.api';

export interface Buyer {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  status: BuyerStatus;
  cashBuyer: boolean;
  proofOfFundsAmount: number | null;
  markets: string[];
  propertyTypes: string[];
  minPrice: number | null;
  maxPrice: number | null;
  minBeds: number | null;
  minBaths: number | null;
  maxRepair: number | null;
}

export interface BuyerMatch {
  lead: Lead;
  score: number;
  reasons: string[];
}

const path = (id: string) => `/api/buyers/${encodeURIComponent(id)}`;

export const listBuyers = (params: URLSearchParams): Promise<Page<Buyer>> => api.get(`/api/buyers?${params.toString()}`);
export const getBuyer = (id: string): Promise<Buyer> => api.get(path(id));
export const createBuyer = (input: CreateBuyerInput): Promise<Buyer> => api.post('/api/buyers', input);
export const updateBuyer = (id: string, input: UpdateBuyerInput): Promise<Buyer> => api.patch(path(id), input);
export const changeBuyerStatus = (id: string, status: BuyerStatus): Promise<Buyer> => api.post(`${path(id)}/status`, { status });
export const listBuyerMatches = (id: string): Promise<{ items: BuyerMatch[] }> => api.get(`${path(id)}/matches`);
