import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fullDate, timeSince } from '../../lib/format';
import { useSubmissionKey } from '../../lib/submission-key';
import { MentionBox } from './mention-box';
import { createNote, listNotes, type NoteSubject } from './notes.api';

/** Notes on a lead, buyer or task, newest as the server orders them, with a box to add one. */
export function NotesPanel({ subject }: { subject: NoteSubject }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string>();
  const notes = useQuery({ queryKey: ['notes', subject], queryFn: () => listNotes(subject) });
  const submission = useSubmissionKey();
  const add = useMutation({
    mutationFn: (text: string) => submission.send({ subject, text }, (key) => createNote(subject, text, key)),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: ['notes'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setProblem('Note is required');
      return;
    }
    setProblem(undefined);
    add.mutate(body.trim());
  };
  const items = notes.data?.items ?? [];

  return (
    <section className="card" aria-labelledby="notes-title">
      <header className="card-header">
        <h2 id="notes-title">Notes</h2>
      </header>
      <form className="inline-form" noValidate onSubmit={submit}>
        <div className={`field span-all${problem || add.isError ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="note-body">
            Note
          </label>
          <MentionBox id="note-body" value={body} onChange={setBody} invalid={Boolean(problem)} placeholder="Called, left a voicemail… (@ to mention a teammate)" />
          {(problem ?? (add.isError ? add.error.message : undefined)) && <span className="field-error">{problem ?? add.error?.message}</span>}
        </div>
        <div className="form-actions-row">
          <button className="button button-secondary button-small" type="submit" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add note'}
          </button>
        </div>
      </form>
      <ul className="list">
        {items.map((note) => (
          <li key={note.id}>
            <div className="list-main">
              <div style={{ whiteSpace: 'pre-wrap' }}>{note.body}</div>
              <div className="list-meta" title={fullDate(note.createdAt)}>
                {note.authorName} · {timeSince(note.createdAt)}
              </div>
            </div>
          </li>
        ))}
        {notes.isSuccess && items.length === 0 && <li className="empty">No notes yet.</li>}
      </ul>
    </section>
  );
}
