import { api } from '../../lib/api-client';

export interface TaskItem {
  id: string;
  title: string;
  type: string;
  priority: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  assigneeId: string | null;
}

/** What a task list is about: a lead or a buyer. */
export type TaskSubject = { leadId: string } | { buyerId: string };

export const listTasks = (subject: TaskSubject): Promise<{ items: TaskItem[] }> => api.get(`/api/tasks?${new URLSearchParams(subject).toString()}`);

export interface NewTask {
  title: string;
  type: 'LEAD' | 'BUYER' | 'OFFER' | 'ADMIN' | 'FOLLOW_UP';
  priority: 'HIGH' | 'MEDIUM' | 'LOW';
  dueAt: string;
  leadId?: string;
  buyerId?: string;
}

export const createTask = (task: NewTask): Promise<TaskItem> => api.post('/api/tasks', task);
