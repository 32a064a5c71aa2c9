import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { changePasswordInputSchema } from '../../../../domain/auth/session.schema';
import { PASSWORD_MIN_LENGTH } from '../../../../domain/auth/password-policy';
import { applyServerErrors } from '../../lib/apply-server-errors';
import { Field, FormActions } from '../../lib/field';
import { changePassword, SESSIONS_KEY } from './account.api';

type FormInput = z.input<typeof changePasswordInputSchema>;
type FormOutput = z.output<typeof changePasswordInputSchema>;
const FIELDS = ['currentPassword', 'newPassword'];

/** Change my password: the current one, then a new one under the same policy the server applies (it also checks a list of common passwords). */
export function ChangePasswordForm() {
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState, setError, reset } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(changePasswordInputSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const change = useMutation({
    mutationFn: (input: FormOutput) => changePassword(input),
    onSuccess: () => {
      reset();
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
    onError: (error) => applyServerErrors(error, FIELDS, setError),
  });
  const submit = handleSubmit((input) => change.mutate(input));

  return (
    <section className="card" aria-labelledby="password-title">
      <header className="card-header">
        <div>
          <h2 id="password-title">Password</h2>
          <p className="card-subtitle">Changing it signs you out everywhere else.</p>
        </div>
      </header>
      <form className="account-password-form" noValidate aria-label="Change password" onSubmit={(event) => void submit(event)}>
        <Field label="Current password" error={formState.errors.currentPassword?.message}>
          {(control) => <input {...control} {...register('currentPassword')} type="password" autoComplete="current-password" />}
        </Field>
        <Field label="New password" error={formState.errors.newPassword?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words work well.`}>
          {(control) => <input {...control} {...register('newPassword')} type="password" autoComplete="new-password" />}
        </Field>
        {change.isSuccess && (
          <p className="alert alert-success" role="status">
            Password changed. You are signed out everywhere else.
          </p>
        )}
        <FormActions submit="Change password" busy={change.isPending} error={change.error} fields={FIELDS} />
      </form>
    </section>
  );
}
