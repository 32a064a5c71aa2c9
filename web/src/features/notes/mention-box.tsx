import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { mentionHandleOf, mentionQueryAt, suggestMentions } from '../../../../domain/notes/mention-suggestions';
import { useUsers } from '../users/use-users';

interface MentionBoxProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  invalid?: boolean;
}

/** A note's text box: typing `@` offers teammates (arrow keys and Enter or Tab, or a click) and writes the handle that notifies them. */
export function MentionBox({ id, value, onChange, placeholder, invalid }: MentionBoxProps) {
  const team = (useUsers().data?.items ?? []).filter((user) => user.active);
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [highlighted, setHighlighted] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  // Where the caret goes once a picked handle is in the box. Setting a textarea's value puts the
  // caret at its end, so it is put back as the new value renders, before the next keystroke is
  // handled: put back a frame later, it moved letters typed meanwhile behind the caret.
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfterPick.current === null) return;
    box.current?.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  }, [value]);
  const mention = mentionQueryAt(value, caret);
  const suggestions = mention && !dismissed ? suggestMentions(mention.query, team) : [];
  const open = suggestions.length > 0;

  const pick = (index: number) => {
    const user = suggestions[index];
    if (!user || !mention) return;
    const inserted = `@${mentionHandleOf(user, team)} `;
    const next = value.slice(0, mention.start) + inserted + value.slice(caret);
    const at = mention.start + inserted.length;
    caretAfterPick.current = at;
    onChange(next);
    setCaret(at);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted((current) => (current + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(Math.min(highlighted, suggestions.length - 1));
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      setDismissed(true);
    }
  };

  return (
    <div className="mention-box">
      <textarea
        id={id}
        ref={box}
        value={value}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-expanded={open}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setHighlighted(0);
          setDismissed(false);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul className="mention-suggestions" id={listId} role="listbox" aria-label="Mention a teammate">
          {suggestions.map((user, index) => (
            <li key={user.id} role="option" aria-selected={index === highlighted}>
              <button type="button" tabIndex={-1} onMouseDown={(event) => event.preventDefault()} onClick={() => pick(index)}>
                {user.name} <span className="muted small">@{mentionHandleOf(user, team)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
