import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { getCalendarLink, resetCalendarLink } from './account.api';
import './calendar-link-items.css';

/** Puts `url` on the clipboard; false where the page may not (plain http off localhost). */
async function copied(url: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * The user menu's "Copy calendar link" and "Reset link": my open tasks as a feed a calendar app
 * subscribes to. The link is shown too, for where the clipboard is not allowed.
 */
export function CalendarLinkItems() {
  const [shown, setShown] = useState<{ url: string; message: string }>();
  const reveal = async ({ url }: { url: string }, done: string) => setShown({ url, message: (await copied(url)) ? done : 'Copy this link:' });
  const copy = useMutation({ mutationFn: getCalendarLink, onSuccess: (link) => reveal(link, 'Calendar link copied. Add it to your calendar app as a subscription.') });
  const reset = useMutation({ mutationFn: resetCalendarLink, onSuccess: (link) => reveal(link, 'New link copied. The old one no longer works.') });
  const error = copy.error ?? reset.error;
  const confirmReset = () => {
    if (window.confirm('Reset your calendar link? Calendars subscribed to the old link stop updating.')) reset.mutate();
  };

  return (
    <>
      <button type="button" role="menuitem" className="menu-item" disabled={copy.isPending} onClick={() => copy.mutate()}>
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path d="M4 6h12v10H4zM4 9h12M7 4v3m6-3v3" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Copy calendar link
      </button>
      <button type="button" role="menuitem" className="menu-item" disabled={reset.isPending} onClick={confirmReset}>
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path d="M4 10a6 6 0 1 0 2-4.5M4 4v3h3" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Reset link
      </button>
      {shown && (
        <div className="calendar-link" role="status">
          <p className="muted small">{shown.message}</p>
          <input className="input" readOnly value={shown.url} aria-label="Calendar link" onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
      {error && (
        <p className="alert alert-error small" role="alert">
          {error.message}
        </p>
      )}
    </>
  );
}
