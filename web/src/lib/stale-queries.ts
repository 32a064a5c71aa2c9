import type { QueryKey } from '@tanstack/react-query';
import type { LiveEvent } from '../../../domain/events/live-event.schema';

// Which cached queries each kind of change makes stale.
const STALE_QUERIES: Record<string, QueryKey[]> = {
  lead: [['dashboard'], ['leads']],
  task: [['dashboard'], ['tasks']],
  deal: [['dashboard'], ['leads']],
  buyer: [['dashboard'], ['buyers']],
  offer: [['dashboard'], ['offers']],
  note: [['notes']],
  document: [['documents']],
  notification: [['notifications']],
  setting: [['settings'], ['leads']],
  session: [['account', 'sessions']],
  user: [['users']],
  import: [['imports']],
};

// Changes recorded on one entity that show in another's query: a task's note is a task event
// (it goes through the task's workflow) but is read from the notes list.
const ALSO_STALE_BY_ACTION: Record<string, QueryKey[]> = {
  note_added: [['notes']],
};

/** The cached queries a live event makes stale, so an open page refetches them at once. */
export function staleQueriesFor(event: Pick<LiveEvent, 'entityType' | 'action'>): QueryKey[] {
  return [...(STALE_QUERIES[event.entityType] ?? []), ...(ALSO_STALE_BY_ACTION[event.action] ?? [])];
}
