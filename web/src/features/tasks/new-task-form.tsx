import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { createTaskInputSchema, type Task, type TaskType } from '../../../../domain/tasks/task.schema';
import { TASK_PRIORITIES, TASK_TYPES } from '../../../../domain/tasks/task-enums';
import { applyServerErrors, isFieldError } from '../../lib/apply-server-errors';
import { Field, SelectField } from '../../lib/field';
import { optionLabel } from '../../lib/format';
import { useUsers } from '../users/use-users';
import { useSubmissionKey } from '../../lib/submission-key';
import { createTask, suggestAssignee } from './tasks.api';
import { fromLocalInput, toLocalInput } from './task-labels';
import './tasks.css';

// The form edits a local date-time and an optional assignee; the shared schema checks the rest.
const formSchema = createTaskInputSchema
  .omit({ dueAt: true, assigneeId: true, leadId: true, buyerId: true, offerId: true })
  .extend({
    dueAt: z.string().refine((value) => fromLocalInput(value) !== undefined, 'is required'),
    assigneeId: z.string(),
  })
  // A date already gone needs the "create anyway" box: it is not flagged overdue for it.
  .refine((values) => values.allowPastDue === true || !isPast(values.dueAt), { message: 'is in the past: tick "Create anyway" to keep it', path: ['dueAt'] });
const isPast = (local: string): boolean => {
  const iso = fromLocalInput(local);
  return iso !== undefined && Date.parse(iso) < Date.now();
};
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
const FIELDS = ['title', 'description', 'type', 'priority', 'dueAt', 'assigneeId', 'requiresReview'] as const;
const CREATABLE_TYPES = TASK_TYPES.filter((type) => type !== 'SYSTEM');

export interface TaskContext {
  leadId?: string;
  buyerId?: string;
  offerId?: string;
}

/**
 * The new-task form: on the New task page and in the quick-create dialog of every page. Without
 * `onCancel`, Cancel goes back to the task list.
 */
export function NewTaskForm({ context = {}, onCreated, onCancel }: { context?: TaskContext; onCreated: (task: Task) => void; onCancel?: () => void }) {
  const queryClient = useQueryClient();
  const users = useUsers().data?.items.filter((user) => user.active) ?? [];
  const defaultType: TaskType = context.leadId ? 'LEAD' : context.buyerId ? 'BUYER' : context.offerId ? 'OFFER' : 'FOLLOW_UP';
  const [tomorrow] = useState(() => toLocalInput(new Date(Date.now() + 86_400_000).toISOString()));
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { title: '', description: '', type: defaultType, priority: 'MEDIUM', dueAt: tomorrow, assigneeId: '', requiresReview: false },
  });
  const type = useWatch({ control: form.control, name: 'type' });
  const dueInPast = isPast(useWatch({ control: form.control, name: 'dueAt' }) ?? '');
  const suggestion = useQuery({
    queryKey: ['tasks', 'suggest', type, context],
    queryFn: () => suggestAssignee(new URLSearchParams({ type: type ?? 'FOLLOW_UP', ...context })),
  });
  // The rules' choice is preselected until the user picks someone.
  const suggestedId = suggestion.data?.assignee?.id;
  useEffect(() => {
    if (suggestedId && !form.getFieldState('assigneeId').isDirty) form.setValue('assigneeId', suggestedId);
  }, [suggestedId, form]);

  const submission = useSubmissionKey();
  const create = useMutation({
    mutationFn: (values: FormOutput) => {
      const task = {
        ...values,
        description: values.description || undefined,
        dueAt: fromLocalInput(values.dueAt)!,
        assigneeId: values.assigneeId || undefined,
        ...context,
      };
      return submission.send(task, (key) => createTask(task, key));
    },
    onSuccess: (task) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      onCreated(task);
    },
    onError: (error) => applyServerErrors(error, FIELDS, form.setError),
  });
  const errors = form.formState.errors;

  return (
      <form className="task-form" noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))} aria-label="New task">
        <Field label="Title" error={errors.title?.message} className="span-all">
          {(control) => <input {...control} {...form.register('title')} />}
        </Field>
        <Field label="Description" error={errors.description?.message} className="span-all">
          {(control) => <textarea {...control} {...form.register('description')} />}
        </Field>
        <SelectField label="Type" error={errors.type?.message} values={CREATABLE_TYPES} optionText={optionLabel} {...form.register('type')} />
        <SelectField label="Priority" error={errors.priority?.message} values={TASK_PRIORITIES} optionText={optionLabel} {...form.register('priority')} />
        <Field label="Due" error={errors.dueAt?.message}>
          {(control) => <input type="datetime-local" {...control} {...form.register('dueAt')} />}
        </Field>
        {dueInPast && (
          <label className="check">
            <input type="checkbox" {...form.register('allowPastDue')} /> This date is in the past — create anyway?
          </label>
        )}
        <Field label="Assignee" error={errors.assigneeId?.message} hint={suggestion.data ? `Suggested: ${suggestion.data.assignee?.name ?? 'nobody'} (${suggestion.data.rule})` : undefined}>
          {(control) => (
            <select {...control} {...form.register('assigneeId')}>
              <option value="">By the assignment rules</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="field field-check span-all">
          <input type="checkbox" {...form.register('requiresReview')} /> Requires a supervisor's review
        </label>
        {create.isError && !isFieldError(create.error, FIELDS) && <p className="alert alert-error span-all">{create.error.message}</p>}
        <div className="form-actions-row span-all">
          {onCancel ? (
            <button type="button" className="button button-secondary" onClick={onCancel}>
              Cancel
            </button>
          ) : (
            <Link className="button button-secondary" to="/tasks">
              Cancel
            </Link>
          )}
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create task'}
          </button>
        </div>
      </form>
  );
}
