import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin, useMe } from './use-me';

const DEMO_LOGINS = ['agent', 'acquisitions', 'supervisor', 'admin'].map((role) => `${role}@flipstackk.test`);

export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me.data) return <Navigate to={from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: () => void navigate(from, { replace: true }) });
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit}>
        <div className="brand brand-large">
          <span className="brand-mark">F</span> Flipstackk
        </div>
        <p className="muted">Sign in to your wholesaling CRM.</p>
        <label className="field">
          <span>Email</span>
          <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {login.error && (
          <p className="form-error" role="alert">
            {login.error.message}
          </p>
        )}
        <button className="button button-primary" type="submit" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <div className="demo-hint">
          <strong>Demo logins</strong> (password <code>flipstackk</code>)
          <ul>
            {DEMO_LOGINS.map((demo) => (
              <li key={demo}>
                <button type="button" className="link-button" onClick={() => { setEmail(demo); setPassword('flipstackk'); }}>
                  {demo}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </form>
    </main>
  );
}
