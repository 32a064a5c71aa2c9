import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { OfferStatus } from '../../domain/offers/offer.schema';

export interface OfferWorkflowState {
  offerId: string;
  status: OfferStatus;
  changes: number;
}

export const getOfferStateQuery = defineQuery<OfferWorkflowState>('getOfferState');
/** Names only who asks (`actorId`): the workflow checks in the database that they are an active user. */
export const changeOfferStatusUpdate = defineUpdate<OfferWorkflowState, [{ status: OfferStatus; actorId: string }]>('changeOfferStatus');
