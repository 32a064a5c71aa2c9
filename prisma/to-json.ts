import type { Lead as LeadRow, Notification as NotificationRow, Task as TaskRow, Event as EventRow } from './generated/client';
import type { Lead } from '../domain/leads/lead.schema';
import type { Task } from '../domain/tasks/task.schema';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toLeadJson(lead: LeadRow): Lead {
  return {
    id: lead.id,
    sellerName: lead.sellerName,
    sellerPhone: lead.sellerPhone,
    sellerEmail: lead.sellerEmail,
    street: lead.street,
    city: lead.city,
    state: lead.state,
    zip: lead.zip,
    propertyType: lead.propertyType as Lead['propertyType'],
    askingPrice: lead.askingPrice,
    source: lead.source as Lead['source'],
    status: lead.status as Lead['status'],
    ownerId: lead.ownerId,
    contactedAt: iso(lead.contactedAt),
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}

export function toTaskJson(task: TaskRow): Task {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    type: task.type as Task['type'],
    priority: task.priority as Task['priority'],
    status: task.status as Task['status'],
    dueAt: task.dueAt.toISOString(),
    overdue: task.overdue,
    assigneeId: task.assigneeId,
    leadId: task.leadId,
    parentTaskId: task.parentTaskId,
    createdAt: task.createdAt.toISOString(),
  };
}

export function toNotificationJson(notification: NotificationRow) {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: notification.link,
    readAt: iso(notification.readAt),
    createdAt: notification.createdAt.toISOString(),
  };
}

/** The `data:` of an SSE message and an item of the activity feed. */
export function toEventJson(event: EventRow) {
  return {
    id: event.id,
    name: `${event.entityType}.${event.action}`,
    entityType: event.entityType,
    entityId: event.entityId,
    action: event.action,
    actorId: event.actorId,
    createdAt: event.createdAt.toISOString(),
    entity: JSON.parse(event.payload) as unknown,
  };
}
export type EventJson = ReturnType<typeof toEventJson>;
