import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InviteLink, PendingInvite } from '../../../../domain/users/invite.schema';
import type { User } from '../../../../domain/users/user.schema';
import type { UserRole } from '../../../../domain/users/user-role';
import { USER_ROLES } from '../../../../domain/users/user-roles';
import { Options } from '../../lib/field';
import { optionLabel, timeSince } from '../../lib/format';
import { TableMessage } from '../../lib/list-table';
import { useMe } from '../auth/use-me';
import { useNow } from '../dashboard/use-now';
import { DeactivateDialog, describeDeactivation } from './deactivate-dialog';
import { InviteForm, InviteLinkBox } from './invite-form';
import { useUsers } from './use-users';
import { changeRole, INVITES_KEY, listPendingInvites, reactivateUser, renewInvite } from './users.api';
import './users.css';

type Status = 'ACTIVE' | 'INACTIVE' | 'INVITED' | 'INVITE_EXPIRED';

function statusOf(user: User, invite: PendingInvite | undefined, now: number): Status {
  if (user.active) return 'ACTIVE';
  if (!invite) return 'INACTIVE';
  return Date.parse(invite.expiresAt) > now ? 'INVITED' : 'INVITE_EXPIRED';
}

const STATUS_PILL: Record<Status, string> = { ACTIVE: 'ACTIVE', INACTIVE: 'INACTIVE', INVITED: 'OPEN', INVITE_EXPIRED: 'EXPIRED' };
const STATUS_TEXT: Record<Status, string> = { ACTIVE: 'Active', INACTIVE: 'Inactive', INVITED: 'Invited', INVITE_EXPIRED: 'Invite expired' };

function UserRow({ user, invite, isMe, now, onDeactivate, onLink, onProblem }: {
  user: User;
  now: number;
  invite: PendingInvite | undefined;
  isMe: boolean;
  onDeactivate: () => void;
  onLink: (link: InviteLink) => void;
  onProblem: (message: string | undefined) => void;
}) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['users'] });
  const handlers = { onSuccess: () => (onProblem(undefined), refresh()), onError: (error: Error) => onProblem(error.message) };
  const role = useMutation({ mutationFn: (next: UserRole) => changeRole(user.id, next), ...handlers });
  const reactivate = useMutation({ mutationFn: () => reactivateUser(user.id), ...handlers });
  const renew = useMutation({ mutationFn: () => renewInvite(user.id), onSuccess: (link) => (onProblem(undefined), refresh(), onLink(link)), onError: handlers.onError });
  const status = statusOf(user, invite, now);

  return (
    <tr data-testid={`user-${user.email}`}>
      <td data-label="Name">
        <div className="user-cell-name">
          {user.name}
          {isMe && <span className="pill">You</span>}
        </div>
        <div className="muted small">{user.email}</div>
      </td>
      <td data-label="Role">
        {isMe ? (
          optionLabel(user.role)
        ) : (
          <select className="inline-select" aria-label={`Role of ${user.name}`} value={user.role} disabled={role.isPending} onChange={(event) => role.mutate(event.target.value as UserRole)}>
            <Options values={USER_ROLES} label={optionLabel} />
          </select>
        )}
      </td>
      <td data-label="Status">
        <span className="status-pill-wrap" title={invite ? `Link valid until ${new Date(invite.expiresAt).toLocaleString()}` : undefined}>
          <span className={`status-pill status-${STATUS_PILL[status].toLowerCase()}`}>{STATUS_TEXT[status]}</span>
        </span>
      </td>
      <td data-label="Last sign-in">{user.lastSignInAt ? timeSince(user.lastSignInAt, now) : <span className="muted">Never</span>}</td>
      <td className="user-actions">
        {status === 'ACTIVE' && !isMe && (
          <button type="button" className="button button-danger button-small" onClick={onDeactivate}>
            Deactivate
          </button>
        )}
        {status === 'INACTIVE' && user.lastSignInAt !== null && (
          <button type="button" className="button button-secondary button-small" disabled={reactivate.isPending} onClick={() => reactivate.mutate()}>
            Reactivate
          </button>
        )}
        {(status === 'INVITED' || status === 'INVITE_EXPIRED' || (status === 'INACTIVE' && user.lastSignInAt === null)) && (
          <button type="button" className="button button-secondary button-small" disabled={renew.isPending} onClick={() => renew.mutate()}>
            New invite link
          </button>
        )}
        {status === 'INVITED' && (
          <button type="button" className="button button-danger button-small" onClick={onDeactivate}>
            Withdraw
          </button>
        )}
      </td>
    </tr>
  );
}

/** `/users` (admins): the team with role, status and last sign-in; invite, change role, deactivate, reactivate. */
export function UsersPage() {
  const me = useMe().data;
  const isAdmin = me?.role === 'ADMIN';
  const users = useUsers();
  const invites = useQuery({ queryKey: INVITES_KEY, queryFn: listPendingInvites, enabled: isAdmin });
  const now = useNow(60_000);
  const [inviting, setInviting] = useState(false);
  const [link, setLink] = useState<InviteLink>();
  const [leaving, setLeaving] = useState<User>();
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const rows = users.data?.items ?? [];
  const inviteOf = (userId: string) => invites.data?.items.find((invite) => invite.userId === userId);
  const nameOf = (id: string) => rows.find((user) => user.id === id)?.name ?? 'someone';

  if (!isAdmin) {
    return (
      <div className="page">
        <header className="page-header">
          <h1>Users</h1>
          <p className="page-subtitle">Only an admin can manage users.</p>
        </header>
      </div>
    );
  }

  return (
    <div className="page users-page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-eyebrow">Team</p>
          <h1>Users</h1>
        </div>
        {!inviting && !link && (
          <button type="button" className="button button-primary" onClick={() => (setInviting(true), setNotice(undefined))}>
            Invite user
          </button>
        )}
      </header>
      {(inviting || link) && (
        <section className="card" aria-labelledby="invite-title">
          <header className="card-header">
            <div>
              <h2 id="invite-title">Invite a user</h2>
              <p className="card-subtitle">They get a one-time link to set their password; the account stays inactive until then.</p>
            </div>
          </header>
          {link ? (
            <InviteLinkBox link={link} onDone={() => setLink(undefined)} />
          ) : (
            <InviteForm onInvited={(created) => (setInviting(false), setLink(created))} onCancel={() => setInviting(false)} />
          )}
        </section>
      )}
      {notice && (
        <p className="alert alert-success" role="status">
          <span>{notice}</span>
          <button type="button" className="button button-secondary button-small" onClick={() => setNotice(undefined)}>
            Dismiss
          </button>
        </p>
      )}
      {problem && (
        <p className="alert alert-error" role="alert">
          <span>{problem}</span>
          <button type="button" className="button button-secondary button-small" onClick={() => setProblem(undefined)}>
            Dismiss
          </button>
        </p>
      )}
      <section className="card" aria-label="Users">
        <div className="table-wrap">
          <table className="data-table users-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Status</th>
                <th>Last sign-in</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.isPending && <TableMessage columns={5}>Loading…</TableMessage>}
              {users.isError && <TableMessage columns={5}>{users.error.message}</TableMessage>}
              {rows.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  invite={inviteOf(user.id)}
                  isMe={user.id === me.id}
                  now={now}
                  onDeactivate={() => (setLeaving(user), setNotice(undefined))}
                  onLink={(created) => (setInviting(false), setLink(created))}
                  onProblem={setProblem}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {leaving && (
        <DeactivateDialog
          user={leaving}
          users={rows}
          onClose={() => setLeaving(undefined)}
          onDone={(result) => {
            setLeaving(undefined);
            setNotice(describeDeactivation(result, nameOf));
          }}
        />
      )}
    </div>
  );
}
