import type { QueryKey } from '@tanstack/react-query';
import type { LiveEvent } from '../../../domain/events/live-event.schema';

// Which cached queries each kind of change makes stale. My calls (['queue']) reads lead rows: a
// lead's status, call or owner, a task's follow-up date, an offer or deal moving the lead, and the
// settings (contact deadline, deal math) all change who is on it, where, and the figures shown.
// Analytics counts leads, tasks, offers, deals and buyer match e-mails (see ANALYTICS_GAP_MS).
const STALE_QUERIES: Record<string, QueryKey[]> = {
  lead: [['dashboard'], ['leads'], ['queue'], ['analytics']],
  task: [['dashboard'], ['tasks'], ['queue'], ['analytics']],
  deal: [['dashboard'], ['leads'], ['queue'], ['analytics']],
  buyer: [['dashboard'], ['buyers'], ['analytics']],
  offer: [['dashboard'], ['offers'], ['queue'], ['analytics']],
  note: [['notes']],
  document: [['documents']],
  notification: [['notifications']],
  setting: [['settings'], ['leads'], ['queue']],
  session: [['account', 'sessions']],
  user: [['users'], ['analytics']],
  import: [['imports']],
};

// Changes recorded on one entity that show in another's query: a task's note is a task event
// (it goes through the task's workflow) but is read from the notes list.
const ALSO_STALE_BY_ACTION: Record<string, QueryKey[]> = {
  note_added: [['notes']],
};

/**
 * Analytics is refetched at most once per this gap. Its report is a dozen aggregates over every
 * lead, task, offer and deal in the range (tens of ms on a big database, for each open page), and
 * on a busy morning the team makes several changes a second: refetching on each would keep every
 * analytics tab re-reading the whole range. Counts a few seconds old read the same to a person;
 * the last change of a burst still shows, at the end of the gap.
 */
export const ANALYTICS_GAP_MS = 5_000;

/** The cached queries a live event makes stale, so an open page refetches them at once. */
export function staleQueriesFor(event: Pick<LiveEvent, 'entityType' | 'action'>): QueryKey[] {
  return [...(STALE_QUERIES[event.entityType] ?? []), ...(ALSO_STALE_BY_ACTION[event.action] ?? [])];
}

/** The least time between two refetches of a query made stale by live events (0: at once). */
export function minRefreshGapMs(key: QueryKey): number {
  return key[0] === 'analytics' ? ANALYTICS_GAP_MS : 0;
}
