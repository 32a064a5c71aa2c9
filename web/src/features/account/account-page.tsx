import { useMe } from '../auth/use-me';
import { ChangePasswordForm } from './change-password-form';
import { SessionsList } from './sessions-list';
import './account.css';

/** `/account`: my password and where I am signed in. */
export function AccountPage() {
  const me = useMe().data;
  return (
    <div className="page account-page">
      <header className="page-header">
        <h1>Account</h1>
        {me && <p className="page-subtitle">{me.email}</p>}
      </header>
      <SessionsList />
      <ChangePasswordForm />
    </div>
  );
}
