import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { loginInputSchema } from '../domain/auth/login.schema';
import { createDocumentInputSchema, listDocumentsQuerySchema } from '../domain/documents/document.schema';
import { changeBuyerStatusInputSchema, createBuyerInputSchema, listBuyersQuerySchema, updateBuyerInputSchema } from '../domain/buyers/buyer.schema';
import {
  changeLeadStatusInputSchema,
  createLeadInputSchema,
  leadSchema,
  listLeadsQuerySchema,
  updateLeadInputSchema,
} from '../domain/leads/lead.schema';
import { createNoteInputSchema, listNotesQuerySchema, updateNoteInputSchema } from '../domain/notes/note.schema';
import { changeOfferStatusInputSchema, createOfferInputSchema, listOffersQuerySchema, updateOfferInputSchema } from '../domain/offers/offer.schema';
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
import { settingsSchema, updateSettingsInputSchema } from '../domain/settings/settings.schema';
import { dashboardQuerySchema, dashboardSchema } from '../domain/analytics/dashboard.schema';
import { analyticsQuerySchema, analyticsSchema } from '../domain/analytics/analytics.schema';
import { publicUserSchema } from '../domain/users/user-role';
import { historyParamsSchema, savedViewInputSchema, userItemInputSchema } from '../domain/users/user-items.schema';
import { createUserInputSchema, updateUserInputSchema } from '../domain/users/user.schema';

type Method = 'get' | 'post' | 'patch';

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});
const anyObject = z.object({}).catchall(z.unknown());
const page = (item: z.ZodType) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const idParams = z.object({ id: z.string() });

interface RouteSpec {
  method: Method;
  path: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  params?: z.ZodObject;
  response: z.ZodType;
  status?: number;
  public?: boolean;
}

/** Every route of the API with the zod schemas that validate it; tests check nothing is missing. */
export const API_ROUTES: RouteSpec[] = [
  { method: 'get', path: '/api/health', summary: 'Database and Temporal health', response: z.object({ status: z.string(), db: z.string(), temporal: z.string() }), public: true },
  { method: 'post', path: '/api/auth/login', summary: 'Sign in; sets the session cookie', body: loginInputSchema, response: publicUserSchema, public: true },
  { method: 'post', path: '/api/auth/logout', summary: 'Sign out', response: z.null(), status: 204, public: true },
  { method: 'get', path: '/api/me', summary: 'The signed-in user', response: publicUserSchema },
  { method: 'get', path: '/api/me/favorites', summary: 'My favorites', response: z.object({ items: z.array(anyObject) }) },
  { method: 'post', path: '/api/me/favorites', summary: 'Add a favorite', body: userItemInputSchema, response: anyObject, status: 201 },
  { method: 'post', path: '/api/me/favorites/remove', summary: 'Remove a favorite', body: userItemInputSchema, response: z.null(), status: 204 },
  { method: 'get', path: '/api/me/recent', summary: 'My recently viewed items', response: z.object({ items: z.array(anyObject) }) },
  { method: 'post', path: '/api/me/recent', summary: 'Record a view', body: userItemInputSchema, response: anyObject, status: 201 },
  { method: 'get', path: '/api/me/saved-views', summary: 'My saved list views', query: z.object({ page: z.string().optional() }), response: z.object({ items: z.array(anyObject) }) },
  { method: 'post', path: '/api/me/saved-views', summary: 'Save a list view (same name replaces)', body: savedViewInputSchema, response: anyObject, status: 201 },
  { method: 'post', path: '/api/me/saved-views/{id}/delete', summary: 'Delete a saved view', params: idParams, response: z.null(), status: 204 },
  { method: 'get', path: '/api/deals', summary: 'List deals', query: z.object({ closed: z.string().optional(), limit: z.string().optional(), cursor: z.string().optional() }), response: page(anyObject) },
  { method: 'get', path: '/api/history/{entityType}/{id}', summary: 'An entity\'s history timeline', params: historyParamsSchema, response: z.object({ items: z.array(anyObject) }) },
  { method: 'get', path: '/api/config', summary: 'Client configuration', response: z.object({ temporalUiUrl: z.string() }) },
  { method: 'get', path: '/api/leads', summary: 'List leads', query: listLeadsQuerySchema, response: page(leadSchema) },
  { method: 'post', path: '/api/leads', summary: 'Create a lead (starts workflow lead-<id>)', body: createLeadInputSchema, response: leadSchema, status: 201 },
  { method: 'get', path: '/api/leads/{id}', summary: 'One lead', params: idParams, response: leadSchema },
  { method: 'patch', path: '/api/leads/{id}', summary: 'Edit plain fields', params: idParams, body: updateLeadInputSchema, response: leadSchema },
  { method: 'post', path: '/api/leads/{id}/archive', summary: 'Archive a lead', params: idParams, response: leadSchema },
  { method: 'post', path: '/api/leads/{id}/status', summary: 'Move a lead through its workflow (409 when refused)', params: idParams, body: changeLeadStatusInputSchema, response: leadSchema },
  { method: 'get', path: '/api/leads/{id}/matches', summary: 'Buyers matching a lead, ranked, with reasons', params: idParams, response: z.object({ items: z.array(z.object({ buyer: anyObject, score: z.number(), reasons: z.array(z.string()) })) }) },
  { method: 'get', path: '/api/buyers', summary: 'List buyers', query: listBuyersQuerySchema, response: page(anyObject) },
  { method: 'post', path: '/api/buyers', summary: 'Create a buyer (starts workflow buyer-<id>)', body: createBuyerInputSchema, response: anyObject, status: 201 },
  { method: 'get', path: '/api/buyers/{id}', summary: 'One buyer', params: idParams, response: anyObject },
  { method: 'patch', path: '/api/buyers/{id}', summary: 'Update preferences', params: idParams, body: updateBuyerInputSchema, response: anyObject },
  { method: 'post', path: '/api/buyers/{id}/status', summary: 'Change a buyer\'s status through its workflow', params: idParams, body: changeBuyerStatusInputSchema, response: anyObject },
  { method: 'post', path: '/api/buyers/{id}/archive', summary: 'Archive a buyer', params: idParams, response: anyObject },
  { method: 'get', path: '/api/buyers/{id}/matches', summary: 'Leads matching a buyer, ranked, with reasons', params: idParams, response: z.object({ items: z.array(z.object({ lead: leadSchema, score: z.number(), reasons: z.array(z.string()) })) }) },
  { method: 'get', path: '/api/offers', summary: 'List offers', query: listOffersQuerySchema, response: page(anyObject) },
  { method: 'post', path: '/api/offers', summary: 'Create an offer (starts workflow offer-<id>)', body: createOfferInputSchema, response: anyObject, status: 201 },
  { method: 'get', path: '/api/offers/{id}', summary: 'One offer', params: idParams, response: anyObject },
  { method: 'patch', path: '/api/offers/{id}', summary: 'Change amount or terms of a negotiable offer', params: idParams, body: updateOfferInputSchema, response: anyObject },
  { method: 'post', path: '/api/offers/{id}/archive', summary: 'Archive a closed offer', params: idParams, response: anyObject },
  { method: 'post', path: '/api/offers/{id}/status', summary: 'Change an offer\'s status through its workflow', params: idParams, body: changeOfferStatusInputSchema, response: anyObject },
  { method: 'post', path: '/api/tasks', summary: 'Create a task (starts workflow task-<id>; assignee by the SPEC §4 rules when not named)', body: createTaskInputSchema, response: taskSchema, status: 201 },
  { method: 'get', path: '/api/tasks', summary: 'List tasks: my tasks, the team\'s or the review queue, with filters and sort', query: listTasksQuerySchema, response: page(taskSchema) },
  { method: 'get', path: '/api/tasks/suggest-assignee', summary: 'Who the SPEC §4 rules would assign a task to', query: suggestAssigneeQuerySchema, response: suggestedAssigneeSchema },
  { method: 'post', path: '/api/tasks/bulk', summary: 'Reassign, complete or cancel many tasks; one result per task', body: bulkTaskInputSchema, response: bulkTaskResultSchema },
  { method: 'get', path: '/api/tasks/{id}', summary: 'One task with its links and the actions the caller may take', params: idParams, response: taskDetailSchema },
  { method: 'patch', path: '/api/tasks/{id}', summary: 'Reassign, reschedule or reprioritise (Updates of task-<id>)', params: idParams, body: updateTaskInputSchema, response: taskDetailSchema },
  { method: 'post', path: '/api/tasks/{id}/transition', summary: 'start / submit / approve / reject / complete / cancel (403 or 409 with the reason when refused)', params: idParams, body: transitionTaskInputSchema, response: taskDetailSchema },
  { method: 'post', path: '/api/tasks/{id}/notes', summary: 'Add a note to a task (an Update of task-<id>)', params: idParams, body: addTaskNoteInputSchema, response: anyObject, status: 201 },
  { method: 'post', path: '/api/tasks/{id}/follow-ups', summary: 'Create a follow-up task carrying over the lead, buyer and offer', params: idParams, body: createFollowUpInputSchema, response: taskSchema, status: 201 },
  { method: 'get', path: '/api/settings', summary: 'Automation durations and deal math', response: settingsSchema },
  { method: 'patch', path: '/api/settings', summary: 'Change settings (admins); new timers use them', body: updateSettingsInputSchema, response: settingsSchema },
  { method: 'get', path: '/api/notes', summary: 'Notes of a lead, buyer, task or offer', query: listNotesQuerySchema, response: z.object({ items: z.array(anyObject) }) },
  { method: 'patch', path: '/api/notes/{id}', summary: 'Edit a note (author only)', params: idParams, body: updateNoteInputSchema, response: anyObject },
  { method: 'post', path: '/api/notes/{id}/archive', summary: 'Archive a note (author only)', params: idParams, response: anyObject },
  { method: 'post', path: '/api/notes', summary: 'Add a note', body: createNoteInputSchema, response: anyObject, status: 201 },
  { method: 'get', path: '/api/documents', summary: 'Document metadata of a lead, buyer or offer', query: listDocumentsQuerySchema, response: z.object({ items: z.array(anyObject) }) },
  { method: 'post', path: '/api/documents', summary: 'Record a document (metadata)', body: createDocumentInputSchema, response: anyObject, status: 201 },
  { method: 'get', path: '/api/users', summary: 'List users', response: z.object({ items: z.array(anyObject) }) },
  { method: 'post', path: '/api/users', summary: 'Create a user (admin)', body: createUserInputSchema, response: anyObject, status: 201 },
  { method: 'patch', path: '/api/users/{id}', summary: 'Change a user (admin)', params: idParams, body: updateUserInputSchema, response: anyObject },
  { method: 'get', path: '/api/notifications', summary: 'The caller\'s newest 20 notifications and how many are unread', response: z.object({ items: z.array(anyObject), unread: z.number() }) },
  { method: 'post', path: '/api/notifications/read-all', summary: 'Mark all my notifications read', response: z.object({ updated: z.number() }) },
  { method: 'post', path: '/api/notifications/{id}/read', summary: 'Mark one of my notifications read', params: idParams, response: anyObject },
  { method: 'get', path: '/api/analytics', summary: 'Funnel, sources, buyer engagement, task completion, revenue by month, team performance and deal velocity', query: analyticsQuerySchema, response: analyticsSchema },
  { method: 'get', path: '/api/dashboard', summary: 'Every KPI of SPEC §6 for a scope (me, team, everyone) and date range, in one read transaction', query: dashboardQuerySchema, response: dashboardSchema },
  { method: 'get', path: '/api/events', summary: 'SSE stream of visible events (Last-Event-ID resumes)', query: z.object({ lastEventId: z.string().optional() }), response: z.string() },
  { method: 'get', path: '/api/events/recent', summary: 'The newest visible events', query: z.object({ limit: z.string().optional() }), response: z.object({ items: z.array(anyObject) }) },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', response: anyObject, public: true },
];

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
      ...(route.public ? {} : { security: [{ session: [] }] }),
      request: {
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.params ? { params: route.params } : {}),
      },
      responses: {
        [route.status ?? 200]: {
          description: 'OK',
          ...(route.status === 204 ? {} : { content: { [isStream ? 'text/event-stream' : 'application/json']: { schema: route.response } } }),
        },
        400: { description: 'Invalid input; `fields` names each bad field', content: { 'application/json': { schema: errorSchema } } },
        ...(route.public ? {} : { 401: { description: 'Not signed in', content: { 'application/json': { schema: errorSchema } } } }),
      },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Flipstackk API', version: '0.1.0', description: 'CRM for real-estate wholesalers. Errors are `{error: {code, message, fields?}}`.' },
  });
  return cached;
}
