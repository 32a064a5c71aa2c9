import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { LiveEvent } from '../../../../domain/events/live-event.schema';
import type { List } from '../../../../domain/pagination';
import { fullDate, timeSince } from '../../lib/format';
import { mergeEvents, RECENT_EVENTS_KEY } from '../../lib/use-live-events';
import { useWorkflowLink } from '../../lib/use-workflow-link';
import { useMe } from '../auth/use-me';
import { listRecentEvents } from './dashboard.api';
import { describeEvent, isFeedEvent, itemLink, type EventTone } from './describe-event';
import { useNow } from './use-now';

const TONE_ICONS: Record<EventTone, string> = {
  lead: 'M10 5v10M5 10h10',
  task: 'm5.5 10.5 3 3 6-7',
  warn: 'M10 6.5v4M10 13.5v.01',
  status: 'M5 10h10m-4-4 4 4-4 4',
  deal: 'M10 4.5v11M13 7c0-1.2-1.3-2-3-2s-3 .8-3 2 1.3 1.8 3 2.2 3 1 3 2.3-1.3 2-3 2-3-.8-3-2',
  muted: 'M6 10h8',
};

/** The newest changes, first from /api/events/recent, then prepended live by the event stream. */
export function ActivityFeed() {
  const queryClient = useQueryClient();
  const me = useMe().data;
  const workflowLink = useWorkflowLink();
  const now = useNow(15_000);
  const recent = useQuery({
    queryKey: RECENT_EVENTS_KEY,
    // Merged with the cache: events streamed in while this request was in flight stay.
    queryFn: async () => {
      const fresh = await listRecentEvents();
      const cached = queryClient.getQueryData<List<LiveEvent>>(RECENT_EVENTS_KEY);
      return { items: mergeEvents(fresh.items, cached?.items ?? []) };
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  const events = (recent.data?.items ?? []).filter(isFeedEvent);

  return (
    <section className="card feed-card" aria-labelledby="feed-title">
      <header className="card-header">
        <div>
          <h2 id="feed-title">Live activity</h2>
          <p className="card-subtitle">Leads, tasks and deadlines across the team, as they happen.</p>
        </div>
      </header>
      {recent.isPending ? (
        <p className="empty">Loading activity…</p>
      ) : recent.isError ? (
        <p className="empty" role="alert">
          Activity could not be loaded: {recent.error.message}
        </p>
      ) : (
        <ol className="feed" data-testid="activity-feed" aria-live="polite">
          {events.length === 0 && <li className="empty">Nothing has happened yet. Create a lead to get things moving.</li>}
          {events.map((event) => {
            const line = describeEvent(event, { meId: me?.id, now });
            const href = line.workflowId && workflowLink(line.workflowId);
            const link = itemLink(event);
            return (
              <li key={event.id} className={`feed-item tone-${line.tone}`}>
                <span className="feed-icon" aria-hidden="true">
                  <svg viewBox="0 0 20 20" width="14" height="14">
                    <path d={TONE_ICONS[line.tone]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                </span>
                <div className="feed-text">
                  <p className="feed-title">{link ? <Link to={link}>{line.title}</Link> : line.title}</p>
                  {(line.detail || href) && (
                    <p className="feed-detail">
                      {line.detail}
                      {href && (
                        <a className="feed-link" href={href} target="_blank" rel="noreferrer">
                          Workflow ↗
                        </a>
                      )}
                    </p>
                  )}
                </div>
                <time className="feed-time" dateTime={event.createdAt} title={fullDate(event.createdAt)}>
                  {timeSince(event.createdAt, now)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
