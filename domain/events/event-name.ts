import { checkPermission } from '../auth/permissions';
import { canSeeDocumentEvent } from '../documents/document-event';
import type { UserRole } from '../users/user-role';

export const ENTITY_TYPES = ['lead', 'task', 'notification', 'user', 'buyer', 'offer', 'deal', 'note', 'document', 'setting', 'session', 'import'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Every SSE `event:` name the server sends; browsers must listen for each one by name. Each has its payload type in event-payloads.ts. */
export const EVENT_NAMES = [
  'lead.created',
  /** Only in a lead's history (api/history/list-entity-history.ts): the list import that brought it in, which writes no event per lead. */
  'lead.imported',
  'lead.updated',
  'lead.archived',
  'lead.unarchived',
  'lead.status_changed',
  'lead.sent_to_buyer',
  'lead.call_logged',
  'lead.merged',
  'lead.merged_into',
  'task.created',
  'task.assigned',
  'task.overdue',
  'task.cancelled',
  'task.started',
  'task.submitted',
  'task.approved',
  'task.rejected',
  'task.completed',
  'task.reassigned',
  'task.rescheduled',
  'task.priority_changed',
  'task.note_added',
  'buyer.created',
  'buyer.updated',
  'buyer.archived',
  'buyer.unarchived',
  'buyer.status_changed',
  'buyer.matches_sent',
  'buyer.merged',
  'buyer.merged_into',
  'offer.created',
  'offer.status_changed',
  'offer.updated',
  'offer.archived',
  'deal.closed',
  'deal.buyer_recorded',
  'deal.buyer_cleared',
  'note.created',
  'note.updated',
  'note.archived',
  'document.created',
  'document.updated',
  'document.archived',
  'document.purged',
  'user.created',
  'user.updated',
  'notification.created',
  'notification.read',
  'setting.updated',
  'session.ended',
  'import.progress',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/**
 * Who may see an event: everyone signed in, or only its audience user (notifications); an
 * import's progress (audience: its importer) also reaches whoever may see that import, i.e.
 * supervisors and admins (the permission matrix's rule, so the stream and the API agree).
 * Without the viewer's role only the first two count. A document's event goes only to those who
 * may see the document, by the uploader and record owner its payload carries (canSeeDocumentEvent).
 */
export function canSeeEvent(event: { audienceUserId: string | null; entityType?: string; payload?: string }, userId: string, role?: UserRole): boolean {
  if (event.entityType === 'document' && !canSeeDocumentEvent(event.payload, userId, role)) return false;
  if (event.audienceUserId === null || event.audienceUserId === userId) return true;
  if (event.entityType !== 'import' || !role) return false;
  return checkPermission({ id: userId, role }, 'read', { type: 'import', createdById: event.audienceUserId }).ok;
}
