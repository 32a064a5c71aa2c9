import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { BrandMark } from '../layout/brand-mark';
import { getUnsubscribe, unsubscribe } from './email.api';
import '../auth/login-page.css';
import './email.css';

/** `/unsubscribe/:token` (public, from a buyer's e-mail): asks first, since mail scanners open links. */
export function UnsubscribePage() {
  const token = useParams().token ?? '';
  const preview = useQuery({ queryKey: ['unsubscribe', token], queryFn: () => getUnsubscribe(token), retry: false });
  const stop = useMutation({ mutationFn: () => unsubscribe(token) });
  const done = stop.isSuccess || preview.data?.unsubscribed === true;
  return (
    <main className="login">
      <section className="login-panel">
        <div className="login-form unsubscribe-panel">
          <div className="brand login-brand-small">
            <BrandMark /> Flipstackk
          </div>
          {preview.isPending && <p className="muted">Checking your link…</p>}
          {preview.isError && (
            <>
              <h1>This link does not work</h1>
              <p className="alert alert-error" role="alert">
                {preview.error.message}
              </p>
            </>
          )}
          {preview.data && done && (
            <>
              <h1>You are unsubscribed</h1>
              <p role="status">We will not e-mail properties to {preview.data.email} again.</p>
            </>
          )}
          {preview.data && !done && (
            <>
              <h1>Unsubscribe {preview.data.email}?</h1>
              <p className="muted">You will no longer receive matching properties from us by e-mail.</p>
              <button type="button" className="button button-primary" disabled={stop.isPending} onClick={() => stop.mutate()}>
                {stop.isPending ? 'Unsubscribing…' : 'Unsubscribe'}
              </button>
              {stop.isError && (
                <p className="alert alert-error" role="alert">
                  {stop.error.message}
                </p>
              )}
            </>
          )}
        </div>
      </section>
    </main>
  );
}
