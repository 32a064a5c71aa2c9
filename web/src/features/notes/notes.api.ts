import { api } from '../../lib/api-client';

export interface Note {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export type NoteSubject = { leadId: string } | { buyerId: string } | { taskId: string };

export const listNotes = (subject: NoteSubject): Promise<{ items: Note[] }> => api.get(`/api/notes?${new URLSearchParams(subject).toString()}`);
/** A task's notes go through its workflow (an Update of `task-<id>`); others straight to the notes API. */
export const createNote = (subject: NoteSubject, body: string): Promise<Note> =>
  'taskId' in subject ? api.post(`/api/tasks/${encodeURIComponent(subject.taskId)}/notes`, { body }) : api.post('/api/notes', { ...subject, body });
