import { useQuery } from '@tanstack/react-query';
import { fullDate, humanize, timeAgo } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { listLeadTasks } from './tasks.api';

/** A lead's tasks; keyed under ['tasks'] so the workflow's new tasks show up live. */
export function TaskList({ leadId }: { leadId: string }) {
  const tasks = useQuery({ queryKey: ['tasks', { leadId }], queryFn: () => listLeadTasks(leadId) });
  const items = tasks.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="tasks-title" data-testid="lead-tasks">
      <header className="card-header">
        <h2 id="tasks-title">Tasks</h2>
      </header>
      {tasks.isError && <p className="alert alert-error">{tasks.error.message}</p>}
      <ul className="list">
        {items.map((task) => (
          <li key={task.id}>
            <div className="list-main">
              <div className="list-title">{task.title}</div>
              <div className="list-meta">
                {humanize(task.type)} · {humanize(task.priority)} priority
                {task.dueAt && (
                  <span title={fullDate(task.dueAt)} className={task.overdue ? 'overdue' : undefined}>
                    {' '}
                    · due {timeAgo(task.dueAt)}
                  </span>
                )}
              </div>
            </div>
            <StatusPill status={task.overdue && task.status !== 'DONE' ? 'OVERDUE' : task.status} />
          </li>
        ))}
        {tasks.isSuccess && items.length === 0 && <li className="empty">No tasks yet.</li>}
      </ul>
    </section>
  );
}
