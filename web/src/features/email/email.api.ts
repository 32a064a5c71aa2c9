import type { EmailMessage, EmailMessageDetail, SendMatchesInput, UnsubscribePreview } from '../../../../domain/email/email-message.schema';
import type { List } from '../../../../domain/pagination';
import { api } from '../../lib/api-client';

export const OUTBOX_KEY = ['outbox'] as const;

export const sendMatches = (buyerId: string, input: SendMatchesInput): Promise<{ message: EmailMessage; taskCompleted: boolean }> =>
  api.post(`/api/buyers/${encodeURIComponent(buyerId)}/send-matches`, input);
export const listOutbox = (): Promise<List<EmailMessage>> => api.get('/api/outbox');
export const getOutboxMessage = (id: string): Promise<EmailMessageDetail> => api.get(`/api/outbox/${encodeURIComponent(id)}`);
export const outboxHtmlUrl = (id: string): string => `/api/outbox/${encodeURIComponent(id)}/html`;
export const getUnsubscribe = (token: string): Promise<UnsubscribePreview> => api.get(`/api/unsubscribe/${encodeURIComponent(token)}`);
export const unsubscribe = (token: string): Promise<UnsubscribePreview> => api.post(`/api/unsubscribe/${encodeURIComponent(token)}`);
