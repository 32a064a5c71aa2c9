import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { OPEN_TASK_STATUSES } from '../../../../domain/tasks/task-enums';
import { taskWorkflowId } from '../../../../domain/workflow-ids';
import { DetailPage } from '../../lib/detail-page';
import { fullDate, timeAgo } from '../../lib/format';
import { SendMatchesButton } from '../email/send-matches-dialog';
import { HistoryTimeline } from '../history/history-timeline';
import { NotesPanel } from '../notes/notes-panel';
import { useUserName } from '../users/use-users';
import { FollowUpForm } from './follow-up-form';
import { TaskActionsBar } from './task-actions-bar';
import { TaskEditControls } from './task-edit-controls';
import { useChangeNotice } from './use-change-notice';
import { getTask, type TaskDetail } from './tasks.api';
import { PriorityPill } from './priority-pill';
import './tasks.css';
import { useRecentView } from '../leads/use-recent-view';

export const taskDetailKey = (id: string) => ['tasks', 'detail', id] as const;

function RelatedLinks({ task }: { task: TaskDetail }) {
  const links = [
    task.lead && { label: 'Lead', to: `/leads/${task.lead.id}`, text: task.lead.label },
    task.buyer && { label: 'Buyer', to: `/buyers/${task.buyer.id}`, text: task.buyer.label },
    task.offer && task.lead && { label: 'Offer', to: `/leads/${task.lead.id}`, text: task.offer.label },
    task.parentTask && { label: 'Follow-up of', to: `/tasks/${task.parentTask.id}`, text: task.parentTask.label },
  ].filter((link): link is { label: string; to: string; text: string } => Boolean(link));
  if (links.length === 0) return null;
  return (
    <dl className="facts task-links">
      {links.map((link) => (
        <div key={link.label}>
          <dt>{link.label}</dt>
          <dd>
            <Link to={link.to}>{link.text}</Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The eyebrow after "Tasks": what the task is about, linked: its lead (an offer's tasks carry theirs)
 * or its buyer, as a lead's page names its city there. A task about nothing has none, as a buyer's page.
 */
function taskCrumb(task: TaskDetail) {
  if (task.lead) return <Link to={`/leads/${task.lead.id}`}>{task.lead.label}</Link>;
  if (task.buyer) return <Link to={`/buyers/${task.buyer.id}`}>{task.buyer.label}</Link>;
  return undefined;
}

/** One task: what it is about, the moves this user may make, edits, notes, follow-ups and history. */
export function TaskDetailPage() {
  const { id = '' } = useParams();
  useRecentView('task', id);
  const nameOf = useUserName();
  const task = useQuery({ queryKey: taskDetailKey(id), queryFn: () => getTask(id) });
  const notice = useChangeNotice(task.data, nameOf);

  return (
    <DetailPage
      query={task}
      list={{ to: '/tasks', label: 'Tasks', noun: 'task' }}
      header={(data) => ({
        crumb: taskCrumb(data),
        title: data.title,
        status: data.status,
        badges: (
          <>
            <PriorityPill priority={data.priority} />
            {data.overdue && OPEN_TASK_STATUSES.includes(data.status) && <span className="overdue">Overdue</span>}
          </>
        ),
        subtitle: (
          <>
            {data.assignee ? `Assigned to ${data.assignee.label}` : 'Unassigned'} · due <span title={fullDate(data.dueAt)}>{timeAgo(data.dueAt)}</span>
            {data.requiresReview && ' · needs a supervisor’s approval'}
          </>
        ),
        workflowId: taskWorkflowId(data.id),
      })}
    >
      {(data) => (
        <>
          {notice.message && (
            <p className={`alert ${notice.message.tone === 'warning' ? 'alert-warning' : 'alert-info'} task-notice`} role="status">
              {notice.message.text}
              <button type="button" className="button button-secondary button-small" onClick={notice.dismiss}>
                OK
              </button>
            </p>
          )}

          <div className="detail-grid">
            <div className="stack">
              <section className="card" aria-labelledby="task-title">
                <header className="card-header">
                  <h2 id="task-title">Task</h2>
                </header>
                <TaskActionsBar task={data} acknowledge={notice.acknowledge} />
                <TaskEditControls task={data} acknowledge={notice.acknowledge} />
                <div className="card-body">
                  {data.description && <p style={{ whiteSpace: 'pre-wrap' }}>{data.description}</p>}
                  <RelatedLinks task={data} />
                  {data.buyer && data.title.startsWith('Send matching properties') && OPEN_TASK_STATUSES.includes(data.status) && (
                    <p>
                      <SendMatchesButton buyerId={data.buyer.id} taskId={data.id} />
                    </p>
                  )}
                  <p className="list-meta">
                    Created {fullDate(data.createdAt)}
                    {data.createdById && ` by ${nameOf(data.createdById)}`}
                    {data.completedAt && ` · completed ${fullDate(data.completedAt)}`}
                  </p>
                </div>
              </section>
              <FollowUpForm parent={data} />
            </div>
            <div className="stack">
              <NotesPanel subject={{ taskId: data.id }} />
              <HistoryTimeline entityType="task" id={data.id} />
            </div>
          </div>
        </>
      )}
    </DetailPage>
  );
}
