import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Navigate, useLocation } from 'react-router';
import type { z } from 'zod';
import { loginInputSchema } from '../../../../domain/auth/login.schema';
import { Field } from '../../lib/field';
import { BrandMark } from '../layout/brand-mark';
import { useLogin, useMe } from './use-me';
import './login-page.css';

const DEMO_PASSWORD = 'flipstackk';
const DEMO_LOGINS = [
  { email: 'agent@flipstackk.test', role: 'Agent' },
  { email: 'acquisitions@flipstackk.test', role: 'Acquisitions' },
  { email: 'supervisor@flipstackk.test', role: 'Supervisor' },
  { email: 'admin@flipstackk.test', role: 'Admin' },
];

type LoginForm = z.input<typeof loginInputSchema>;

export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const { register, handleSubmit, setValue, formState } = useForm<LoginForm, unknown, z.output<typeof loginInputSchema>>({
    resolver: zodResolver(loginInputSchema),
    defaultValues: { email: '', password: '' },
  });

  if (me.data) return <Navigate to={from} replace />;

  // Success stores the user, and the redirect above takes over.
  const submit = handleSubmit((credentials) => login.mutate(credentials));
  const fillDemo = (email: string) => {
    setValue('email', email, { shouldValidate: formState.isSubmitted });
    setValue('password', DEMO_PASSWORD, { shouldValidate: formState.isSubmitted });
  };

  return (
    <main className="login">
      <section className="login-pitch" aria-hidden="true">
        <div className="brand brand-inverse">
          <BrandMark /> Flipstackk
        </div>
        <div>
          <h2 className="login-pitch-title">Never drop a lead again.</h2>
          <p className="login-pitch-text">
            Every lead, task and deadline runs as a durable workflow. Your team sees each change the moment it happens.
          </p>
        </div>
        <ul className="login-pitch-points">
          <li>Contact tasks within the hour, automatically</li>
          <li>Live dashboard and activity feed</li>
          <li>Follow-ups that repeat until the deal moves</li>
        </ul>
      </section>

      <section className="login-panel">
        <form className="login-form" noValidate onSubmit={(event) => void submit(event)}>
          <div className="brand login-brand-small">
            <BrandMark /> Flipstackk
          </div>
          <div>
            <h1>Sign in</h1>
            <p className="muted">Welcome back. Sign in to your wholesaling CRM.</p>
          </div>
          <Field label="Email" error={formState.errors.email?.message}>
            {(control) => <input {...control} {...register('email')} type="email" autoComplete="username" autoFocus />}
          </Field>
          <Field label="Password" error={formState.errors.password?.message}>
            {(control) => <input {...control} {...register('password')} type="password" autoComplete="current-password" />}
          </Field>
          {login.error && (
            <p className="alert alert-error" role="alert">
              {login.error.message}
            </p>
          )}
          <button className="button button-primary button-block" type="submit" disabled={login.isPending}>
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </button>

          <div className="demo-hint">
            <p>
              <strong>Demo accounts</strong> — password <code>{DEMO_PASSWORD}</code>
            </p>
            <ul>
              {DEMO_LOGINS.map(({ email, role }) => (
                <li key={email}>
                  <button type="button" className="demo-login" onClick={() => fillDemo(email)}>
                    <span>{email}</span>
                    <span className="demo-role">{role}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </form>
      </section>
    </main>
  );
}
