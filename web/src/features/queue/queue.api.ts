import { CALL_QUEUE_LEAD_FIELDS } from '../../../../domain/calls/call-queue-fields';
import type { LeanCallQueue } from '../../../../domain/calls/call-queue';
import type { Call, LogCallBody } from '../../../../domain/calls/call.schema';
import { api } from '../../lib/api-client';

export type CallQueueAsShown = LeanCallQueue<(typeof CALL_QUEUE_LEAD_FIELDS)[number]>;

export const getCallQueue = (): Promise<CallQueueAsShown> => api.get<CallQueueAsShown>(`/api/queue?fields=${CALL_QUEUE_LEAD_FIELDS.join(',')}`);
export const logCall = (leadId: string, input: LogCallBody): Promise<Call> => api.post<Call>(`/api/leads/${encodeURIComponent(leadId)}/calls`, input);
