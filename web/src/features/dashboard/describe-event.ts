import type { LiveEvent } from '../../lib/live-events';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One line of the activity feed, in words a wholesaler reads at a glance. */
export function describeEvent(event: LiveEvent): { title: string; detail: string; tone: 'info' | 'good' | 'warn' } {
  const entity = event.entity;
  switch (event.name) {
    case 'lead.created':
      return { title: `New lead: ${text(entity.sellerName)}`, detail: `${text(entity.street)}, ${text(entity.city)} ${text(entity.state)}`, tone: 'good' };
    case 'lead.status_changed':
      return { title: `Lead ${text(entity.sellerName)} → ${text(entity.status).replace('_', ' ')}`, detail: `was ${text(entity.previousStatus).replace('_', ' ')}`, tone: 'info' };
    case 'task.created':
      return { title: `Task created: ${text(entity.title)}`, detail: `${text(entity.priority)} priority`, tone: 'info' };
    case 'task.assigned':
      return { title: `Task assigned: ${text(entity.title)}`, detail: `due ${new Date(text(entity.dueAt)).toLocaleString()}`, tone: 'info' };
    case 'task.overdue':
      return { title: `Task overdue: ${text(entity.title)}`, detail: 'the deadline passed', tone: 'warn' };
    case 'task.cancelled':
      return { title: `Task cancelled: ${text(entity.title)}`, detail: '', tone: 'info' };
    case 'deal.created':
      return { title: 'Deal closed', detail: '', tone: 'good' };
    case 'notification.created':
      return { title: text(entity.title), detail: text(entity.body), tone: 'info' };
    default:
      return { title: event.name, detail: '', tone: 'info' };
  }
}
