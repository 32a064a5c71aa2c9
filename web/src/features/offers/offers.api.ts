import type { CreateOfferInput, Offer, OfferListItem, OfferStatus } from '../../../../domain/offers/offer.schema';
import type { Page } from '../../../../domain/pagination';
import { api } from '../../lib/api-client';

export type { Offer };

export const listOffers = (by: { leadId?: string; buyerId?: string }): Promise<Page<OfferListItem>> =>
  api.get(`/api/offers?${new URLSearchParams(by as Record<string, string>).toString()}`);
export const createOffer = (input: CreateOfferInput, idempotencyKey: string): Promise<Offer> => api.create('/api/offers', input, idempotencyKey);
export const changeOfferStatus = (id: string, status: OfferStatus): Promise<Offer> => api.post(`/api/offers/${encodeURIComponent(id)}/status`, { status });
