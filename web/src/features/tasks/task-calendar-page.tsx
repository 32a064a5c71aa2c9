import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addDays, endOfMonth, endOfWeek, format, getDay, parse, startOfMonth, startOfWeek } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { useEffect, useMemo, useState } from 'react';
import { Calendar, dateFnsLocalizer, Views, type View } from 'react-big-calendar';
import withDragAndDrop, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import './task-calendar.css';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../../../domain/pagination';
import type { Task } from '../../../../domain/tasks/task.schema';
import { OPEN_TASK_STATUSES } from '../../../../domain/tasks/task-enums';
import type { TaskListItem } from '../../../../domain/tasks/task-subject';
import { isManagerRole } from '../../../../domain/users/user-roles';
import { useMe } from '../auth/use-me';
import { queryTasks, updateTask } from './tasks.api';
import { PastDueConfirm } from './past-due-confirm';
import { isPastDue, PRIORITY_CLASS } from './task-labels';
import { fullDate } from '../../lib/format';
import './tasks.css';

interface CalendarTask {
  task: TaskListItem;
  title: string;
  start: Date;
  end: Date;
}

const localizer = dateFnsLocalizer({ format, parse, startOfWeek, getDay, locales: { 'en-US': enUS } });
const DragAndDropCalendar = withDragAndDrop<CalendarTask>(Calendar);
const HOUR_MS = 3_600_000;
// The week view opens on working hours instead of midnight (only the time of day counts).
const WORKDAY_START = new Date(1970, 0, 1, 8);
// How long "Moved … Undo" stays on screen.
const UNDO_MS = 10_000;

interface Move {
  task: Task;
  from: string;
  to: string;
}

/** The visible range of a month (with its leading and trailing weeks) or week view. */
function rangeOf(date: Date, view: View): { from: Date; to: Date } {
  if (view === Views.WEEK) return { from: startOfWeek(date), to: addDays(endOfWeek(date), 1) };
  return { from: startOfWeek(startOfMonth(date)), to: addDays(endOfWeek(endOfMonth(date)), 1) };
}

/** `/tasks/calendar`: tasks by due date, coloured by priority; drag one to move its due date (an Update of `task-<id>`). */
export function TaskCalendarPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const role = useMe().data?.role;
  const [date, setDate] = useState(() => new Date());
  const [view, setView] = useState<View>(Views.MONTH);
  const [problem, setProblem] = useState<string>();
  // A drop on a date already gone waits for "Move anyway".
  const [pastDrop, setPastDrop] = useState<{ task: Task; dueAt: string }>();
  // The last drag, offered for undoing until the next one or UNDO_MS.
  const [lastMove, setLastMove] = useState<Move>();
  useEffect(() => {
    if (!lastMove) return undefined;
    const timer = setTimeout(() => setLastMove(undefined), UNDO_MS);
    return () => clearTimeout(timer);
  }, [lastMove]);
  const { from, to } = rangeOf(date, view);
  const scope = isManagerRole(role) ? 'team' : 'mine';
  const request = new URLSearchParams({ view: scope, dueFrom: from.toISOString(), dueTo: to.toISOString(), limit: '200', sort: 'dueAt' });
  const key = ['tasks', 'calendar', request.toString()];
  const tasks = useQuery({ queryKey: key, queryFn: () => queryTasks(request) });

  const events = useMemo<CalendarTask[]>(
    () =>
      (tasks.data?.items ?? []).map((task) => {
        const start = new Date(task.dueAt);
        const about = task.subject ? ` · ${task.subject.label}` : '';
        return { task, title: `${task.overdue && OPEN_TASK_STATUSES.includes(task.status) ? '⚠ ' : ''}${task.title}${about}`, start, end: new Date(start.getTime() + HOUR_MS) };
      }),
    [tasks.data],
  );

  const reschedule = useMutation({
    mutationKey: key,
    mutationFn: ({ task, dueAt, allowPastDue }: { task: Task; dueAt: string; allowPastDue?: true; undo?: true }) => updateTask(task.id, { dueAt, allowPastDue }),
    onMutate: async ({ task, dueAt }) => {
      setProblem(undefined);
      setLastMove(undefined);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Page<TaskListItem>>(key);
      queryClient.setQueryData<Page<TaskListItem>>(key, (page) => page && { ...page, items: page.items.map((item) => (item.id === task.id ? { ...item, dueAt, overdue: false } : item)) });
      return { previous };
    },
    onError: (error, { task }, context) => {
      queryClient.setQueryData(key, context?.previous);
      setProblem(`${task.title} was not moved: ${error.message}`);
    },
    onSuccess: (_saved, { task, dueAt, undo }) => {
      if (!undo) setLastMove({ task, from: task.dueAt, to: dueAt });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });

  const onEventDrop = ({ event, start }: EventInteractionArgs<CalendarTask>) => {
    const dueAt = new Date(start).toISOString();
    if (dueAt === event.task.dueAt) return;
    setPastDrop(undefined);
    if (isPastDue(dueAt)) setPastDrop({ task: event.task, dueAt });
    else reschedule.mutate({ task: event.task, dueAt });
  };

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-eyebrow">
            <Link to="/tasks">Tasks</Link> / Calendar
          </p>
          <h1>Task calendar</h1>
          <p className="page-subtitle">{scope === 'team' ? "The team's tasks" : 'Your tasks'} by due date. Drag a task to reschedule it.</p>
        </div>
      </header>
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      )}
      {pastDrop && (
        <PastDueConfirm
          title={pastDrop.task.title}
          dueAt={pastDrop.dueAt}
          onCancel={() => setPastDrop(undefined)}
          onConfirm={() => {
            reschedule.mutate({ ...pastDrop, allowPastDue: true });
            setPastDrop(undefined);
          }}
        />
      )}
      {tasks.isError && <p className="alert alert-error">{tasks.error.message}</p>}
      {lastMove && (
        <div className="undo-toast" role="status" data-testid="undo-toast">
          <span>
            Moved {lastMove.task.title} to {fullDate(lastMove.to)}
          </span>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              const { task, from, to: movedTo } = lastMove;
              // Back where it was, even when that time has passed since (an overdue task dragged ahead).
              reschedule.mutate({ task: { ...task, dueAt: movedTo }, dueAt: from, ...(isPastDue(from) ? { allowPastDue: true as const } : {}), undo: true });
            }}
          >
            Undo
          </button>
        </div>
      )}
      <section className="card">
        <div className="calendar-legend" aria-label="Legend">
          <span className="priority priority-high">High</span>
          <span className="priority priority-medium">Medium</span>
          <span className="priority priority-low">Low</span>
          <span>⚠ overdue</span>
        </div>
        <div className="calendar-wrap" data-testid="task-calendar" aria-busy={tasks.isFetching}>
          <DragAndDropCalendar
            localizer={localizer}
            events={events}
            views={[Views.MONTH, Views.WEEK]}
            view={view}
            date={date}
            onView={setView}
            onNavigate={setDate}
            onEventDrop={onEventDrop}
            resizable={false}
            draggableAccessor={(event) => OPEN_TASK_STATUSES.includes(event.task.status)}
            onSelectEvent={(event) => void navigate(`/tasks/${event.task.id}`)}
            eventPropGetter={(event) => ({
              className: [PRIORITY_CLASS[event.task.priority], event.task.overdue && OPEN_TASK_STATUSES.includes(event.task.status) ? 'event-overdue' : ''].join(' '),
            })}
            scrollToTime={WORKDAY_START}
            popup
          />
        </div>
      </section>
    </div>
  );
}
