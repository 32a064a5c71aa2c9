import type { CreateLeadInput, Lead } from '../../../../domain/leads/lead.schema';
import { api } from '../../lib/api-client';

export const createLead = (input: CreateLeadInput): Promise<Lead> => api.post<Lead>('/api/leads', input);
