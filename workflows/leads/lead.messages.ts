import { defineQuery } from '@temporalio/workflow';
import type { LeadStatus } from '../../domain/leads/lead.schema';

export interface LeadWorkflowState {
  leadId: string;
  status: LeadStatus;
  contactTaskId: string | null;
  contactOverdue: boolean;
}

export const getLeadStateQuery = defineQuery<LeadWorkflowState>('getLeadState');
