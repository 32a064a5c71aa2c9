import type { CreateOfferInput, OfferStatus } from '../../../../domain/offers/offer.schema';
import { api } from '../../lib/api-client';

export interface Offer {
  id: string;
  leadId: string;
  buyerId: string | null;
  kind: 'PURCHASE' | 'BUYER';
  amount: number;
  status: OfferStatus;
  expiresAt: string | null;
  createdAt: string;
}

export const listOffers = (by: { leadId?: string; buyerId?: string }): Promise<{ items: Offer[] }> =>
  api.get(`/api/offers?${new URLSearchParams(by as Record<string, string>).toString()}`);
export const createOffer = (input: CreateOfferInput): Promise<Offer> => api.post('/api/offers', input);
export const changeOfferStatus = (id: string, status: OfferStatus): Promise<Offer> => api.post(`/api/offers/${encodeURIComponent(id)}/status`, { status });
