import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { acceptInviteInputSchema } from '../../../../domain/users/invite.schema';
import { applyServerErrors } from '../../lib/apply-server-errors';
import { Field } from '../../lib/field';
import { fullDate, optionLabel } from '../../lib/format';
import { ME_KEY } from '../auth/use-me';
import { BrandMark } from '../layout/brand-mark';
import { acceptInvite, getInvite } from './users.api';
import '../auth/login-page.css';

// The same password rule as the server, plus a second entry to catch a typo.
const formSchema = acceptInviteInputSchema.extend({ confirm: z.string() }).refine((form) => form.confirm === form.password, { path: ['confirm'], message: 'does not match the password' });
type Form = z.infer<typeof formSchema>;

/** `/invite/:token` (public): who the link invites; setting a password activates the account and signs in. */
export function InviteAcceptPage() {
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invite = useQuery({ queryKey: ['invite', token], queryFn: () => getInvite(token), retry: false });
  const { register, handleSubmit, formState, setError } = useForm<Form>({ resolver: zodResolver(formSchema), defaultValues: { password: '', confirm: '' } });
  const accept = useMutation({
    mutationFn: ({ password }: Form) => acceptInvite(token, { password }),
    onSuccess: (user) => {
      // A fresh session: nothing cached for anyone else may show.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, user);
      void navigate('/', { replace: true });
    },
    onError: (error) => applyServerErrors(error, ['password'], setError),
  });
  const submit = handleSubmit((form) => accept.mutate(form));

  return (
    <main className="login">
      <section className="login-pitch" aria-hidden="true">
        <div className="brand brand-inverse">
          <BrandMark /> Flipstackk
        </div>
        <div>
          <h2 className="login-pitch-title">Welcome to the team.</h2>
          <p className="login-pitch-text">Set your password and you are in: your leads, tasks and deadlines are waiting.</p>
        </div>
        <span />
      </section>
      <section className="login-panel">
        <form className="login-form" noValidate aria-label="Accept your invite" onSubmit={(event) => void submit(event)}>
          <div className="brand login-brand-small">
            <BrandMark /> Flipstackk
          </div>
          {invite.isPending && <p className="muted">Checking your invite link…</p>}
          {invite.isError && (
            <>
              <h1>This link does not work</h1>
              <p className="alert alert-error" role="alert">
                {invite.error.message}
              </p>
              <Link to="/login">Go to sign in</Link>
            </>
          )}
          {invite.data && (
            <>
              <div>
                <h1>Welcome, {invite.data.name}</h1>
                <p className="muted">
                  Set a password to join Flipstackk as {optionLabel(invite.data.role)} with <strong>{invite.data.email}</strong>. This link works once, until{' '}
                  {fullDate(invite.data.expiresAt)}.
                </p>
              </div>
              <Field label="Password" error={formState.errors.password?.message} hint="At least 12 characters">
                {(control) => <input {...control} {...register('password')} type="password" autoComplete="new-password" autoFocus />}
              </Field>
              <Field label="Repeat the password" error={formState.errors.confirm?.message}>
                {(control) => <input {...control} {...register('confirm')} type="password" autoComplete="new-password" />}
              </Field>
              {accept.isError && !('password' in formState.errors) && (
                <p className="alert alert-error" role="alert">
                  {accept.error.message}
                </p>
              )}
              <button className="button button-primary button-block" type="submit" disabled={accept.isPending}>
                {accept.isPending ? 'Setting up…' : 'Set password and sign in'}
              </button>
            </>
          )}
        </form>
      </section>
    </main>
  );
}
