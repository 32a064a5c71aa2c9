import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { TaskPriority } from '../../../../domain/tasks/task.schema';
import { TASK_PRIORITIES } from '../../../../domain/tasks/task-enums';
import { ApiError } from '../../lib/api-client';
import { Options } from '../../lib/field';
import { optionLabel } from '../../lib/format';
import { useSubmissionKey } from '../../lib/submission-key';
import { createFollowUp, type TaskDetail } from './tasks.api';
import { fromLocalInput, isPastDue, toLocalInput } from './task-labels';

/** "Create follow-up": a child task carrying over the lead, buyer and offer of this one. */
export function FollowUpForm({ parent }: { parent: TaskDetail }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [dueAt, setDueAt] = useState(() => toLocalInput(new Date(Date.now() + 86_400_000).toISOString()));
  const [priority, setPriority] = useState<TaskPriority>('MEDIUM');
  // A date already gone needs the "create anyway" box, as on the New task form.
  const [allowPastDue, setAllowPastDue] = useState(false);
  const dueInPast = isPastDue(fromLocalInput(dueAt));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submission = useSubmissionKey();
  const create = useMutation({
    mutationFn: () => {
      const input = { title: title.trim(), dueAt: fromLocalInput(dueAt) ?? '', priority, ...(dueInPast && { allowPastDue: true }) };
      return submission.send(input, (key) => createFollowUp(parent.id, input, key));
    },
    onSuccess: (task) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void navigate(`/tasks/${task.id}`);
    },
    onError: (error) => setProblems(error instanceof ApiError ? error.fields : {}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = 'is required';
    if (!fromLocalInput(dueAt)) found.dueAt = 'is required';
    else if (dueInPast && !allowPastDue) found.dueAt = 'is in the past: tick "Create anyway" to keep it';
    setProblems(found);
    if (Object.keys(found).length === 0) create.mutate();
  };

  return (
    <section className="card" aria-labelledby="follow-up-title">
      <header className="card-header">
        <h2 id="follow-up-title">Follow-up</h2>
        {!open && (
          <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
            Create follow-up
          </button>
        )}
      </header>
      {open && (
        <form className="task-form" noValidate onSubmit={submit} aria-label="Create follow-up">
          <div className={`field span-all${problems.title ? ' field-invalid' : ''}`}>
            <label className="field-label" htmlFor="follow-up-name">
              Follow-up title
            </label>
            <input id="follow-up-name" value={title} onChange={(event) => setTitle(event.target.value)} aria-invalid={Boolean(problems.title)} />
            {problems.title && <span className="field-error">Title {problems.title}</span>}
          </div>
          <div className={`field${problems.dueAt ? ' field-invalid' : ''}`}>
            <label className="field-label" htmlFor="follow-up-due">
              Follow-up due
            </label>
            <input id="follow-up-due" type="datetime-local" value={dueAt} onChange={(event) => setDueAt(event.target.value)} />
            {problems.dueAt && <span className="field-error">Due {problems.dueAt}</span>}
          </div>
          {dueInPast && (
            <label className="check">
              <input type="checkbox" checked={allowPastDue} onChange={(event) => setAllowPastDue(event.target.checked)} /> This date is in the past — create anyway?
            </label>
          )}
          <div className="field">
            <label className="field-label" htmlFor="follow-up-priority">
              Follow-up priority
            </label>
            <select id="follow-up-priority" value={priority} onChange={(event) => setPriority(event.target.value as TaskPriority)}>
              <Options values={TASK_PRIORITIES} label={optionLabel} />
            </select>
          </div>
          {create.isError && !Object.keys(problems).length && <p className="alert alert-error span-all">{create.error.message}</p>}
          <div className="form-actions-row span-all">
            <button type="button" className="button button-secondary button-small" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="button button-primary button-small" disabled={create.isPending}>
              Create follow-up
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
