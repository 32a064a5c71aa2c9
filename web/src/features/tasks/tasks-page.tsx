import { ReassignPicker } from '../users/reassign-picker';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { TASK_DUE_FILTERS, TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES } from '../../../../domain/tasks/task-enums';
import { FilterSelect, FilterSheet } from '../../lib/filter-fields';
import { ListTable, TableMessage } from '../../lib/list-table';
import { useCursorList } from '../../lib/use-cursor-list';
import { fullDate, optionLabel } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { useMe } from '../auth/use-me';
import { useUserName, useUsers } from '../users/use-users';
import { bulkTasks, queryTaskPage, subjectPath, TASK_LIST_FILTERS as FILTERS, emptyTaskListText, taskListView, type BulkTaskResult, type TaskView as View } from './tasks.api';
import { describeDue } from './describe-due';
import { PriorityPill } from './priority-pill';
import { ExportCsvLink } from '../../lib/export-csv-link';
import './tasks.css';

const SORTS = [
  ['dueAt', 'Due date (soonest)'],
  ['-dueAt', 'Due date (latest)'],
  ['priority', 'Priority (high first)'],
  ['-createdAt', 'Newest'],
] as const;
const DUE_LABELS: Record<(typeof TASK_DUE_FILTERS)[number], string> = { overdue: 'Overdue', today: 'Due today', week: 'Due this week' };

function summarise(result: BulkTaskResult): string {
  const failed = result.results.filter((row) => !row.ok);
  const done = result.results.length - failed.length;
  return [`${done} of ${result.results.length} updated.`, ...failed.map((row) => `${row.id}: ${row.error}`)].join(' ');
}

/** The team's work: my tasks, everyone's, or the supervisor's review queue, with filters in the URL and bulk actions. */
export function TasksPage() {
  const me = useMe().data;
  const users = useUsers().data?.items ?? [];
  const nameOf = useUserName();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const isSupervisor = me?.role === 'SUPERVISOR';
  const { view, sort, request } = taskListView(params);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkAssignee, setBulkAssignee] = useState('');
  const [bulkMessage, setBulkMessage] = useState<string>();

  const { list: tasks, rows } = useCursorList('tasks', request, queryTaskPage);

  const bulk = useMutation({
    mutationFn: ({ action }: { action: 'reassign' | 'complete' | 'cancel' }) => bulkTasks([...selected], action, action === 'reassign' ? bulkAssignee : undefined),
    onSuccess: (result) => {
      setBulkMessage(summarise(result));
      setSelected(new Set());
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (error) => setBulkMessage(error.message),
  });

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
    setSelected(new Set());
  };
  const toggle = (id: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  const activeFilters = FILTERS.filter((name) => params.get(name)).length;
  const filter = (name: (typeof FILTERS)[number]) => ({ id: `task-filter-${name}`, value: params.get(name) ?? '', onChange: (value: string) => set(name, value) });
  const tabs: Array<[View, string]> = [['mine', 'My tasks'], ['team', 'Team'], ...(isSupervisor ? [['review', 'Review queue'] as [View, string]] : [])];

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>Tasks</h1>
          <p className="page-subtitle">Your day's work, the team's, and what waits for review. Updates live.</p>
        </div>
        <div className="header-actions">
          <ExportCsvLink path="/api/tasks/export.csv" request={request} />
          <Link className="button button-secondary" to="/tasks/calendar">
            Calendar
          </Link>
          <Link className="button button-primary" to="/tasks/new">
            New task
          </Link>
        </div>
      </header>

      <div className="tabs" role="tablist" aria-label="Task lists">
        {tabs.map(([value, label]) => (
          <button key={value} type="button" role="tab" aria-selected={view === value} className={view === value ? 'tab tab-active' : 'tab'} onClick={() => set('view', value === 'mine' ? '' : value)}>
            {label}
          </button>
        ))}
      </div>

      <section className="card">
        <FilterSheet active={activeFilters}>
          <div className="toolbar">
            <FilterSelect label="Status" choices={TASK_STATUSES.map((status) => [status, optionLabel(status)])} {...filter('status')} />
            <FilterSelect label="Priority" choices={TASK_PRIORITIES.map((priority) => [priority, optionLabel(priority)])} {...filter('priority')} />
            <FilterSelect label="Type" choices={TASK_TYPES.map((type) => [type, optionLabel(type)])} {...filter('type')} />
            {view !== 'mine' && <FilterSelect label="Assignee" choices={users.map((user) => [user.id, user.name])} {...filter('assigneeId')} />}
            <FilterSelect label="Due" choices={TASK_DUE_FILTERS.map((due) => [due, DUE_LABELS[due]])} {...filter('due')} />
            <FilterSelect id="task-sort" label="Sort" any={false} wide choices={SORTS} value={sort} onChange={(value) => set('sort', value === 'dueAt' ? '' : value)} />
          </div>
        </FilterSheet>

        {selected.size > 0 && (
          <div className="bulk-bar" role="region" aria-label="Bulk actions">
            <span>{selected.size} selected</span>
            <button type="button" className="button button-secondary button-small" disabled={bulk.isPending} onClick={() => bulk.mutate({ action: 'complete' })}>
              Complete selected
            </button>
            <button type="button" className="button button-danger button-small" disabled={bulk.isPending} onClick={() => bulk.mutate({ action: 'cancel' })}>
              Cancel selected
            </button>
            <ReassignPicker id="bulk-assignee" value={bulkAssignee} onChange={setBulkAssignee} onReassign={() => bulk.mutate({ action: 'reassign' })} pending={bulk.isPending} />
          </div>
        )}
        {bulkMessage && (
          <p className="alert alert-success bulk-message" role="status">
            {bulkMessage}
          </p>
        )}
        {tasks.isError && <p className="alert alert-error">{tasks.error.message}</p>}

        <ListTable aria-label="Tasks">
          <thead>
            <tr>
              <th>
                {rows.length > 0 && (
                  <label className="select-cell">
                    <input type="checkbox" aria-label="Select all" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))} />
                    <span className="select-all-text" aria-hidden="true">
                      Select all
                    </span>
                  </label>
                )}
              </th>
              <th>Task</th>
              <th>Priority</th>
              <th>Status</th>
              <th>Assignee</th>
              <th>Due</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((task) => (
              <tr key={task.id} className={task.overdue ? 'row-overdue' : undefined}>
                <td className="cell-select">
                  <label className="select-cell">
                    <input type="checkbox" aria-label={`Select ${task.title}`} checked={selected.has(task.id)} onChange={() => toggle(task.id)} />
                  </label>
                </td>
                <td className="cell-title">
                  <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                  <div className="list-meta">
                    {task.subject ? (
                      <Link className="task-subject" to={subjectPath(task.subject)}>
                        {task.subject.label}
                      </Link>
                    ) : (
                      optionLabel(task.type)
                    )}
                  </div>
                </td>
                <td data-label="Priority">
                  <PriorityPill priority={task.priority} />
                </td>
                <td data-label="Status">
                  <StatusPill status={task.status} />
                </td>
                <td data-label="Assignee">{nameOf(task.assigneeId)}</td>
                <td data-label="Due" title={fullDate(task.dueAt)} className={task.overdue ? 'overdue' : undefined}>
                  {describeDue(task)}
                </td>
              </tr>
            ))}
            {tasks.isSuccess && rows.length === 0 && <TableMessage columns={6}>{emptyTaskListText(view, activeFilters > 0)}</TableMessage>}
          </tbody>
        </ListTable>
        {tasks.hasNextPage && (
          <footer className="card-footer">
            <button type="button" className="button button-secondary button-small" disabled={tasks.isFetchingNextPage} onClick={() => void tasks.fetchNextPage()}>
              Load more
            </button>
          </footer>
        )}
      </section>
    </div>
  );
}
