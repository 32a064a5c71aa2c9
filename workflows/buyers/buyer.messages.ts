import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { BuyerStatus } from '../../domain/buyers/buyer.schema';

export interface BuyerWorkflowState {
  buyerId: string;
  status: BuyerStatus;
  /** Matching cycles run in this workflow run (continue-as-new resets it). */
  cycles: number;
  changes: number;
  /** When the buyer's proof of funds expires; reminders are timed from it. */
  pofExpiresAt: string | null;
  /** The buyer is archived: no matching and no proof-of-funds reminders until it is unarchived. */
  archived?: boolean;
  /** The buyer was merged into another: its automation ended and so does this run. */
  merged?: boolean;
}

export const getBuyerStateQuery = defineQuery<BuyerWorkflowState>('getBuyerState');
/** Names only who asks (`actorId`): the workflow checks in the database that they are an active user. */
export const changeBuyerStatusUpdate = defineUpdate<BuyerWorkflowState, [{ status: BuyerStatus; actorId: string }]>('changeBuyerStatus');
/** The buyer's proof-of-funds expiry changed (the reminders re-arm). */
export const proofOfFundsChangedSignal = defineSignal<[{ expiresAt: string | null }]>('proofOfFundsChanged');
/** The buyer was archived (its automation stops, its open automatic tasks are cancelled) or unarchived (matching and reminders restart from now). */
export const buyerArchiveChangedSignal = defineSignal<[{ archived: boolean }]>('buyerArchiveChanged');
/** The buyer was merged into another (POST /api/buyers/:id/merge): its open automatic tasks are cancelled and the run ends. */
export const buyerMergedSignal = defineSignal<[{ intoBuyerId: string }]>('buyerMerged');
