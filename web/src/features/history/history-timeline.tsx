import { useQuery } from '@tanstack/react-query';
import { listHistory, type HistorySubject } from './history.api';
import { fullDate } from '../../lib/format';
import { useMe } from '../auth/use-me';
import { describeEvent } from '../dashboard/describe-event';
import { useNow } from '../dashboard/use-now';

const LIST_KEYS = { lead: 'leads', buyer: 'buyers', task: 'tasks' } as const;

/** Everything that happened to one lead, buyer or task, oldest first, in the activity feed's words. */
export function HistoryTimeline({ entityType, id }: { entityType: HistorySubject; id: string }) {
  const meId = useMe().data?.id;
  // Under the list's key, so the entity's own events refresh it live.
  const history = useQuery({
    queryKey: [LIST_KEYS[entityType], 'history', id],
    queryFn: () => listHistory(entityType, id),
  });
  const now = useNow(60_000);
  const items = history.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="history-title">
      <header className="card-header">
        <h2 id="history-title">History</h2>
      </header>
      {history.isError && <p className="alert alert-error">{history.error.message}</p>}
      <ol className="timeline">
        {items.map((event) => {
          const line = describeEvent(event, { meId, now });
          return (
            <li key={event.id}>
              <div>{line.title}</div>
              <div className="list-meta">
                {line.detail && `${line.detail} · `}
                {fullDate(event.createdAt)}
              </div>
            </li>
          );
        })}
        {history.isSuccess && items.length === 0 && <li className="empty">Nothing recorded yet.</li>}
      </ol>
    </section>
  );
}
