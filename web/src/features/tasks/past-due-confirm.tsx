import { fullDate } from '../../lib/format';

interface PastDueConfirmProps {
  /** What is being moved or created ("Call the title company"). */
  title: string;
  /** The past due date the user chose, ISO. */
  dueAt: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a task is moved to a date already gone: the API refuses it unless the request says
 * `allowPastDue: true`, and such a task is not flagged overdue for that date.
 */
export function PastDueConfirm({ title, dueAt, onConfirm, onCancel }: PastDueConfirmProps) {
  return (
    <div className="alert alert-warning" role="alertdialog" aria-label="Date in the past" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <span>
        {fullDate(dueAt)} is in the past. Move <strong>{title}</strong> there anyway? It will not be flagged overdue for it.
      </span>
      <span className="alert-actions">
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          Keep the date
        </button>
        <button type="button" className="button button-primary button-small" onClick={onConfirm} autoFocus>
          Move anyway
        </button>
      </span>
    </div>
  );
}
