import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api-client';
import { timeAgo } from '../../lib/format';
import { useLiveEvents, type LiveEvent } from '../../lib/live-events';
import { describeEvent } from './describe-event';

const FEED_SIZE = 30;

function mergeNewestFirst(events: LiveEvent[]): LiveEvent[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, FEED_SIZE);
}

export function ActivityFeed() {
  const { subscribe } = useLiveEvents();
  const recent = useQuery({
    queryKey: ['events', 'recent'],
    queryFn: () => api.get<{ items: LiveEvent[] }>(`/api/events/recent?limit=${FEED_SIZE}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [live, setLive] = useState<LiveEvent[]>([]);
  const [, setTick] = useState(0);

  useEffect(() => subscribe((event) => setLive((events) => mergeNewestFirst([event, ...events]))), [subscribe]);
  // Keep the relative times fresh.
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  const events = mergeNewestFirst([...live, ...(recent.data?.items ?? [])]);
  return (
    <section className="card feed-card">
      <header className="card-header">
        <h2>Live activity</h2>
      </header>
      {recent.isPending ? (
        <p className="muted empty">Loading…</p>
      ) : events.length === 0 ? (
        <p className="muted empty">Nothing has happened yet.</p>
      ) : (
        <ol className="feed" data-testid="activity-feed">
          {events.map((event) => {
            const { title, detail, tone } = describeEvent(event);
            return (
              <li key={event.id} className={`feed-item tone-${tone}`}>
                <span className="feed-dot" aria-hidden="true" />
                <div className="feed-text">
                  <div className="feed-title">{title}</div>
                  {detail && <div className="muted small">{detail}</div>}
                </div>
                <time className="muted small" dateTime={event.createdAt}>
                  {timeAgo(event.createdAt)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
