import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CallOutcome } from '../../domain/calls/call.schema';
import type { LeadStatus } from '../../domain/leads/lead.schema';

export interface LeadWorkflowState {
  leadId: string;
  status: LeadStatus;
  contactTaskId: string | null;
  contactOverdue: boolean;
  /** Status changes applied so far; keys the tasks each change creates. */
  step: number;
  /** When the next repeating follow-up is due, while the lead is CONTACTED. */
  followUpDueAt: string | null;
  /** The lead is archived: no deadline or follow-up is armed until it is unarchived (absent in runs from before archiving stopped the automation). */
  archived?: boolean;
  /** A contact deadline re-armed by unarchiving a NEW lead (counted from the unarchiving). */
  contactDeadlineAt?: string | null;
  /** The lead was merged into another: its automation ended and so does this run. */
  merged?: boolean;
}

export interface ChangeLeadStatusInput {
  status: LeadStatus;
  reason?: string;
  /** Who asks, and nothing else about them: the workflow checks in the database that they are an active user. */
  actorId: string;
}

/** A move another workflow asks for, on behalf of the user whose change implied it. */
export interface RequestLeadStatusInput {
  status: LeadStatus;
  actorId: string | null;
}

export const getLeadStateQuery = defineQuery<LeadWorkflowState>('getLeadState');
/** The lead has a new owner: its `Owner` search attribute follows. */
export const leadOwnerChangedSignal = defineSignal<[{ ownerId: string }]>('leadOwnerChanged');
/** The lead was archived (its automation stops, its open automatic tasks are cancelled) or unarchived (its automation restarts from now). */
export const leadArchiveChangedSignal = defineSignal<[{ archived: boolean }]>('leadArchiveChanged');
/** The lead was merged into another (POST /api/leads/:id/merge): its open automatic tasks are cancelled and the run ends. */
export const leadMergedSignal = defineSignal<[{ intoLeadId: string }]>('leadMerged');
/** Another workflow asks for a move (an accepted purchase offer → UNDER_CONTRACT); ignored when the pipeline does not allow it. */
export const requestLeadStatusSignal = defineSignal<[RequestLeadStatusInput]>('requestLeadStatus');
/** Validated against the pipeline rules; refused moves fail with the reason. */
export const changeLeadStatusUpdate = defineUpdate<LeadWorkflowState, [ChangeLeadStatusInput]>('changeLeadStatus');
/** A call was logged on the lead: no answer and voicemail re-arm the next attempt (workflows/leads/lead-calls.ts). */
export const leadCallLoggedSignal = defineSignal<[{ outcome: CallOutcome; at: string }]>('leadCallLogged');
