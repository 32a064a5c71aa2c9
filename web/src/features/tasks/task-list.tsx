import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { OPEN_TASK_STATUSES } from '../../../../domain/tasks/task-enums';
import { fullDate, optionLabel, timeAgo } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { listTasks, type TaskSubject } from './tasks.api';

/** A lead's or buyer's tasks, each linking to its page; keyed under ['tasks'] so the workflows' new tasks show up live. */
export function TaskList({ subject, actions }: { subject: TaskSubject; actions?: ReactNode }) {
  const tasks = useQuery({ queryKey: ['tasks', subject], queryFn: () => listTasks(subject) });
  const items = tasks.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="tasks-title" data-testid={'leadId' in subject ? 'lead-tasks' : 'buyerId' in subject ? 'buyer-tasks' : 'offer-tasks'}>
      <header className="card-header">
        <h2 id="tasks-title">Tasks</h2>
        <Link className="button button-secondary button-small" to={`/tasks/new?${new URLSearchParams(subject).toString()}`}>
          New task
        </Link>
      </header>
      {actions}
      {tasks.isError && <p className="alert alert-error">{tasks.error.message}</p>}
      <ul className="list">
        {items.map((task) => (
          <li key={task.id}>
            <div className="list-main">
              <div className="list-title">
                <Link to={`/tasks/${task.id}`}>{task.title}</Link>
              </div>
              <div className="list-meta">
                {optionLabel(task.type)} · {optionLabel(task.priority)} priority
                {task.dueAt && (
                  <span title={fullDate(task.dueAt)} className={task.overdue ? 'overdue' : undefined}>
                    {' '}
                    · due {timeAgo(task.dueAt)}
                  </span>
                )}
              </div>
            </div>
            <StatusPill status={task.overdue && OPEN_TASK_STATUSES.includes(task.status) ? 'OVERDUE' : task.status} />
          </li>
        ))}
        {tasks.isSuccess && items.length === 0 && <li className="empty">No tasks yet.</li>}
      </ul>
    </section>
  );
}
