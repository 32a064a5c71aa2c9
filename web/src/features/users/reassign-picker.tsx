import { useUsers } from './use-users';

interface ReassignPickerProps {
  id: string;
  value: string;
  onChange: (userId: string) => void;
  onReassign: (userId: string) => void;
  pending: boolean;
  /** The current owner, not offered again. */
  excludeId?: string | null;
}

/** "Reassign to [active teammate] Reassign", for a lead's owner and for bulk moves of leads and tasks. */
export function ReassignPicker({ id, value, onChange, onReassign, pending, excludeId }: ReassignPickerProps) {
  const users = (useUsers().data?.items ?? []).filter((user) => user.active && user.id !== excludeId);
  return (
    <>
      <label className="field-label" htmlFor={id}>
        Reassign to
      </label>
      <select id={id} className="select-inline" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Choose…</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </select>
      <button type="button" className="button button-secondary button-small" disabled={!value || pending} onClick={() => onReassign(value)}>
        Reassign
      </button>
    </>
  );
}
