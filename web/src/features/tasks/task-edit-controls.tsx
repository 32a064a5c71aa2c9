import { useState } from 'react';
import { type TaskPriority, type UpdateTaskInput } from '../../../../domain/tasks/task.schema';
import { OPEN_TASK_STATUSES, TASK_PRIORITIES } from '../../../../domain/tasks/task-enums';
import { Options } from '../../lib/field';
import { optionLabel } from '../../lib/format';
import { useDeniedReason } from '../auth/use-denied-reason';
import { useUsers } from '../users/use-users';
import { updateTask, type TaskDetail } from './tasks.api';
import { PastDueConfirm } from './past-due-confirm';
import { fromLocalInput, isPastDue, toLocalInput } from './task-labels';
import { useTaskChange, type Acknowledge } from './use-task-change';

/** Reassign, reschedule and reprioritise; each change is saved at once (optimistic, rolled back when refused). */
export function TaskEditControls({ task, acknowledge }: { task: TaskDetail; acknowledge: Acknowledge }) {
  const users = useUsers().data?.items ?? [];
  const edit = useTaskChange(task, (change: UpdateTaskInput) => updateTask(task.id, change), (current, { allowPastDue: _confirmed, ...change }) => ({ ...current, ...change }), acknowledge);
  const denied = useDeniedReason();
  const subject = { type: 'task', assigneeId: task.assigneeId, createdById: task.createdById } as const;
  const reassignDenied = denied('changeOwner', subject);
  const changeDenied = denied('update', subject);
  // A due date already gone waits for "Move anyway" before it is sent with allowPastDue.
  const [pastDueAt, setPastDueAt] = useState<string>();
  const [kept, setKept] = useState(0);
  if (!OPEN_TASK_STATUSES.includes(task.status)) return null;

  return (
    <>
      <div className="task-edit">
        <div className="field">
          <label className="field-label" htmlFor="task-assignee">
            Assignee
          </label>
          <select
            id="task-assignee"
            value={task.assigneeId ?? ''}
            disabled={edit.isPending || reassignDenied !== undefined}
            title={reassignDenied}
            onChange={(event) => event.target.value && edit.mutate({ assigneeId: event.target.value })}>
            {!task.assigneeId && <option value="">Unassigned</option>}
            {users
              .filter((user) => user.active || user.id === task.assigneeId)
              .map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="task-due">
            Due
          </label>
          <input
            id="task-due"
            type="datetime-local"
            defaultValue={toLocalInput(task.dueAt)}
            key={`${task.dueAt}-${kept}`}
            disabled={edit.isPending || changeDenied !== undefined}
            title={changeDenied}
            onBlur={(event) => {
              const dueAt = fromLocalInput(event.target.value);
              if (!dueAt || dueAt === task.dueAt) return;
              if (isPastDue(dueAt)) setPastDueAt(dueAt);
              else edit.mutate({ dueAt });
            }}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="task-priority">
            Priority
          </label>
          <select
            id="task-priority"
            value={task.priority}
            disabled={edit.isPending || changeDenied !== undefined}
            title={changeDenied}
            onChange={(event) => edit.mutate({ priority: event.target.value as TaskPriority })}>
            <Options values={TASK_PRIORITIES} label={optionLabel} />
          </select>
        </div>
      </div>
      {pastDueAt && (
        <PastDueConfirm
          title={task.title}
          dueAt={pastDueAt}
          onCancel={() => {
            setPastDueAt(undefined);
            setKept((count) => count + 1);
          }}
          onConfirm={() => {
            edit.mutate({ dueAt: pastDueAt, allowPastDue: true });
            setPastDueAt(undefined);
          }}
        />
      )}
      {edit.isError && (
        <p className="alert alert-error task-notice" role="alert">
          Not saved: {edit.error.message}
        </p>
      )}
    </>
  );
}
