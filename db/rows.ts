import type { z } from 'zod';
import type { Buyer as BuyerRow, Deal as DealRow, Document as DocumentRow, EmailMessage as EmailMessageRow, Event as EventRow, Lead as LeadRow, Note as NoteRow, Notification as NotificationRow, Offer as OfferRow, Task as TaskRow, User as UserRow } from '../prisma/generated/client';
import { BUYER_KEYS, buyerSchema, type Buyer } from '../domain/buyers/buyer.schema';
import type { DealRecord } from '../domain/deals/deal.schema';
import { documentSchema, type DocumentItem } from '../domain/documents/document.schema';
import { LEAD_KEYS, leadListDetailsSchema, leadSchema, type LeadListDetails, type LeadRecord } from '../domain/leads/lead.schema';
import { emailMessageSchema, type EmailMessage } from '../domain/email/email-message.schema';
import type { Note } from '../domain/notes/note.schema';
import { notificationSchema, type NotificationItem } from '../domain/notifications/notification.schema';
import { offerSchema, type Offer } from '../domain/offers/offer.schema';
import { taskSchema, type Task } from '../domain/tasks/task.schema';
import { userSchema, type User } from '../domain/users/user.schema';
import { isoDate } from './iso-date';

// Rows store enums as text and lists as JSON text: each is read through the domain schema of its
// field, so a row the domain would refuse fails here, by name, instead of travelling on mistyped.

const iso = (date: Date | null): string | null => (date ? isoDate(date) : null);

/** A column's value read through the domain schema of its field. */
export function parseColumn<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`stored ${name} ${JSON.stringify(value)} is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** A JSON column, parsed, through the domain schema of its field. */
export function parseJsonColumn<T>(schema: z.ZodType<T>, json: string, name: string): T {
  const value: unknown = JSON.parse(json);
  return parseColumn(schema, value, name);
}

/**
 * How each key of a record's JSON that is not its column as stored is read from the row (undefined
 * leaves an optional key out): the whole record's builder and a lean answer's read them alike.
 */
type JsonReaders<Row, Json> = { [Key in keyof Json]?: (row: Row) => Json[Key] | undefined };

const leadFields = leadSchema.shape;
const leadReaders = {
  propertyType: (lead) => parseColumn(leadFields.propertyType, lead.propertyType, 'Lead.propertyType'),
  source: (lead) => parseColumn(leadFields.source, lead.source, 'Lead.source'),
  tags: (lead) => parseJsonColumn(leadFields.tags, lead.tags, 'Lead.tags'),
  status: (lead) => parseColumn(leadFields.status, lead.status, 'Lead.status'),
  contactedAt: (lead) => iso(lead.contactedAt),
  nextFollowUpAt: (lead) => iso(lead.nextFollowUpAt),
  scoreParts: (lead) => parseJsonColumn(leadFields.scoreParts, lead.scoreParts, 'Lead.scoreParts'),
  mergedIntoId: (lead) => lead.mergedIntoId || undefined,
  archivedAt: (lead) => (lead.archivedAt ? isoDate(lead.archivedAt) : undefined),
  listDetails: (lead) => listDetailsOf(lead).listDetails,
  createdAt: (lead) => isoDate(lead.createdAt),
  updatedAt: (lead) => isoDate(lead.updatedAt),
} satisfies JsonReaders<LeadRow, LeadRecord>;

/** A lead row as JSON, without the MAO: readers add it under the current deal math (`withMao`). */
export function toLeadJson(lead: LeadRow): LeadRecord {
  const read = leadReaders;
  return {
    id: lead.id,
    sellerName: lead.sellerName,
    sellerPhone: lead.sellerPhone,
    sellerEmail: lead.sellerEmail,
    street: lead.street,
    city: lead.city,
    state: lead.state,
    zip: lead.zip,
    propertyType: read.propertyType(lead),
    askingPrice: lead.askingPrice,
    beds: lead.beds,
    baths: lead.baths,
    sqft: lead.sqft,
    yearBuilt: lead.yearBuilt,
    arv: lead.arv,
    repairEstimate: lead.repairEstimate,
    source: read.source(lead),
    motivation: lead.motivation,
    tags: read.tags(lead),
    status: read.status(lead),
    deadReason: lead.deadReason,
    ownerId: lead.ownerId,
    contactedAt: read.contactedAt(lead),
    nextFollowUpAt: read.nextFollowUpAt(lead),
    score: lead.score,
    scoreParts: read.scoreParts(lead),
    ...(lead.mergedIntoId ? { mergedIntoId: lead.mergedIntoId } : {}),
    ...(lead.archivedAt ? { archivedAt: isoDate(lead.archivedAt) } : {}),
    ...listDetailsOf(lead),
    createdAt: read.createdAt(lead),
    updatedAt: read.updatedAt(lead),
  };
}

/**
 * Only `fields` of a record's JSON, and its id, each key read from the row alone: what
 * `projectFields(toXJson(row), fields)` answers, without building (and parsing the JSON lists of)
 * the whole record. Keys outside `keys` (the record's JSON) are never read from the row.
 */
function leanJson<Row extends { id: string }>(row: Row, fields: readonly string[], keys: ReadonlySet<string>, readers: Record<string, ((row: Row) => unknown) | undefined>): Record<string, unknown> {
  const lean: Record<string, unknown> = { id: row.id };
  for (const key of fields) {
    if (!keys.has(key)) continue;
    const reader = readers[key];
    const value = reader ? reader(row) : (row as Record<string, unknown>)[key];
    if (value !== undefined) lean[key] = value;
  }
  return lean;
}

/** A row read with only some of its columns (a lean answer's): a lean builder reads only the keys asked for. */
export type PartialRow<Row extends { id: string }> = Partial<Row> & { id: string };

// The MAO is no column: readers add it (api/leads/priced-lead-json).
const LEAD_JSON_KEYS: ReadonlySet<string> = new Set(LEAD_KEYS.filter((key) => key !== 'mao'));
/** The columns a lead's JSON key is read from, where they are not the key's own column. */
const LEAD_KEY_COLUMNS: Partial<Record<string, readonly string[]>> = { listDetails: ['phones', 'mailingAddress', 'county', 'apn', 'zipPlus4', 'estimatedEquity', 'ltv'] };

/** The columns a lean record's `fields` are read from, with the id: each key of `keys` is its own column unless `keyColumns` names others; other keys read none. */
function columnsOfFields(fields: readonly string[], keys: ReadonlySet<string>, keyColumns: Partial<Record<string, readonly string[]>> = {}): string[] {
  const columns = new Set(['id']);
  for (const key of fields) if (keys.has(key)) for (const column of keyColumns[key] ?? [key]) columns.add(column);
  return [...columns];
}

/** The Lead columns `leanLeadJson(row, fields)` reads (with the id): a lean answer's read needs no others. */
export const leadColumnsOf = (fields: readonly string[]): string[] => columnsOfFields(fields, LEAD_JSON_KEYS, LEAD_KEY_COLUMNS);

/** `fields` of a lead's JSON and its id, as `projectFields(toLeadJson(lead), fields)`; `lead` needs only the columns of `leadColumnsOf(fields)`. */
export const leanLeadJson = (lead: LeadRow | PartialRow<LeadRow>, fields: readonly string[]): PartialRow<LeadRecord> =>
  leanJson(lead as LeadRow, fields, LEAD_JSON_KEYS, leadReaders) as PartialRow<LeadRecord>;

/** `{ listDetails }` when a list import gave the lead anything beyond its own fields; nothing for a lead typed in. */
function listDetailsOf(lead: LeadRow): { listDetails?: LeadListDetails } {
  // `?? null`: a read of fewer columns leaves them undefined.
  const details = { mailingAddress: lead.mailingAddress ?? null, county: lead.county ?? null, apn: lead.apn ?? null, zipPlus4: lead.zipPlus4 ?? null, estimatedEquity: lead.estimatedEquity ?? null, ltv: lead.ltv ?? null };
  if (lead.phones == null && Object.values(details).every((value) => value === null)) return {};
  const phones = lead.phones == null ? [] : parseJsonColumn(leadListDetailsSchema.shape.phones, lead.phones, 'Lead.phones');
  return { listDetails: { phones, ...details } };
}

const taskFields = taskSchema.shape;
const taskReaders = {
  type: (task) => parseColumn(taskFields.type, task.type, 'Task.type'),
  priority: (task) => parseColumn(taskFields.priority, task.priority, 'Task.priority'),
  status: (task) => parseColumn(taskFields.status, task.status, 'Task.status'),
  dueAt: (task) => isoDate(task.dueAt),
  completedAt: (task) => iso(task.completedAt),
  createdAt: (task) => isoDate(task.createdAt),
  updatedAt: (task) => isoDate(task.updatedAt),
} satisfies JsonReaders<TaskRow, Task>;

export function toTaskJson(task: TaskRow): Task {
  const read = taskReaders;
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    type: read.type(task),
    priority: read.priority(task),
    status: read.status(task),
    dueAt: read.dueAt(task),
    overdue: task.overdue,
    assigneeId: task.assigneeId,
    leadId: task.leadId,
    buyerId: task.buyerId,
    offerId: task.offerId,
    requiresReview: task.requiresReview,
    parentTaskId: task.parentTaskId,
    createdById: task.createdById,
    reviewedById: task.reviewedById,
    completedAt: read.completedAt(task),
    createdAt: read.createdAt(task),
    updatedAt: read.updatedAt(task),
  };
}

const TASK_JSON_KEYS: ReadonlySet<string> = new Set(Object.keys(taskSchema.shape));

/** `fields` of a task's JSON and its id, as `projectFields(toTaskJson(task), fields)`; `task` needs only the columns of `taskColumnsOf(fields)`. */
export const leanTaskJson = (task: TaskRow | PartialRow<TaskRow>, fields: readonly string[]): PartialRow<Task> =>
  leanJson(task as TaskRow, fields, TASK_JSON_KEYS, taskReaders) as PartialRow<Task>;

/** The Task columns `leanTaskJson(row, fields)` reads (with the id): each key of a task's JSON is its own column. */
export const taskColumnsOf = (fields: readonly string[]): string[] => columnsOfFields(fields, TASK_JSON_KEYS);

export function toNotificationJson(notification: NotificationRow): NotificationItem {
  return {
    id: notification.id,
    kind: notification.kind,
    priority: parseColumn(notificationSchema.shape.priority, notification.priority, 'Notification.priority'),
    title: notification.title,
    body: notification.body,
    link: notification.link,
    readAt: iso(notification.readAt),
    createdAt: isoDate(notification.createdAt),
  };
}

/** The `data:` of an SSE message and an item of the activity feed. */
export function toEventJson(event: EventRow) {
  // The payload is the entity's JSON as recordEvent wrote it; readers narrow it by the event's name.
  const entity: unknown = JSON.parse(event.payload);
  return {
    id: event.id,
    name: `${event.entityType}.${event.action}`,
    entityType: event.entityType,
    entityId: event.entityId,
    action: event.action,
    actorId: event.actorId,
    createdAt: isoDate(event.createdAt),
    entity,
  };
}
export type EventJson = ReturnType<typeof toEventJson>;

const buyerFields = buyerSchema.shape;
const buyerReaders = {
  status: (buyer) => parseColumn(buyerFields.status, buyer.status, 'Buyer.status'),
  pofVerifiedAt: (buyer) => iso(buyer.pofVerifiedAt),
  pofExpiresAt: (buyer) => iso(buyer.pofExpiresAt),
  markets: (buyer) => parseJsonColumn(buyerFields.markets, buyer.markets, 'Buyer.markets'),
  propertyTypes: (buyer) => parseJsonColumn(buyerFields.propertyTypes, buyer.propertyTypes, 'Buyer.propertyTypes'),
  strategies: (buyer) => parseJsonColumn(buyerFields.strategies, buyer.strategies, 'Buyer.strategies'),
  emailOptOutAt: (buyer) => iso(buyer.emailOptOutAt),
  mergedIntoId: (buyer) => buyer.mergedIntoId || undefined,
  archivedAt: (buyer) => (buyer.archivedAt ? isoDate(buyer.archivedAt) : undefined),
  createdAt: (buyer) => isoDate(buyer.createdAt),
  updatedAt: (buyer) => isoDate(buyer.updatedAt),
} satisfies JsonReaders<BuyerRow, Buyer>;

export function toBuyerJson(buyer: BuyerRow): Buyer {
  const read = buyerReaders;
  return {
    id: buyer.id,
    name: buyer.name,
    company: buyer.company,
    email: buyer.email,
    phone: buyer.phone,
    status: read.status(buyer),
    cashBuyer: buyer.cashBuyer,
    proofOfFundsAmount: buyer.proofOfFundsAmount,
    pofVerifiedAt: read.pofVerifiedAt(buyer),
    pofExpiresAt: read.pofExpiresAt(buyer),
    markets: read.markets(buyer),
    propertyTypes: read.propertyTypes(buyer),
    strategies: read.strategies(buyer),
    minPrice: buyer.minPrice,
    maxPrice: buyer.maxPrice,
    minBeds: buyer.minBeds,
    minBaths: buyer.minBaths,
    maxRepair: buyer.maxRepair,
    emailOptOutAt: read.emailOptOutAt(buyer),
    ...(buyer.mergedIntoId ? { mergedIntoId: buyer.mergedIntoId } : {}),
    ...(buyer.archivedAt ? { archivedAt: isoDate(buyer.archivedAt) } : {}),
    createdAt: read.createdAt(buyer),
    updatedAt: read.updatedAt(buyer),
  };
}

const BUYER_JSON_KEYS: ReadonlySet<string> = new Set(BUYER_KEYS);

/** `fields` of a buyer's JSON and its id, as `projectFields(toBuyerJson(buyer), fields)`. */
export const leanBuyerJson = (buyer: BuyerRow | PartialRow<BuyerRow>, fields: readonly string[]): PartialRow<Buyer> =>
  leanJson(buyer as BuyerRow, fields, BUYER_JSON_KEYS, buyerReaders) as PartialRow<Buyer>;

/** The Buyer columns `leanBuyerJson(row, fields)` reads (with the id): each key of a buyer's JSON is its own column. */
export const buyerColumnsOf = (fields: readonly string[]): string[] => columnsOfFields(fields, BUYER_JSON_KEYS);
export type BuyerJson = ReturnType<typeof toBuyerJson>;

export function toOfferJson(offer: OfferRow): Offer {
  const fields = offerSchema.shape;
  return {
    id: offer.id,
    leadId: offer.leadId,
    buyerId: offer.buyerId,
    kind: parseColumn(fields.kind, offer.kind, 'Offer.kind'),
    amount: offer.amount,
    terms: offer.terms,
    expiresAt: iso(offer.expiresAt),
    status: parseColumn(fields.status, offer.status, 'Offer.status'),
    createdById: offer.createdById,
    createdAt: isoDate(offer.createdAt),
    updatedAt: isoDate(offer.updatedAt),
  };
}
export type OfferJson = ReturnType<typeof toOfferJson>;

export function toNoteJson(note: NoteRow & { author: { name: string } }): Note {
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
    createdAt: isoDate(note.createdAt),
  };
}

export function toDocumentJson(doc: DocumentRow): DocumentItem {
  return {
    id: doc.id,
    kind: parseColumn(documentSchema.shape.kind, doc.kind, 'Document.kind'),
    fileName: doc.fileName,
    mimeType: doc.mimeType,
    sizeBytes: doc.sizeBytes,
    expiresAt: iso(doc.expiresAt),
    leadId: doc.leadId,
    buyerId: doc.buyerId,
    offerId: doc.offerId,
    uploadedById: doc.uploadedById,
    hasFile: doc.storagePath !== null,
    archivedAt: iso(doc.archivedAt),
    createdAt: isoDate(doc.createdAt),
  };
}

/** A user without the password hash: what user lists and `user.*` events carry. */
export function toUserJson(user: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'active' | 'lastSignInAt' | 'createdAt'>): User {
  const role = parseColumn(userSchema.shape.role, user.role, 'User.role');
  return { id: user.id, email: user.email, name: user.name, role, active: user.active, lastSignInAt: iso(user.lastSignInAt), createdAt: isoDate(user.createdAt) };
}

/** A deal row as its events carry it. */
export function toDealJson(deal: DealRow): DealRecord {
  return { ...toDealFiguresJson(deal), createdAt: isoDate(deal.createdAt), updatedAt: isoDate(deal.updatedAt) };
}

/** A deal's JSON without its timestamps: what the deal list shows of it. */
export function toDealFiguresJson(deal: DealRow): Omit<DealRecord, 'createdAt' | 'updatedAt'> {
  return {
    id: deal.id,
    leadId: deal.leadId,
    buyerId: deal.buyerId,
    purchasePrice: deal.purchasePrice,
    salePrice: deal.salePrice,
    assignmentFee: deal.assignmentFee,
    closedAt: iso(deal.closedAt),
  };
}

export function toEmailMessageJson(message: EmailMessageRow): EmailMessage {
  const fields = emailMessageSchema.shape;
  return {
    id: message.id,
    kind: parseColumn(fields.kind, message.kind, 'EmailMessage.kind'),
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    status: parseColumn(fields.status, message.status, 'EmailMessage.status'),
    attempts: message.attempts,
    lastError: message.lastError,
    transport: message.transport === null ? null : parseColumn(fields.transport.unwrap(), message.transport, 'EmailMessage.transport'),
    outboxFile: message.outboxFile,
    buyerId: message.buyerId,
    leadIds: parseJsonColumn(fields.leadIds, message.leadIds, 'EmailMessage.leadIds'),
    sentById: message.sentById,
    sentAt: iso(message.sentAt),
    createdAt: isoDate(message.createdAt),
  };
}
