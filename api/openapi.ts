import { callQueueQuerySchema, callQueueSchema } from '../domain/calls/call-queue';
import { callSchema, logCallInputSchema } from '../domain/calls/call.schema';
import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { apiErrorSchema } from '../domain/api-error.schema';
import { analyticsQuerySchema, analyticsSchema } from '../domain/analytics/analytics.schema';
import { dashboardQuerySchema, dashboardSchema } from '../domain/analytics/dashboard.schema';
import { loginInputSchema } from '../domain/auth/login.schema';
import { changePasswordInputSchema, sessionItemSchema } from '../domain/auth/session.schema';
import { buyerMatchesQuerySchema, buyerMatchSchema, leadMatchesQuerySchema, leadMatchSchema } from '../domain/buyers/buyer-match.schema';
import { buyerSchema, changeBuyerStatusInputSchema, createBuyerInputSchema, listBuyersQuerySchema, updateBuyerInputSchema } from '../domain/buyers/buyer.schema';
import { emailMessageDetailSchema, emailMessageSchema, sendMatchesInputSchema, sendMatchesResultSchema, unsubscribePreviewSchema } from '../domain/email/email-message.schema';
import { clientConfigSchema } from '../domain/config/client-config.schema';
import { dealSchema, listDealsQuerySchema } from '../domain/deals/deal.schema';
import { createDocumentInputSchema, documentSchema, listDocumentsQuerySchema, updateDocumentInputSchema, uploadDocumentFieldsSchema } from '../domain/documents/document.schema';
import { ALLOWED_DOCUMENT_TYPE_NAMES, ALLOWED_DOCUMENT_TYPES } from '../domain/documents/document-files';
import { IDEMPOTENCY_HEADER, idempotencyKeySchema } from '../domain/idempotency-key.schema';
import { eventStreamQuerySchema, liveEventSchema, recentEventsQuerySchema } from '../domain/events/live-event.schema';
import { healthSchema } from '../domain/health/health.schema';
import { readySchema } from '../domain/health/ready.schema';
import { PHONE_TYPES } from '../domain/imports/clean-values';
import { PROPERTY_TYPES } from '../domain/leads/lead.schema';
import { IMPORT_PROVIDERS, IMPORT_STATUSES, ON_DUPLICATE, importMappingSchema, importSchema } from '../domain/imports/import-fields';
import {
  changeLeadStatusInputSchema,
  createLeadInputSchema,
  leadSchema,
  listLeadsQuerySchema,
  updateLeadInputSchema,
  bulkLeadInputSchema,
  bulkLeadResultSchema,
} from '../domain/leads/lead.schema';
import { duplicateCandidateSchema, mergeInputSchema, mergeResultSchema } from '../domain/merge/merge-records';
import { createNoteInputSchema, listNotesQuerySchema, noteSchema, updateNoteInputSchema } from '../domain/notes/note.schema';
import { notificationListSchema, notificationSchema, readAllNotificationsSchema } from '../domain/notifications/notification.schema';
import { notificationPreferencesSchema } from '../domain/notifications/notification-preferences';
import { changeOfferStatusInputSchema, createOfferInputSchema, listOffersQuerySchema, offerListItemSchema, offerSchema, updateOfferInputSchema } from '../domain/offers/offer.schema';
import { listSchema, pageSchema } from '../domain/pagination';
import { searchQuerySchema, searchResultSchema } from '../domain/search/search.schema';
import { settingsSchema, updateSettingsInputSchema } from '../domain/settings/settings.schema';
import {
  addTaskNoteInputSchema,
  bulkTaskInputSchema,
  bulkTaskResultSchema,
  createFollowUpInputSchema,
  createTaskInputSchema,
  listTasksQuerySchema,
  suggestAssigneeQuerySchema,
  suggestedAssigneeSchema,
  taskDetailSchema,
  taskSchema,
  transitionTaskInputSchema,
  updateTaskInputSchema,
} from '../domain/tasks/task.schema';
import { taskListItemSchema } from '../domain/tasks/task-subject';
import { publicUserSchema } from '../domain/users/user-role';
import {
  favoriteSchema,
  historyParamsSchema,
  recentItemSchema,
  recordedViewSchema,
  savedViewInputSchema,
  savedViewSchema,
  savedViewsQuerySchema,
  userItemInputSchema,
  userItemSchema,
} from '../domain/users/user-items.schema';
import { createUserInputSchema, updateUserInputSchema, userSchema } from '../domain/users/user.schema';
import { acceptInviteInputSchema, createInviteInputSchema, inviteLinkSchema, invitePreviewSchema, pendingInviteSchema } from '../domain/users/invite.schema';
import { deactivateUserInputSchema, deactivationSchema, userWorkloadSchema } from '../domain/users/user-admin.schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

// The schemas the document names (components/schemas), so clients see one Lead, one Task …
const named = <Schema extends z.ZodType>(id: string, schema: Schema): Schema => schema.meta({ id });

const errorSchema = named('Error', apiErrorSchema);
const lead = named('Lead', leadSchema);
const buyer = named('Buyer', buyerSchema);
const offer = named('Offer', offerSchema);
const task = named('Task', taskSchema);
const taskDetail = named('TaskDetail', taskDetailSchema);
const taskListItem = named('TaskListItem', taskListItemSchema);
const note = named('Note', noteSchema);
const document = named('Document', documentSchema);
const user = named('User', userSchema);
const inviteLink = named('InviteLink', inviteLinkSchema);
const publicUser = named('PublicUser', publicUserSchema);
const notification = named('Notification', notificationSchema);
const liveEvent = named('LiveEvent', liveEventSchema);
const savedView = named('SavedView', savedViewSchema);
const settings = named('Settings', settingsSchema);
const calendarLink = named('CalendarLink', z.object({ url: z.string() }));
const duplicateCandidate = named('DuplicateCandidate', duplicateCandidateSchema);
const mergeResult = named('MergeResult', mergeResultSchema);
const MERGE_DESCRIPTION =
  'The record `:id` (the survivor) takes the source\'s tasks, offers, notes, documents, calls, favorites and tags, and its empty fields are filled from the source; ' +
  'the source\'s open automatic tasks are cancelled, not moved; the source is archived with `mergedIntoId` and its workflow ends. One transaction with the `merged` and `merged_into` events. ' +
  'Needs the right to change both. Refused: into itself (400), a source already merged (409 naming where it went: a retried merge is never applied twice), an archived record (409); each names `sourceId`.';

const openApiDocumentSchema = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
  paths: z.record(z.string(), z.record(z.string(), z.object({ summary: z.string(), responses: z.record(z.string(), z.object({ description: z.string() })) }))),
  components: z.object({ schemas: z.record(z.string(), z.object({ type: z.string().optional() })) }).optional(),
});
const idParams = z.object({ id: z.string() });
const importedLeadSchema = z.object({
  sellerName: z.string(),
  sellerPhone: z.string().nullable(),
  sellerEmail: z.string().nullable(),
  street: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  zipPlus4: z.string().nullable(),
  county: z.string().nullable(),
  apn: z.string().nullable(),
  mailingAddress: z.string().nullable(),
  phones: z.array(z.object({ number: z.string(), type: z.enum(PHONE_TYPES), dnc: z.boolean() })),
  propertyType: z.enum(PROPERTY_TYPES),
  beds: z.number().nullable(),
  baths: z.number().nullable(),
  sqft: z.number().nullable(),
  yearBuilt: z.number().nullable(),
  arv: z.number().nullable(),
  askingPrice: z.number().nullable(),
  estimatedEquity: z.number().nullable(),
  ltv: z.number().nullable(),
  tags: z.array(z.string()),
});
const importPreviewSchema = z.object({
  provider: z.enum(IMPORT_PROVIDERS).nullable(),
  headers: z.array(z.string()),
  mapping: importMappingSchema,
  sample: z.array(
    z.object({
      rowNumber: z.number().int(),
      values: z.record(z.string(), z.string()),
      lead: named('ImportedLead', importedLeadSchema).nullable(),
      error: z.string().nullable(),
      // The import counts the row as a duplicate: of an earlier row of the file (rowNumber), or of a live lead (leadId).
      duplicateOf: z.object({ rowNumber: z.number().int().nullable(), leadId: z.string().nullable() }).nullable(),
    }),
  ),
});

// Lists that take `fields=` answer only those keys (and the id) of each item.
const LEAN_LIST = 'with `fields`, each item has only those keys and its id';
/** A record as `fields=` answers it: its id and some of its fields. */
const leanRecord = (record: z.ZodObject) => record.partial().extend({ id: z.string() });
/** A page of `item`s, or with `fields=` of their lean form. */
const leanPage = <Item extends z.ZodObject>(name: string, item: Item) => pageSchema(z.union([item, named(`${name}Fields`, leanRecord(item))]));
const LEAN_MATCHES = 'with `fields`, each matching record has only those keys and its id';
/** A list of matches, or with `fields=` of matches whose `record` is lean. */
function leanMatches<Match extends z.ZodObject>(name: string, match: Match, record: string): z.ZodType {
  return listSchema(z.union([named(name, match), named(`${name}Fields`, match.extend({ [record]: leanRecord(match.shape[record] as z.ZodObject) }))]));
}
/** The call queue; with `fields=` each of its leads is lean. */
function leanCallQueue(): z.ZodType {
  const item = callQueueSchema.shape.items.element;
  return named('CallQueue', z.object({ items: z.array(z.union([item, named('CallQueueItemFields', item.extend({ lead: leanRecord(item.shape.lead) }))])) }));
}
// The CSV exports: the list route's filters and sort over every page.
const EXPORT_CSV =
  'The list route\'s filters and sort, every page (`limit`, `cursor` and `fields` are ignored), one row per record with human headers and labels; ' +
  'text cells beginning with =, +, -, @, a tab or a carriage return start with \' so spreadsheets do not run them. An agent\'s export holds only their own records.';
// Who gets a task nobody named; the rule lives in domain/tasks/assignment-rule.ts.
const ASSIGNMENT_RULE =
  'an ADMIN task goes to the admin with the least open work; one about a lead to its owner; about an offer to its creator; ' +
  'about a buyer to the acquisitions member with the least open work; a follow-up or system task to the active user with the least open work, weighted by priority; anything else to its creator';

export interface RouteSpec {
  method: Method;
  path: string;
  summary: string;
  description?: string;
  body?: z.ZodType;
  /** A `multipart/form-data` body the route also takes (an upload), besides `body` as JSON. */
  multipart?: z.ZodType;
  /** The 2xx is a file (its own Content-Type), not JSON. */
  file?: boolean;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** What a 2xx answers; `null` for a 204 without a body. */
  response: z.ZodType | null;
  status?: number;
  public?: boolean;
  /** A create that takes an Idempotency-Key header. */
  idempotent?: boolean;
  /** An edit that takes If-Match (the ETag its GET answered): 412 when the record changed since. */
  versioned?: boolean;
}

const ifMatchHeaders = z.object({
  'If-Match': z
    .string()
    .optional()
    .meta({ description: 'The ETag the record was read with (GET answers it, as does every edit): when the record has changed since, nothing is saved and the answer is a 412. Without it the edit is made whatever changed' }),
});

// The same key with the same body answers the first result; with another body, a 422.
const idempotencyHeaders = z.object({
  [IDEMPOTENCY_HEADER]: idempotencyKeySchema.optional().meta({ description: 'Sending the request again with this key answers the first result instead of creating again (24 h)' }),
});

/** Every route of the API with the zod schemas that validate it and its answer; tests check nothing is missing. */
export const API_ROUTES: RouteSpec[] = [
  { method: 'get', path: '/api/health', summary: 'Database and Temporal health and the backlog of records waiting for their workflow, from checks run in the background (503 when the database or Temporal is down)', response: named('Health', healthSchema), public: true },
  { method: 'get', path: '/api/ready', summary: 'Ready to serve: the database and Temporal answer (2 s each) and a worker polled the task queue within 90 s (503 otherwise, the body says which is missing)', response: named('Ready', readySchema), public: true },
  { method: 'post', path: '/api/auth/login', summary: 'Sign in; sets the session cookie', description: 'Too many wrong passwords for an e-mail or from an address lock it for a while: 429 with Retry-After, even with the right password.', body: loginInputSchema, response: publicUser, public: true },
  { method: 'post', path: '/api/auth/logout', summary: 'Sign out', response: null, status: 204, public: true },
  { method: 'get', path: '/api/me', summary: 'The signed-in user', response: publicUser },
  { method: 'post', path: '/api/me/password', summary: 'Change my password (the current one required); my other sessions end', description: 'A new password has at least 12 characters and is not a common one (400 naming `newPassword`); a wrong current one is a 400 naming `currentPassword` and counts toward the sign-in lockout (429 with Retry-After).', body: changePasswordInputSchema, response: null, status: 204 },
  { method: 'get', path: '/api/me/sessions', summary: 'Where I am signed in: my live sessions, the current one marked', response: listSchema(named('SessionItem', sessionItemSchema)) },
  { method: 'delete', path: '/api/me/sessions/{id}', summary: 'End one of my sessions (its event streams end too)', params: idParams, response: null, status: 204 },
  { method: 'get', path: '/api/me/calendar-link', summary: 'My private calendar feed URL (made on first ask): my open tasks as iCalendar events, for Google, Apple or Outlook calendars', response: calendarLink },
  { method: 'post', path: '/api/me/calendar-link/reset', summary: 'A new calendar feed URL; the old one answers 404 from now on', response: calendarLink },
  { method: 'get', path: '/api/calendar/{token}.ics', summary: 'A calendar feed: its owner\'s open tasks as iCalendar events (due time, title, link, priority)', description: 'No session: the token from /api/me/calendar-link is the credential. An unknown or reset token, or a deactivated user\'s, is a 404.', params: z.object({ token: z.string() }), response: z.string(), public: true, file: true },
  { method: 'get', path: '/api/me/notification-preferences', summary: 'My notification preferences: muted kinds, which notifications are e-mailed (immediately, in the 07:00 digest, never) and my time zone', response: named('NotificationPreferences', notificationPreferencesSchema) },
  { method: 'put', path: '/api/me/notification-preferences', summary: 'Save my notification preferences', description: 'A muted kind is no longer created for me; an unknown kind, mode or time zone is a 400 naming the field.', body: notificationPreferencesSchema, response: named('NotificationPreferences', notificationPreferencesSchema) },
  { method: 'get', path: '/api/me/favorites', summary: 'My favorites, each with its title (null when it no longer exists)', response: listSchema(favoriteSchema) },
  { method: 'post', path: '/api/me/favorites', summary: 'Add a favorite', body: userItemInputSchema, response: userItemSchema, status: 201 },
  { method: 'post', path: '/api/me/favorites/remove', summary: 'Remove a favorite', body: userItemInputSchema, response: null, status: 204 },
  { method: 'get', path: '/api/me/recent', summary: 'My recently opened leads, buyers and tasks (the last 20), each with its title', response: listSchema(recentItemSchema) },
  { method: 'post', path: '/api/me/recent', summary: 'Record a view', body: userItemInputSchema, response: recordedViewSchema, status: 201 },
  { method: 'get', path: '/api/me/saved-views', summary: 'My saved list views', query: savedViewsQuerySchema, response: listSchema(savedView) },
  { method: 'post', path: '/api/me/saved-views', summary: 'Save a list view (same name replaces)', body: savedViewInputSchema, response: savedView, status: 201 },
  { method: 'post', path: '/api/me/saved-views/{id}/delete', summary: 'Delete a saved view', params: idParams, response: null, status: 204 },
  { method: 'get', path: '/api/deals', summary: 'List deals', query: listDealsQuerySchema, response: pageSchema(named('Deal', dealSchema)) },
  { method: 'get', path: '/api/search', summary: 'Find leads, buyers and tasks by what was typed (name, address, any phone format, e-mail, company, markets, task title), as you type: grouped by type, best first, the matched text in marked parts', query: searchQuerySchema, response: named('SearchResult', searchResultSchema) },
  { method: 'get', path: '/api/history/{entityType}/{id}', summary: 'An entity\'s history timeline', params: historyParamsSchema, response: listSchema(liveEvent) },
  { method: 'get', path: '/api/config', summary: 'Client configuration', response: clientConfigSchema },
  { method: 'get', path: '/api/leads', summary: 'List leads', description: LEAN_LIST, query: listLeadsQuerySchema, response: leanPage('Lead', lead) },
  { method: 'get', path: '/api/leads/export.csv', summary: 'The lead list as CSV (every row, streamed)', description: EXPORT_CSV, query: listLeadsQuerySchema, response: z.string(), file: true },
  { method: 'post', path: '/api/leads', summary: 'Create a lead (starts workflow lead-<id>)', body: createLeadInputSchema, response: lead, status: 201, idempotent: true },
  { method: 'get', path: '/api/leads/{id}', summary: 'One lead', params: idParams, response: lead },
  { method: 'patch', path: '/api/leads/{id}', summary: 'Edit plain fields', params: idParams, body: updateLeadInputSchema, response: lead, versioned: true },
  { method: 'post', path: '/api/leads/bulk', summary: 'Reassign many leads to one owner (each takes its open tasks along); one result per lead', body: bulkLeadInputSchema, response: bulkLeadResultSchema },
  { method: 'post', path: '/api/leads/{id}/archive', summary: 'Archive a lead (its automation stops)', params: idParams, response: lead },
  { method: 'post', path: '/api/leads/{id}/unarchive', summary: 'Unarchive a lead (its automation restarts from now)', params: idParams, response: lead },
  { method: 'post', path: '/api/leads/{id}/status', summary: 'Move a lead through its workflow (409 when refused)', params: idParams, body: changeLeadStatusInputSchema, response: lead },
  { method: 'get', path: '/api/queue', summary: "The caller's call queue (a supervisor's or admin's: anyone's with ownerId): overdue contacts, follow-ups due, then by score, then oldest", description: 'with `fields`, each lead has only those keys and its id', query: callQueueQuerySchema, response: leanCallQueue() },
  { method: 'post', path: '/api/leads/{id}/calls', summary: 'Log a call: no answer and voicemail re-arm the next attempt; a talk, not interested or a wrong number move the lead (409 when refused)', params: idParams, body: logCallInputSchema, response: named('Call', callSchema), status: 201 },
  { method: 'get', path: '/api/leads/{id}/duplicates', summary: 'Live leads that may be this one: the same address key, or the same phone or owner name in its ZIP', params: idParams, response: listSchema(duplicateCandidate) },
  { method: 'post', path: '/api/leads/{id}/merge', summary: 'Merge another lead (sourceId) into this one', description: MERGE_DESCRIPTION, params: idParams, body: mergeInputSchema, response: named('LeadMerge', z.object({ lead, merge: mergeResult })) },
  { method: 'get', path: '/api/leads/{id}/matches', summary: 'Buyers matching a lead, ranked, with reasons', description: LEAN_MATCHES, params: idParams, query: leadMatchesQuerySchema, response: leanMatches('LeadMatch', leadMatchSchema, 'buyer') },
  { method: 'get', path: '/api/buyers', summary: 'List buyers', description: LEAN_LIST, query: listBuyersQuerySchema, response: leanPage('Buyer', buyer) },
  { method: 'get', path: '/api/buyers/export.csv', summary: 'The buyer list as CSV (every row, streamed)', description: EXPORT_CSV, query: listBuyersQuerySchema, response: z.string(), file: true },
  { method: 'post', path: '/api/buyers', summary: 'Create a buyer (starts workflow buyer-<id>)', body: createBuyerInputSchema, response: buyer, status: 201, idempotent: true },
  { method: 'get', path: '/api/buyers/{id}', summary: 'One buyer', params: idParams, response: buyer },
  { method: 'patch', path: '/api/buyers/{id}', summary: 'Update preferences', params: idParams, body: updateBuyerInputSchema, response: buyer, versioned: true },
  { method: 'post', path: '/api/buyers/{id}/status', summary: 'Change a buyer\'s status through its workflow', params: idParams, body: changeBuyerStatusInputSchema, response: buyer },
  { method: 'post', path: '/api/buyers/{id}/archive', summary: 'Archive a buyer (its automation stops)', params: idParams, response: buyer },
  { method: 'post', path: '/api/buyers/{id}/unarchive', summary: 'Unarchive a buyer (matching restarts from now)', params: idParams, response: buyer },
  { method: 'get', path: '/api/buyers/{id}/duplicates', summary: 'Live buyers that may be this one: the same e-mail or contact key, or the same phone', params: idParams, response: listSchema(duplicateCandidate) },
  { method: 'post', path: '/api/buyers/{id}/merge', summary: 'Merge another buyer (sourceId) into this one', description: MERGE_DESCRIPTION, params: idParams, body: mergeInputSchema, response: named('BuyerMerge', z.object({ buyer, merge: mergeResult })) },
  { method: 'get', path: '/api/buyers/{id}/matches', summary: 'Leads matching a buyer, ranked, with reasons', description: LEAN_MATCHES, params: idParams, query: buyerMatchesQuerySchema, response: leanMatches('BuyerMatch', buyerMatchSchema, 'lead') },
  {
    method: 'post',
    path: '/api/buyers/{id}/send-matches',
    summary: 'E-mail the buyer matching properties: the chosen leads, else the current top matches (202: sent by workflow email-<id>)',
    description:
      'Logged as a note and an event on the buyer and each lead. A buyer without an e-mail address is a 422 naming `email`; one who unsubscribed a 409. With `taskId` (the buyer\'s "Send matching properties" task) the task is completed and sending again from it answers the same message. The mail server is not waited for: a failed send is retried and shown on the Outbox page.',
    params: idParams,
    body: sendMatchesInputSchema,
    response: named('SendMatchesResult', sendMatchesResultSchema),
    status: 202,
  },
  { method: 'get', path: '/api/offers', summary: 'List offers', description: LEAN_LIST, query: listOffersQuerySchema, response: leanPage('OfferListItem', named('OfferListItem', offerListItemSchema)) },
  { method: 'post', path: '/api/offers', summary: 'Create an offer (starts workflow offer-<id>)', body: createOfferInputSchema, response: offer, status: 201, idempotent: true },
  { method: 'get', path: '/api/offers/{id}', summary: 'One offer', params: idParams, response: offer },
  { method: 'patch', path: '/api/offers/{id}', summary: 'Change amount or terms of a negotiable offer', params: idParams, body: updateOfferInputSchema, response: offer },
  { method: 'post', path: '/api/offers/{id}/archive', summary: 'Archive a closed offer', params: idParams, response: offer },
  { method: 'post', path: '/api/offers/{id}/status', summary: 'Change an offer\'s status through its workflow', params: idParams, body: changeOfferStatusInputSchema, response: offer },
  { method: 'get', path: '/api/tasks/export.csv', summary: 'The task list as CSV (every row, streamed)', description: EXPORT_CSV, query: listTasksQuerySchema, response: z.string(), file: true },
  { method: 'post', path: '/api/tasks', summary: 'Create a task (starts workflow task-<id>; assigned by the assignment rule when nobody is named)', description: `Assignment rule: ${ASSIGNMENT_RULE}.`, body: createTaskInputSchema, response: task, status: 201, idempotent: true },
  { method: 'get', path: '/api/tasks', summary: 'List tasks: my tasks, the team\'s or the review queue, with filters and sort', description: LEAN_LIST, query: listTasksQuerySchema, response: leanPage('TaskListItem', taskListItem) },
  { method: 'get', path: '/api/tasks/suggest-assignee', summary: 'Who the assignment rule would give a task nobody named', description: `Assignment rule: ${ASSIGNMENT_RULE}.`, query: suggestAssigneeQuerySchema, response: suggestedAssigneeSchema },
  { method: 'post', path: '/api/tasks/bulk', summary: 'Reassign, complete or cancel many tasks; one result per task', body: bulkTaskInputSchema, response: bulkTaskResultSchema },
  { method: 'get', path: '/api/tasks/{id}', summary: 'One task with its links and the actions the caller may take', params: idParams, response: taskDetail },
  { method: 'patch', path: '/api/tasks/{id}', summary: 'Reassign, reschedule or reprioritise (Updates of task-<id>)', params: idParams, body: updateTaskInputSchema, response: taskDetail },
  { method: 'post', path: '/api/tasks/{id}/transition', summary: 'start / submit / approve / reject / complete / cancel (403 or 409 with the reason when refused)', params: idParams, body: transitionTaskInputSchema, response: taskDetail },
  { method: 'post', path: '/api/tasks/{id}/notes', summary: 'Add a note to a task (an Update of task-<id>)', params: idParams, body: addTaskNoteInputSchema, response: note, status: 201, idempotent: true },
  { method: 'post', path: '/api/tasks/{id}/follow-ups', summary: 'Create a follow-up task carrying over the lead, buyer and offer', params: idParams, body: createFollowUpInputSchema, response: task, status: 201, idempotent: true },
  { method: 'get', path: '/api/settings', summary: 'Automation durations, deal math and the next call attempt', response: settings },
  { method: 'patch', path: '/api/settings', summary: 'Change settings (admins); new timers use them', body: updateSettingsInputSchema, response: settings },
  { method: 'get', path: '/api/notes', summary: 'Notes of a lead, buyer, task or offer', query: listNotesQuerySchema, response: listSchema(note) },
  { method: 'patch', path: '/api/notes/{id}', summary: 'Edit a note (author only)', params: idParams, body: updateNoteInputSchema, response: note },
  { method: 'post', path: '/api/notes/{id}/archive', summary: 'Archive a note (author only)', params: idParams, response: note },
  { method: 'post', path: '/api/notes', summary: 'Add a note', body: createNoteInputSchema, response: note, status: 201, idempotent: true },
  { method: 'get', path: '/api/documents', summary: 'Document metadata of a lead, buyer or offer', query: listDocumentsQuerySchema, response: listSchema(document) },
  {
    method: 'post',
    path: '/api/documents',
    summary: 'Upload a document (multipart: `file` and its fields), or record one without a file (JSON)',
    description: `The file's type is sniffed from its content (${ALLOWED_DOCUMENT_TYPE_NAMES}; anything else is a 400) and it is stored under its SHA-256; over the size limit (25 MB by default) it is a 413. Nothing is left on disk for a refused upload. An expiry arms reminders 7 days and 1 day before; a PROOF_OF_FUNDS document on a buyer with an expiry sets the buyer's proof-of-funds expiry, only for a caller who may change the buyer (else 403) and only to a date ahead (else 400 naming expiresAt).`,
    body: createDocumentInputSchema,
    multipart: uploadDocumentFieldsSchema.safeExtend({ file: z.string().meta({ format: 'binary', description: 'the file' }) }),
    response: document,
    status: 201,
    idempotent: true,
  },
  { method: 'get', path: '/api/documents/{id}/file', summary: "A document's file: inline for PDFs and images, else as an attachment, under the name it was uploaded with", params: idParams, response: z.string().meta({ format: 'binary' }), file: true },
  { method: 'patch', path: '/api/documents/{id}', summary: "Change a document's kind or expiry (re-arms its reminders)", params: idParams, body: updateDocumentInputSchema, response: document },
  { method: 'post', path: '/api/documents/{id}/archive', summary: 'Archive a document (its file is kept)', params: idParams, response: document },
  { method: 'delete', path: '/api/documents/{id}', summary: 'Purge a document, archived or not, and its file (admins only)', params: idParams, response: null, status: 204 },
  { method: 'get', path: '/api/users', summary: 'List users', response: listSchema(user) },
  { method: 'post', path: '/api/users', summary: 'Create a user (admin)', body: createUserInputSchema, response: user, status: 201 },
  { method: 'patch', path: '/api/users/{id}', summary: 'Change a user\'s name, role or password, or (de)activate them (admin)', params: idParams, body: updateUserInputSchema, response: user },
  { method: 'get', path: '/api/users/invites', summary: 'Invites not used yet, the newest per user (admin)', response: listSchema(named('PendingInvite', pendingInviteSchema)) },
  { method: 'post', path: '/api/users/invites', summary: 'Invite a user: creates the account inactive and answers a one-time link (admin)', body: createInviteInputSchema, response: inviteLink, status: 201 },
  { method: 'post', path: '/api/users/{id}/invites', summary: 'A new invite link for a user who has not accepted theirs; earlier links stop working (admin)', params: idParams, response: inviteLink, status: 201 },
  { method: 'get', path: '/api/users/{id}/workload', summary: 'Open leads and tasks a user holds (admin)', params: idParams, response: userWorkloadSchema },
  {
    method: 'post',
    path: '/api/users/{id}/deactivate',
    summary: 'Deactivate a user (admin): ends their sessions, moves their open leads to `leadsTo`, reassigns their open tasks by the assignment rules',
    description: 'Not yourself, not the last active admin (400). `leadsTo` is required when they own open leads. Running it again retries what could not be reassigned.',
    params: idParams,
    body: deactivateUserInputSchema,
    response: named('Deactivation', deactivationSchema),
  },
  { method: 'post', path: '/api/users/{id}/reactivate', summary: 'Make a deactivated user active again (admin)', params: idParams, response: user },
  { method: 'get', path: '/api/invites/{token}', summary: 'Who an invite link invites (404 unknown, 410 used or expired)', params: z.object({ token: z.string() }), response: invitePreviewSchema, public: true },
  { method: 'post', path: '/api/invites/{token}/accept', summary: 'Set the password, activate the account and sign in; the link is used up', params: z.object({ token: z.string() }), body: acceptInviteInputSchema, response: publicUser, public: true },
  {
    method: 'post',
    path: '/api/imports/preview',
    summary: 'What a PropStream, DealMachine or BatchLeads CSV (or any other) would import: provider, header row, column → lead field mapping and the first 10 rows as leads',
    description: 'Multipart: `file` (CSV), optional `mapping` (JSON {column: field | null}). 400 naming what is missing when no column is an address or a zip. Supervisors and admins.',
    multipart: z.object({ file: z.string().meta({ format: 'binary', description: 'the CSV' }), mapping: z.string().optional().meta({ description: 'JSON {column: lead field or null}' }) }),
    response: named('ImportPreview', importPreviewSchema),
  },
  {
    method: 'post',
    path: '/api/imports',
    summary: 'Import a CSV list as LIST_IMPORT leads, as workflow import-<id> in batches of 1,000; answers at once',
    description: 'Multipart: `file`, optional `mapping` (JSON), `ownerId` (default the importer), `tags` (JSON array or comma-separated), `onDuplicate` skip (default) or update (fills empty fields and adds tags). A row whose address key matches a lead or an earlier row is a duplicate; a bad row is an error (errors.csv lists both, each with its reason); created + duplicates + errors = total. Progress comes as `import.progress` events.',
    multipart: z.object({ file: z.string().meta({ format: 'binary' }), mapping: z.string().optional(), ownerId: z.string().optional(), tags: z.string().optional(), onDuplicate: z.enum(ON_DUPLICATE).optional() }),
    response: named('ImportStarted', z.object({ id: z.string(), status: z.enum(IMPORT_STATUSES) })),
    status: 202,
  },
  { method: 'get', path: '/api/imports', summary: 'The newest 100 list imports (supervisors and admins: everyone\'s; others: their own)', response: listSchema(named('Import', importSchema)) },
  { method: 'get', path: '/api/imports/{id}', summary: 'A list import and its counts', params: idParams, response: named('Import', importSchema) },
  { method: 'post', path: '/api/imports/{id}/cancel', summary: 'Stop a list import after the batch it is writing (what was imported stays); 409 once it has ended', params: idParams, response: named('Import', importSchema) },
  { method: 'get', path: '/api/imports/{id}/errors.csv', summary: "A list import's row report as CSV: each bad row and each duplicate (which lead or earlier row it repeats; skipped, merged into it, or what it filled), with its row (line in the file), reason, then the row's original values", params: idParams, response: z.string() },
  { method: 'get', path: '/api/outbox', summary: 'The newest 100 outgoing e-mails: sent, queued or failed, with the last error (admin)', response: listSchema(named('EmailMessage', emailMessageSchema)) },
  { method: 'get', path: '/api/outbox/{id}', summary: 'One outgoing e-mail with its HTML and text parts and, without SMTP, its .eml file (admin)', params: idParams, response: named('EmailMessageDetail', emailMessageDetailSchema) },
  { method: 'get', path: '/api/outbox/{id}/html', summary: 'The HTML part of an outgoing e-mail as a page, for a preview frame (admin)', params: idParams, response: z.string() },
  { method: 'get', path: '/api/unsubscribe/{token}', summary: 'Who an e-mail\'s unsubscribe link is for (404 when the link is not valid)', params: z.object({ token: z.string() }), response: named('UnsubscribePreview', unsubscribePreviewSchema), public: true },
  { method: 'post', path: '/api/unsubscribe/{token}', summary: 'Stop e-mail to the buyer of an unsubscribe link; using it again changes nothing', params: z.object({ token: z.string() }), response: unsubscribePreviewSchema, public: true },
  { method: 'get', path: '/api/notifications', summary: 'The caller\'s newest 20 notifications and how many are unread', response: named('NotificationList', notificationListSchema) },
  { method: 'post', path: '/api/notifications/read-all', summary: 'Mark all my notifications read', response: readAllNotificationsSchema },
  { method: 'post', path: '/api/notifications/{id}/read', summary: 'Mark one of my notifications read', params: idParams, response: notification },
  { method: 'get', path: '/api/analytics', summary: 'Funnel, sources, buyer engagement, task completion, revenue by month, team performance and deal velocity', query: analyticsQuerySchema, response: named('Analytics', analyticsSchema) },
  { method: 'get', path: '/api/dashboard', summary: 'Every dashboard KPI (leads, buyers, tasks, offers, revenue, response time, deal velocity) for a scope (me, team, everyone) and date range, in one read transaction', query: dashboardQuerySchema, response: named('Dashboard', dashboardSchema) },
  { method: 'get', path: '/api/events', summary: 'SSE stream of visible events (Last-Event-ID resumes)', description: 'Each message: `id:` the event id, `event:` its name, `data:` a LiveEvent as JSON. A user holds at most 20 streams at once in one API process; the next is a 429 until one closes.', query: eventStreamQuerySchema, response: z.string() },
  { method: 'get', path: '/api/events/recent', summary: 'The newest visible events', query: recentEventsQuerySchema, response: listSchema(liveEvent) },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', response: openApiDocumentSchema, public: true },
];

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input (a body, query or path parameter; invalid text; malformed or too deeply nested JSON); `fields` names each bad one',
  401: 'Not signed in',
  403: 'The caller\'s role may not do this, or a write came from another site (CSRF: no Origin of ours and no X-Flipstackk-Client header)',
  404: 'No such record (or route)',
  409: 'The record\'s state forbids this change; the message says why',
  410: 'The invite link was used already or has expired',
  412: 'The record changed after the version named in If-Match was read; nothing was saved',
  413: 'The body is over the JSON body limit (64 KB by default), or an uploaded file over the document size limit (25 MB by default)',
  415: 'The body is not UTF-8 JSON (Content-Type: application/json)',
  422: 'The input names records that do not exist or cannot be used',
  429: 'Too many at once: wrong passwords (the e-mail or the address is locked for a while), or a user\'s live streams (Retry-After)',
  503: 'Temporal cannot be reached, or too many password checks are waiting; nothing was changed',
} as const;
type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** The error answers a route can give, each `{error: {code, message, fields?}}`. */
function errorStatuses(route: RouteSpec): ErrorStatus[] {
  const write = route.method !== 'get';
  const statuses: ErrorStatus[] = [400];
  if (!route.public) statuses.push(401, 404);
  // A public route with a path parameter (an invite link) answers 404 for an unknown one, 410 for a spent one.
  if (route.public && route.params) statuses.push(404, 410);
  // A write from another site is refused (403) whether or not the route is public.
  if (write || !route.public) statuses.push(403);
  if (write) statuses.push(413, 415);
  if (write && !route.public) statuses.push(409, 422, 503);
  // A wrong e-mail or password; too many attempts (locked); too many password checks waiting.
  if (route.path === '/api/auth/login') statuses.push(401, 429, 503);
  if (route.path === '/api/me/password') statuses.push(429);
  // A user holding the most live streams a process allows (api/sse/event-hub).
  if (route.path === '/api/events') statuses.push(429);
  if (route.path === '/api/invites/{token}/accept') statuses.push(503);
  if (route.versioned) statuses.push(412);
  return statuses.sort();
}

/** A 2xx's media types: JSON, the event stream, or a document's file as any type an upload may have (octet-stream for a file stored before the sniffing). */
function answerContent(route: RouteSpec, isStream: boolean): Record<string, { schema: z.ZodType }> {
  const schema = route.response!;
  if (isStream) return { 'text/event-stream': { schema } };
  // The outbox's preview frame: an e-mail's HTML part as a page.
  if (route.path === '/api/outbox/{id}/html') return { 'text/html': { schema } };
  if (route.path.endsWith('.csv')) return { 'text/csv': { schema } };
  if (route.path.endsWith('.ics')) return { 'text/calendar': { schema } };
  if (!route.file) return { 'application/json': { schema } };
  return Object.fromEntries([...Object.keys(ALLOWED_DOCUMENT_TYPES), 'application/octet-stream'].map((type) => [type, { schema }]));
}

let cached: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

/** The OpenAPI 3.1 document, generated from the zod schemas once per process. */
export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'flipstackk_session' });
  for (const route of API_ROUTES) {
    const isStream = route.path === '/api/events';
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.public ? {} : { security: [{ session: [] }] }),
      request: {
        ...(route.body
          ? { body: { content: { 'application/json': { schema: route.body }, ...(route.multipart ? { 'multipart/form-data': { schema: route.multipart } } : {}) } } }
          : route.multipart
            ? { body: { content: { 'multipart/form-data': { schema: route.multipart } } } }
            : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.params ? { params: route.params } : {}),
        ...(route.idempotent ? { headers: idempotencyHeaders } : {}),
        ...(route.versioned ? { headers: ifMatchHeaders } : {}),
      },
      responses: {
        [route.status ?? 200]: {
          description: 'OK',
          ...(route.response === null ? {} : { content: answerContent(route, isStream) }),
        },
        ...Object.fromEntries(errorStatuses(route).map((status) => [status, { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: errorSchema } } }])),
        ...(route.path === '/api/health' ? { 503: { description: 'The database or Temporal is down; the body says which', content: { 'application/json': { schema: route.response! } } } } : {}),
        ...(route.path === '/api/ready' ? { 503: { description: 'The database or Temporal is down, or no worker polls the task queue; the body says which', content: { 'application/json': { schema: route.response! } } } } : {}),
      },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Flipstackk API', version: '0.1.0', description: 'CRM for real-estate wholesalers. Errors are `{error: {code, message, fields?}}`.' },
  });
  return cached;
}
