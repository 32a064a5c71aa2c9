import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fullDate, timeAgo } from '../../lib/format';
import { ListTable } from '../../lib/list-table';
import { listSessions, revokeSession, SESSIONS_KEY, type SessionItem } from './account.api';
import { describeUserAgent } from './describe-user-agent';

function SessionRow({ session }: { session: SessionItem }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeSession(session.id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
  const where = describeUserAgent(session.userAgent);
  return (
    <tr>
      <td className="cell-title">
        <strong>{where}</strong>
        {session.current && <span className="pill account-current">This browser</span>}
        <div className="muted small">{session.ip ?? 'Unknown address'}</div>
      </td>
      <td data-label="Signed in" title={fullDate(session.createdAt)}>
        {fullDate(session.createdAt)}
      </td>
      <td data-label="Last active" title={fullDate(session.lastSeenAt)}>
        {session.current ? 'Now' : timeAgo(session.lastSeenAt)}
      </td>
      <td className="num">
        {!session.current && (
          <button type="button" className="button button-secondary button-small" disabled={revoke.isPending} onClick={() => revoke.mutate()} aria-label={`Sign out ${where}, signed in ${fullDate(session.createdAt)}`}>
            {revoke.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        )}
        {revoke.isError && (
          <span className="alert alert-error" role="alert">
            {revoke.error.message}
          </span>
        )}
      </td>
    </tr>
  );
}

/** "Where you're signed in": each live session, this one marked; the others can be signed out from here. */
export function SessionsList() {
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: listSessions });
  return (
    <section className="card" aria-labelledby="sessions-title">
      <header className="card-header">
        <div>
          <h2 id="sessions-title">Where you’re signed in</h2>
          <p className="card-subtitle">A sign-in ends after 30 minutes without activity, or 12 hours after it began. Sign out anywhere you do not recognise, then change your password.</p>
        </div>
      </header>
      {sessions.isPending && <p className="muted card-body">Loading…</p>}
      {sessions.isError && <p className="alert alert-error">{sessions.error.message}</p>}
      {sessions.data && (
        <ListTable aria-label="Where you’re signed in">
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col" className="num">
                <span className="account-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.items.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </tbody>
        </ListTable>
      )}
    </section>
  );
}
