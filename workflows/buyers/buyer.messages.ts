import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { BuyerStatus } from '../../domain/buyers/buyer.schema';

export interface BuyerWorkflowState {
  buyerId: string;
  status: BuyerStatus;
  /** Matching cycles run in this workflow run (continue-as-new resets it). */
  cycles: number;
  changes: number;
}

export const getBuyerStateQuery = defineQuery<BuyerWorkflowState>('getBuyerState');
export const changeBuyerStatusUpdate = defineUpdate<BuyerWorkflowState, [{ status: BuyerStatus; actorId: string | null }]>('changeBuyerStatus');
