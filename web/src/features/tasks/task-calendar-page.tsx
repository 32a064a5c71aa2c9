import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addDays, endOfMonth, endOfWeek, format, getDay, parse, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { useEffect, useMemo, useState } from 'react';
import { Calendar, dateFnsLocalizer, Views, type AgendaDateProps, type EventProps, type View } from 'react-big-calendar';
import withDragAndDrop, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import './task-calendar.css';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../../../domain/pagination';
import type { Task } from '../../../../domain/tasks/task.schema';
import { OPEN_TASK_STATUSES, TASK_PRIORITIES } from '../../../../domain/tasks/task-enums';
import type { TaskListItem } from '../../../../domain/tasks/task-subject';
import { isManagerRole } from '../../../../domain/users/user-roles';
import { useMe } from '../auth/use-me';
import { queryTasks, updateTask } from './tasks.api';
import { PastDueConfirm } from './past-due-confirm';
import { PriorityPill } from './priority-pill';
import { calendarSpan } from './calendar-span';
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
// The week view opens on working hours instead of midnight (only the time of day counts).
const WORKDAY_START = new Date(1970, 0, 1, 8);
// How long "Moved … Undo" stays on screen.
const UNDO_MS = 10_000;
// The list view's days from its first (react-big-calendar's agenda `length`).
const LIST_DAYS = 30;
// Where a month's cells are too narrow for a title, the calendar opens as the list (styles.css's phone width).
const NARROW_SCREEN = '(max-width: 800px)';
const LABELS = { agenda: 'List', event: 'Task', noEventsInRange: `No tasks due in these ${LIST_DAYS} days.` };
const FORMATS = {
  agendaHeaderFormat: ({ start, end }: { start: Date; end: Date }) => `${format(start, 'MMM d')} – ${format(end, 'MMM d, yyyy')}`,
  // A task is due at a moment: the list shows that time, not the hour its block fills in the week view.
  agendaTimeRangeFormat: ({ start }: { start: Date }) => format(start, 'h:mm a'),
};

interface Move {
  task: Task;
  from: string;
  to: string;
}

/** The visible range of a month (with its leading and trailing weeks), week or list view. */
function rangeOf(date: Date, view: View): { from: Date; to: Date } {
  if (view === Views.WEEK) return { from: startOfWeek(date), to: addDays(endOfWeek(date), 1) };
  if (view === Views.AGENDA) return { from: startOfDay(date), to: addDays(startOfDay(date), LIST_DAYS + 1) };
  return { from: startOfWeek(startOfMonth(date)), to: addDays(endOfWeek(endOfMonth(date)), 1) };
}

/** `/tasks/calendar`: tasks by due date, coloured by priority; drag one to move its due date (an Update of `task-<id>`). */
export function TaskCalendarPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const role = useMe().data?.role;
  const [date, setDate] = useState(() => new Date());
  const [view, setView] = useState<View>(() => (window.matchMedia(NARROW_SCREEN).matches ? Views.AGENDA : Views.MONTH));
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
        const about = task.subject ? ` · ${task.subject.label}` : '';
        return { task, title: `${task.overdue && OPEN_TASK_STATUSES.includes(task.status) ? '⚠ ' : ''}${task.title}${about}`, ...calendarSpan(new Date(task.dueAt)) };
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
          <p className="page-subtitle">
            {scope === 'team' ? "The team's tasks" : 'Your tasks'} by due date. {view === Views.AGENDA ? 'Open a task to change it.' : 'Drag a task to reschedule it.'}
          </p>
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
          {TASK_PRIORITIES.map((priority) => (
            <PriorityPill key={priority} priority={priority} />
          ))}
          <span>⚠ overdue</span>
        </div>
        <div className={view === Views.AGENDA ? 'calendar-wrap calendar-wrap-list' : 'calendar-wrap'} data-testid="task-calendar" aria-busy={tasks.isFetching}>
          <DragAndDropCalendar
            localizer={localizer}
            events={events}
            views={[Views.MONTH, Views.WEEK, Views.AGENDA]}
            length={LIST_DAYS}
            messages={LABELS}
            formats={FORMATS}
            components={{ agenda: { event: ListedTask, date: ListedDay } }}
            view={view}
            date={date}
            onView={setView}
            onNavigate={setDate}
            onEventDrop={onEventDrop}
            resizable={false}
            draggableAccessor={(event) => OPEN_TASK_STATUSES.includes(event.task.status)}
            onSelectEvent={(event) => void navigate(`/tasks/${event.task.id}`)}
            eventPropGetter={(event) => ({
              // The list shows the priority as a word beside the title (ListedTask), not as the row's colour.
              className: view === Views.AGENDA ? undefined : [PRIORITY_CLASS[event.task.priority], event.task.overdue && OPEN_TASK_STATUSES.includes(event.task.status) ? 'event-overdue' : ''].join(' '),
            })}
            scrollToTime={WORKDAY_START}
            popup
          />
        </div>
      </section>
    </div>
  );
}

/** A task in the list view: its title (⚠ first when overdue, a link to the task) and its priority. */
function ListedTask({ event }: EventProps<CalendarTask>) {
  const { task } = event;
  return (
    <span className="listed-task">
      {/* The cell around it opens the task too (onSelectEvent): one navigation, one history entry. */}
      <Link to={`/tasks/${task.id}`} onClick={(click) => click.stopPropagation()}>
        {event.title}
      </Link>
      <PriorityPill priority={task.priority} />
    </span>
  );
}

/** A day of the list view as two short lines ("Mon", "Dec 7"), leaving a phone's width to the titles. */
function ListedDay({ day }: AgendaDateProps) {
  return (
    <span className="listed-day">
      <span>{format(day, 'EEE')}</span>
      <span>{format(day, 'MMM d')}</span>
    </span>
  );
}
