import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { EVENT_NAMES } from '../../../domain/events/event-name';
import type { LiveEvent } from '../../../domain/events/live-event.schema';
import type { List } from '../../../domain/pagination';
import { noteStreamedEvent, takeEventsMark } from './events-mark';
import { createQueryInvalidator } from './query-invalidator';
import { refreshQueries } from './refresh-queries';
import { staleQueriesFor } from './stale-queries';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** The activity feed's cache entry, newest first; the stream prepends to it. */
export const RECENT_EVENTS_KEY = ['events', 'recent'] as const;
export const FEED_SIZE = 30;

const ALL_LIVE_QUERIES: QueryKey[] = [['dashboard'], ['leads'], ['tasks'], ['queue'], ['analytics'], ['notifications'], [...RECENT_EVENTS_KEY]];

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** Events by id, newest first, at most one feed page. */
export function mergeEvents(newer: readonly LiveEvent[], older: readonly LiveEvent[]): LiveEvent[] {
  const byId = new Map<number, LiveEvent>();
  for (const event of [...newer, ...older]) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, FEED_SIZE);
}

/**
 * Opens the app's one EventSource (mount it once, in the signed-in shell) and keeps the query
 * cache current: each event marks the lists and counts it affects stale and is prepended to
 * the activity feed. The browser reconnects by itself with Last-Event-ID and the server
 * replays what was missed; when the server refuses the stream (e.g. a restart, or the session
 * ended) we reconnect ourselves, resuming from the last id we saw.
 */
export function useLiveEvents(onEvent?: (event: LiveEvent) => void): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  // The latest listener, without reopening the stream when it changes.
  const listener = useRef(onEvent);
  useEffect(() => {
    listener.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    const invalidator = createQueryInvalidator((queryKey) => void refreshQueries(queryClient, queryKey));
    let source: EventSource | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    // The first stream resumes from the sign-in answer's mark: the data loaded since needs no refetch.
    const mark = takeEventsMark();
    let lastEventId = mark === null ? '' : String(mark);
    let resumedFromMark = mark !== null;

    const onMessage = (message: MessageEvent<string>) => {
      if (message.lastEventId) lastEventId = message.lastEventId;
      let event: LiveEvent;
      try {
        event = JSON.parse(message.data) as LiveEvent;
      } catch {
        return;
      }
      noteStreamedEvent(event.id);
      invalidator.add(staleQueriesFor(event));
      listener.current?.(event);
      // An import's progress ticks would push the activity out of the feed's one page.
      if (event.entityType !== 'import') {
        const feed = queryClient.getQueryState<List<LiveEvent>>(RECENT_EVENTS_KEY);
        if (feed?.data) queryClient.setQueryData<List<LiveEvent>>(RECENT_EVENTS_KEY, { items: mergeEvents([event], feed.data.items) });
        // No page to prepend to yet, and the one on its way may have been read before this event.
        else if (feed?.fetchStatus === 'fetching') invalidator.add([RECENT_EVENTS_KEY]);
      }
    };

    const connect = () => {
      const url = lastEventId ? `/api/events?lastEventId=${encodeURIComponent(lastEventId)}` : '/api/events';
      const current = new EventSource(url);
      source = current;
      current.onopen = () => {
        failures = 0;
        setStatus('live');
        if (resumedFromMark) {
          resumedFromMark = false;
          return;
        }
        // Anything fetched before the stream started (or while it was down) may be missing a change.
        invalidator.add(ALL_LIVE_QUERIES);
      };
      current.onerror = () => {
        if (current.readyState === EventSource.CONNECTING) {
          setStatus('reconnecting');
          return;
        }
        // CLOSED: the server answered with an error; maybe the session is gone.
        current.close();
        setStatus('reconnecting');
        void queryClient.invalidateQueries({ queryKey: ['me'] });
        const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
        failures += 1;
        retryTimer = setTimeout(connect, delay);
      };
      // Browsers deliver a named SSE event only to listeners of that name.
      for (const name of EVENT_NAMES) current.addEventListener(name, onMessage);
    };

    connect();
    return () => {
      clearTimeout(retryTimer);
      invalidator.cancel();
      source?.close();
    };
  }, [queryClient]);

  return status;
}
