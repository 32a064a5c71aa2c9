import type { CallQueue } from '../../../../domain/calls/call-queue';
import type { Call, LogCallBody } from '../../../../domain/calls/call.schema';
import { api } from '../../lib/api-client';

export const getCallQueue = (): Promise<CallQueue> => api.get<CallQueue>('/api/queue');
export const logCall = (leadId: string, input: LogCallBody): Promise<Call> => api.post<Call>(`/api/leads/${encodeURIComponent(leadId)}/calls`, input);
