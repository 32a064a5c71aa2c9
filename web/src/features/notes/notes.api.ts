import type { Note } from '../../../../domain/notes/note.schema';
import type { List } from '../../../../domain/pagination';
import { api } from '../../lib/api-client';

export type { Note };

export type NoteSubject = { leadId: string } | { buyerId: string } | { taskId: string };

export const listNotes = (subject: NoteSubject): Promise<List<Note>> => api.get(`/api/notes?${new URLSearchParams(subject).toString()}`);
/** A task's notes go through its workflow (an Update of `task-<id>`); others straight to the notes API. */
export const createNote = (subject: NoteSubject, body: string, idempotencyKey: string): Promise<Note> =>
  'taskId' in subject
    ? api.create(`/api/tasks/${encodeURIComponent(subject.taskId)}/notes`, { body }, idempotencyKey)
    : api.create('/api/notes', { ...subject, body }, idempotencyKey);
