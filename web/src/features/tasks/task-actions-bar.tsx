import { useState, type FormEvent } from 'react';
import { TASK_ACTION_TARGETS } from '../../../../domain/tasks/task-actions';
import type { TaskAction } from '../../../../domain/tasks/task.schema';
import { transitionTask, type TaskDetail } from './tasks.api';
import { ACTION_LABELS } from './task-labels';
import { useTaskChange, type Acknowledge } from './use-task-change';

/** The moves this user may make on the task now, as the server lists them; a rejection asks for its reason. */
export function TaskActionsBar({ task, acknowledge }: { task: TaskDetail; acknowledge: Acknowledge }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const move = useTaskChange(
    task,
    ({ action, reason: why }: { action: TaskAction; reason?: string }) => transitionTask(task.id, action, why),
    (current, { action }) => ({ ...current, status: TASK_ACTION_TARGETS[action], allowedActions: [] }),
    acknowledge,
  );

  const submitRejection = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem('Reason is required');
      return;
    }
    setProblem(undefined);
    move.mutate({ action: 'reject', reason: reason.trim() }, { onSuccess: () => (setRejecting(false), setReason('')) });
  };

  if (task.allowedActions.length === 0 && !move.isError) return null;
  return (
    <>
      <div className="task-actions" role="group" aria-label="Task actions">
        {task.allowedActions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'cancel' ? 'button button-danger button-small' : action === 'reject' ? 'button button-secondary button-small' : 'button button-primary button-small'}
            disabled={move.isPending}
            onClick={() => (action === 'reject' ? setRejecting(true) : move.mutate({ action }))}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      {move.isError && (
        <p className="alert alert-error task-notice" role="alert">
          {move.error.message}
        </p>
      )}
      {rejecting && (
        <form className="inline-form" noValidate onSubmit={submitRejection} aria-label="Reject task">
          <div className={`field span-all${problem ? ' field-invalid' : ''}`}>
            <label className="field-label" htmlFor="reject-reason">
              Reason
            </label>
            <textarea id="reject-reason" value={reason} onChange={(event) => setReason(event.target.value)} aria-invalid={Boolean(problem)} placeholder="What needs to change" />
            {problem && <span className="field-error">{problem}</span>}
          </div>
          <div className="form-actions-row">
            <button type="button" className="button button-secondary button-small" onClick={() => setRejecting(false)}>
              Back
            </button>
            <button type="submit" className="button button-danger button-small" disabled={move.isPending}>
              Reject task
            </button>
          </div>
        </form>
      )}
    </>
  );
}
