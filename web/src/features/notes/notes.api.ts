import { api } from '../../lib/api-client';

export interface Note {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export type NoteSubject = { leadId: string } | { buyerId: string };

export const listNotes = (subject: NoteSubject): Promise<{ items: Note[] }> => api.get(`/api/notes?${new URLSearchParams(subject).toString()}`);
export const createNote = (subject: NoteSubject, body: string): Promise<Note> => api.post('/api/notes', { ...subject, body });
