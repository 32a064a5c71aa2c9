import type { Buyer as BuyerRow, Event as EventRow, Lead as LeadRow, Note as NoteRow, Notification as NotificationRow, Offer as OfferRow, Task as TaskRow } from '../prisma/generated/client';
import type { LeadRecord } from '../domain/leads/lead.schema';
import type { NotificationPriority } from '../domain/notifications/notification-kinds';
import type { NotificationItem } from '../domain/notifications/notification.schema';
import type { Task } from '../domain/tasks/task.schema';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** A lead row as JSON, without the MAO: readers add it under the current deal math (`withMao`). */
export function toLeadJson(lead: LeadRow): LeadRecord {
  return {
    id: lead.id,
    sellerName: lead.sellerName,
    sellerPhone: lead.sellerPhone,
    sellerEmail: lead.sellerEmail,
    street: lead.street,
    city: lead.city,
    state: lead.state,
    zip: lead.zip,
    propertyType: lead.propertyType as LeadRecord['propertyType'],
    askingPrice: lead.askingPrice,
    beds: lead.beds,
    baths: lead.baths,
    sqft: lead.sqft,
    yearBuilt: lead.yearBuilt,
    arv: lead.arv,
    repairEstimate: lead.repairEstimate,
    source: lead.source as LeadRecord['source'],
    motivation: lead.motivation,
    tags: JSON.parse(lead.tags) as string[],
    status: lead.status as LeadRecord['status'],
    deadReason: lead.deadReason,
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
    buyerId: task.buyerId,
    offerId: task.offerId,
    requiresReview: task.requiresReview,
    parentTaskId: task.parentTaskId,
    createdById: task.createdById,
    reviewedById: task.reviewedById,
    completedAt: task.completedAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}

/** The column holds what `notificationFor` decided: HIGH or NORMAL. */
const priorityOf = (stored: string): NotificationPriority => (stored === 'HIGH' ? 'HIGH' : 'NORMAL');

export function toNotificationJson(notification: NotificationRow): NotificationItem {
  return {
    id: notification.id,
    kind: notification.kind,
    priority: priorityOf(notification.priority),
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

const parseList = (json: string): string[] => JSON.parse(json) as string[];

export function toBuyerJson(buyer: BuyerRow) {
  return {
    id: buyer.id,
    name: buyer.name,
    company: buyer.company,
    email: buyer.email,
    phone: buyer.phone,
    status: buyer.status,
    cashBuyer: buyer.cashBuyer,
    proofOfFundsAmount: buyer.proofOfFundsAmount,
    pofVerifiedAt: iso(buyer.pofVerifiedAt),
    pofExpiresAt: iso(buyer.pofExpiresAt),
    markets: parseList(buyer.markets),
    propertyTypes: parseList(buyer.propertyTypes),
    strategies: parseList(buyer.strategies),
    minPrice: buyer.minPrice,
    maxPrice: buyer.maxPrice,
    minBeds: buyer.minBeds,
    minBaths: buyer.minBaths,
    maxRepair: buyer.maxRepair,
    createdAt: buyer.createdAt.toISOString(),
    updatedAt: buyer.updatedAt.toISOString(),
  };
}
export type BuyerJson = ReturnType<typeof toBuyerJson>;

export function toOfferJson(offer: OfferRow) {
  return {
    id: offer.id,
    leadId: offer.leadId,
    buyerId: offer.buyerId,
    kind: offer.kind,
    amount: offer.amount,
    terms: offer.terms,
    expiresAt: iso(offer.expiresAt),
    status: offer.status,
    createdById: offer.createdById,
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
  };
}
export type OfferJson = ReturnType<typeof toOfferJson>;

export function toNoteJson(note: NoteRow & { author: { name: string } }) {
  return {
    id: note.id,
    body: note.body,
    authorId: note.authorId,
    authorName: note.author.name,
    leadId: note.leadId,
    buyerId: note.buyerId,
    taskId: note.taskId,
    offerId: note.offerId,
    editedAt: iso(note.editedAt),
    createdAt: note.createdAt.toISOString(),
  };
}
