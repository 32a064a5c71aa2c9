import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Deactivation } from '../../../../domain/users/user-admin.schema';
import type { User } from '../../../../domain/users/user.schema';
import { applyServerErrors } from '../../lib/apply-server-errors';
import { Field, FormActions } from '../../lib/field';
import { deactivateUser, getWorkload, workloadKey } from './users.api';

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
const FIELDS = ['leadsTo'] as const;

/** What deactivating did, in words, with what is left to do by hand. */
export function describeDeactivation(result: Deactivation, nameOf: (id: string) => string): string {
  const leads = result.movedLeadIds.length > 0 ? `${plural(result.movedLeadIds.length, 'open lead')} moved. ` : '';
  const tasks = result.reassignedTasks.length > 0 ? `${plural(result.reassignedTasks.length, 'open task')} reassigned (${[...new Set(result.reassignedTasks.map((task) => nameOf(task.assigneeId)))].join(', ')}). ` : '';
  const left =
    result.unassignedTasks.length > 0
      ? `${plural(result.unassignedTasks.length, 'task')} could not be reassigned (${result.unassignedTasks[0]!.reason}): Flipstackk keeps trying and moves them as soon as it can, or reassign them from Tasks.`
      : '';
  return `${result.user.name} is deactivated and signed out everywhere. ${leads}${tasks}${left}`.trim();
}

/**
 * Confirms deactivating `user`: shows what they hold, asks who takes their open leads (required
 * when there are any), and says where their tasks go. A native modal dialog keeps the focus inside.
 */
export function DeactivateDialog({ user, users, onClose, onDone }: { user: User; users: readonly User[]; onClose: () => void; onDone: (result: Deactivation) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const workload = useQuery({ queryKey: workloadKey(user.id), queryFn: () => getWorkload(user.id) });
  const openLeads = workload.data?.openLeads ?? 0;
  const heirs = users.filter((other) => other.active && other.id !== user.id);
  const schema = z.object({ leadsTo: z.string().refine((value) => openLeads === 0 || value !== '', 'is required: pick who takes their leads') });
  const { register, handleSubmit, formState, setError } = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { leadsTo: '' } });
  const deactivate = useMutation({
    mutationFn: ({ leadsTo }: { leadsTo: string }) => deactivateUser(user.id, leadsTo ? { leadsTo } : {}),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      onDone(result);
    },
    onError: (error) => applyServerErrors(error, FIELDS, setError),
  });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = handleSubmit((input) => deactivate.mutate(input));
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="deactivate-title" onCancel={onClose}>
      <form noValidate onSubmit={(event) => void submit(event)} className="dialog-body">
        <h2 id="deactivate-title">{user.active ? `Deactivate ${user.name}?` : `Withdraw ${user.name}’s invite?`}</h2>
        <p>
          {user.active
            ? 'They are signed out everywhere at once and can no longer sign in. You can reactivate them later.'
            : 'Their invite link stops working. You can send them a new link later.'}
        </p>
        {workload.isPending && <p className="muted">Counting their open work…</p>}
        {workload.isError && <p className="alert alert-error">{workload.error.message}</p>}
        {workload.data && (
          <p>
            {user.name} owns {plural(workload.data.openLeads, 'open lead')} and holds {plural(workload.data.openTasks, 'open task')}.
            {workload.data.openTasks > 0 && ' Each task goes to whoever its assignment rule names among active users: the lead’s owner, the offer’s creator, or the teammate with the least open work.'}
          </p>
        )}
        {openLeads > 0 && (
          <Field label="Move their open leads to" error={formState.errors.leadsTo?.message}>
            {(control) => (
              <select {...control} {...register('leadsTo')}>
                <option value="">Pick a teammate…</option>
                {heirs.map((heir) => (
                  <option key={heir.id} value={heir.id}>
                    {heir.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <FormActions submit={user.active ? 'Deactivate' : 'Withdraw invite'} busy={deactivate.isPending || workload.isPending} error={deactivate.error} fields={FIELDS} onCancel={onClose} />
      </form>
    </dialog>
  );
}
