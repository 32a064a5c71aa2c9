import type { SessionEnded } from '../auth/session.schema';
import type { ImportItem } from '../imports/import-fields';
import type { Buyer } from '../buyers/buyer.schema';
import type { DealRecord } from '../deals/deal.schema';
import type { DocumentEvent } from '../documents/document-event';
import type { Call } from '../calls/call.schema';
import type { LeadRecord, LeadStatus } from '../leads/lead.schema';
import type { Note } from '../notes/note.schema';
import type { NotificationItem } from '../notifications/notification.schema';
import type { Offer, OfferStatus } from '../offers/offer.schema';
import type { StoredSettings } from '../settings/settings.schema';
import type { CompletionMetrics } from '../tasks/task-automation';
import type { Task, TaskPriority } from '../tasks/task.schema';
import type { User } from '../users/user.schema';
import type { EventName } from './event-name';
import type { MergeResult } from '../merge/merge-records';

/** What a merge moved and filled, on the survivor's `merged` event. */
type MergeDetails = Pick<MergeResult, 'sourceId' | 'moved' | 'filled' | 'cancelledTaskIds'>;

/** A task transition: a rejection or cancellation says why, a completion how it went. */
type TaskTransition = Task & { reason?: string; metrics?: CompletionMetrics };

/** A table keyed by event names only: an entry for a name not in EVENT_NAMES does not compile. */
type ByEventName<T extends { [K in keyof T]: K extends EventName ? unknown : never }> = T;

/**
 * What each event carries as its `entity` (the changed thing's JSON as of the change, plus what
 * the change was), by event name. Every name of EVENT_NAMES has exactly one entry (EventChange
 * does not compile without it).
 */
export type EventPayloads = ByEventName<{
  'lead.created': LeadRecord;
  'lead.imported': LeadRecord & { importId: string; fileName: string };
  'lead.updated': LeadRecord;
  'lead.archived': LeadRecord;
  'lead.unarchived': LeadRecord;
  'lead.status_changed': LeadRecord & { previousStatus: LeadStatus };
  /** The lead was in an e-mail of matching properties to a buyer. */
  'lead.sent_to_buyer': LeadRecord & { messageId: string; buyerId: string; buyerName: string };
  /** A call logged on the lead (POST /api/leads/:id/calls): the lead after it, and the call. */
  'lead.call_logged': LeadRecord & { call: Call; callerName: string };
  /** Another lead (a duplicate) was merged into this one: its work is here now. */
  'lead.merged': LeadRecord & MergeDetails & { sourceName: string };
  /** This lead was merged into another and archived: `mergedIntoId` names it. */
  'lead.merged_into': LeadRecord & { survivorId: string; survivorName: string };
  'task.created': Task;
  'task.assigned': Task;
  'task.overdue': Task;
  'task.cancelled': TaskTransition;
  'task.started': TaskTransition;
  'task.submitted': TaskTransition;
  'task.approved': TaskTransition;
  'task.rejected': TaskTransition;
  'task.completed': TaskTransition;
  'task.reassigned': Task & { previousAssigneeId: string | null };
  'task.rescheduled': Task & { previousDueAt: string };
  'task.priority_changed': Task & { previousPriority: TaskPriority };
  'task.note_added': Task & { noteId: string };
  'buyer.created': Buyer;
  'buyer.updated': Buyer;
  'buyer.archived': Buyer;
  'buyer.unarchived': Buyer;
  'buyer.status_changed': Buyer;
  /** Matching leads e-mailed to the buyer (the message is queued; the Outbox shows its fate). */
  'buyer.matches_sent': Buyer & { messageId: string; leadIds: string[]; sentByName: string };
  'buyer.merged': Buyer & MergeDetails & { sourceName: string };
  'buyer.merged_into': Buyer & { survivorId: string; survivorName: string };
  'offer.created': Offer;
  'offer.status_changed': Offer & { previousStatus: OfferStatus };
  'offer.updated': Offer;
  'offer.archived': Offer;
  'deal.closed': DealRecord;
  'deal.buyer_recorded': DealRecord;
  /** Its buyer backed out, or the lead's contract fell through: the open deal has no buyer or sale price any more. */
  'deal.buyer_cleared': DealRecord;
  'note.created': Note;
  'note.updated': Note;
  'note.archived': Note;
  /** The document and its record's owner at the time: who may see the event (canSeeDocumentEvent). */
  'document.created': DocumentEvent;
  'document.updated': DocumentEvent;
  'document.archived': DocumentEvent;
  /** The document as it was before it was deleted. */
  'document.purged': DocumentEvent;
  'user.created': User;
  'user.updated': User;
  'notification.created': NotificationItem;
  /** One notification read, or all of the user's at once. */
  'notification.read': NotificationItem | { all: true };
  'setting.updated': StoredSettings;
  'session.ended': SessionEnded;
  /** A list import moved on (a batch written, started, finished, cancelled or failed). */
  'import.progress': ImportItem;
}>;

/**
 * One event as its writer gives it: the entity type and action its name is made of, and the
 * payload of that name. A union with one member per name, so a payload that does not match its
 * name (or a name that is not in EVENT_NAMES) does not compile.
 */
export type EventChange = {
  [N in EventName]: N extends `${infer E}.${infer A}` ? { entityType: E; action: A; entity: EventPayloads[N] } : never;
}[EventName];

/** The payload of one event name, for readers that switch on `name`. */
export type EventPayload<N extends EventName> = EventPayloads[N];
