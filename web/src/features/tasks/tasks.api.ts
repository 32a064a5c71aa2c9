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

export const listLeadTasks = (leadId: string): Promise<{ items: TaskItem[] }> => api.get(`/api/tasks?leadId=${encodeURIComponent(leadId)}`);
