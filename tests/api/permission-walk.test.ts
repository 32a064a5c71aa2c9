import fs from 'node:fs';
import path from 'node:path';
import { getCalendarLink } from '../../api/calendar/get-calendar-link';
import { unsubscribeTokenFor } from '../../api/email/unsubscribe-token';
import { openApiDocument } from '../../api/openapi';
import { checkPermission, type Actor, type PermissionAction, type PermissionSubject } from '../../domain/auth/permissions';
import { USER_ROLES, type UserRole } from '../../domain/users/user-role';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buildLead, buildUser, TEST_PASSWORD } from '../support/factories';
import { importFixture, postCsv } from '../support/import-files';

jest.setTimeout(180_000);

// Every operation of the OpenAPI document, sent by each role against records someone else owns;
// the answer must be the permission matrix's (domain/auth/permissions.ts): a 403 with its reason
// where it refuses, a 2xx where it allows.

type User = Awaited<ReturnType<typeof buildUser>>;
type Check = [PermissionAction, PermissionSubject];
interface Sent {
  path: string;
  body?: unknown;
  /** A CSV sent as multipart `file` instead of a JSON body (list imports). */
  csv?: string;
  /** What the matrix is asked; none for routes every signed-in user (or anyone) may call. */
  checks: Check[];
}
interface WalkCase {
  label: string;
  send(actor: User): Promise<Sent>;
  /** The settings' and users' admin gate answers before the body is read, in its own words. */
  adminGate?: boolean;
  /** Bulk answers 200 with one result per task: the task's result is the answer. */
  perItem?: boolean;
  stream?: boolean;
  public?: boolean;
  /** Answers that are no refusal either (health's 503 says a dependency is slow, not who may ask). */
  notRefusals?: number[];
}

let api: ApiHarness;
const actors = {} as Record<UserRole, User>;
const cookies: Record<string, string> = {};
// The someone-else of every record: a lead owner, a buyer owner, a task's assignee and creator, a note's author.
let leadOwner: User;
let buyerOwner: User;
let assignee: User;
let taskCreator: User;
let colleague: User;

beforeAll(async () => {
  api = await startApiHarness();
  const { db } = api.testDb;
  for (const role of USER_ROLES) {
    actors[role] = await buildUser(db, { role, name: `Walking ${role}` });
    cookies[actors[role].id] = await api.login(actors[role].email);
  }
  leadOwner = await buildUser(db, { role: 'AGENT', name: 'Lee Owner' });
  buyerOwner = await buildUser(db, { role: 'ACQUISITIONS', name: 'Bea Owner' });
  assignee = await buildUser(db, { role: 'AGENT', name: 'Asa Assignee' });
  taskCreator = await buildUser(db, { role: 'AGENT', name: 'Cris Creator' });
  colleague = await buildUser(db, { role: 'AGENT', name: 'Col League' });
});
afterAll(() => api?.close());

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
const db = () => api.testDb.db;

const records = {
  lead: () => buildLead(db(), leadOwner.id),
  buyer: () => db().buyer.create({ data: { name: 'Walk Buyer', ownerId: buyerOwner.id } }),
  async offer(kind: 'PURCHASE' | 'BUYER', status = 'DRAFT', leadStatus = 'NEW') {
    const lead = await records.lead();
    if (leadStatus !== 'NEW') await db().lead.update({ where: { id: lead.id }, data: { status: leadStatus } });
    const buyer = kind === 'BUYER' ? await records.buyer() : null;
    const createdById = kind === 'BUYER' ? buyerOwner.id : leadOwner.id;
    return db().offer.create({ data: { leadId: lead.id, buyerId: buyer?.id ?? null, kind, amount: 50_000, status, createdById } });
  },
  task: () =>
    db().task.create({ data: { title: 'Walk task', type: 'FOLLOW_UP', priority: 'MEDIUM', dueAt: inADay(), status: 'ASSIGNED', assigneeId: assignee.id, createdById: taskCreator.id } }),
  async note() {
    const lead = await records.lead();
    return db().note.create({ data: { body: 'Walk note', authorId: colleague.id, leadId: lead.id } });
  },
  /** A colleague's list import, queued (no workflow runs it here). */
  import: () =>
    db().import.create({ data: { fileName: 'walk.csv', filePath: '/nonexistent/walk.csv', headers: '[]', mapping: '{}', ownerId: colleague.id, createdById: colleague.id } }),
  /** A colleague's file on another's lead (its content JSON, so the harness reads the answer). */
  async document() {
    const lead = await records.lead();
    const hash = 'a'.repeat(64);
    fs.mkdirSync(api.documentsDir, { recursive: true });
    fs.writeFileSync(path.join(api.documentsDir, hash), '{"walk":true}');
    return db().document.create({ data: { kind: 'DISCLOSURE', fileName: 'walk.txt', storagePath: hash, mimeType: 'text/plain', sizeBytes: 13, leadId: lead.id, uploadedById: colleague.id } });
  },
};
const documentSubject = (doc: { uploadedById: string }): PermissionSubject => ({ type: 'document', uploadedById: doc.uploadedById, recordOwnerId: leadOwner.id });
/** An invite made by the admin through the API: the invited (inactive) user and the link's token. */
async function invite(): Promise<{ userId: string; token: string }> {
  const email = `invitee-${Date.now()}-${Math.random()}@flipstackk.test`;
  const made = await api.request('POST', '/api/users/invites', { cookie: cookies[actors.ADMIN.id], body: { email, name: 'Walk Invitee', role: 'AGENT' } });
  if (made.status !== 201) throw new Error(`invite failed: ${made.status} ${JSON.stringify(made.body)}`);
  return { userId: made.body.user.id, token: String(made.body.path).split('/').pop()! };
}

/** A buyer's signed unsubscribe token, as its e-mails carry it. */
async function unsubscribeToken(): Promise<string> {
  const buyer = await db().buyer.create({ data: { name: 'Walk Subscriber', email: 'subscriber@buyer.test', ownerId: buyerOwner.id } });
  return encodeURIComponent(await unsubscribeTokenFor(db(), buyer.id));
}

const leadSubject = (lead: { ownerId: string }): PermissionSubject => ({ type: 'lead', ownerId: lead.ownerId });
const buyerSubject = (buyer: { ownerId: string | null }): PermissionSubject => ({ type: 'buyer', ownerId: buyer.ownerId });
const offerSubject = (offer: { kind: string; createdById: string }): PermissionSubject => ({
  type: 'offer',
  kind: offer.kind as 'PURCHASE' | 'BUYER',
  leadOwnerId: leadOwner.id,
  createdById: offer.createdById,
});
const taskSubject = (task: { assigneeId: string | null; createdById: string | null }): PermissionSubject => ({ type: 'task', assigneeId: task.assigneeId, createdById: task.createdById });
const read = (subject: PermissionSubject): Check[] => [['read', subject]];
const anyone = (label: string, path: string, body?: unknown): WalkCase => ({ label, send: async () => ({ path, body, checks: [] }) });

/** Each operation (method + OpenAPI path) and the requests that walk it; a new route fails the walk until it has its entry. */
const WALK: Record<string, WalkCase[]> = {
  'GET /api/health': [{ ...anyone('health', '/api/health'), public: true, notRefusals: [503] }],
  // Readiness is public like health: a 503 names the missing dependency (here the harness's worker may be between polls), not who asks.
  'GET /api/ready': [{ ...anyone('readiness', '/api/ready'), public: true, notRefusals: [503] }],
  'POST /api/auth/login': [{ label: 'sign in', public: true, send: async (actor) => ({ path: '/api/auth/login', body: { email: actor.email, password: TEST_PASSWORD }, checks: [] }) }],
  'POST /api/auth/logout': [{ ...anyone('sign out (no session)', '/api/auth/logout'), public: true }],
  'GET /api/openapi.json': [{ ...anyone('the document', '/api/openapi.json'), public: true }],
  'GET /api/me': [anyone('me', '/api/me')],
  'GET /api/me/calendar-link': [anyone('my calendar link', '/api/me/calendar-link')],
  'POST /api/me/calendar-link/reset': [anyone('a new calendar link', '/api/me/calendar-link/reset')],
  'GET /api/calendar/{token}.ics': [
    {
      label: "a colleague's calendar feed by its link",
      public: true,
      send: async () => ({ path: new URL((await getCalendarLink(db(), colleague.id, api.appUrl)).url).pathname, checks: [] }),
    },
  ],
  'GET /api/me/notification-preferences': [anyone('my notification preferences', '/api/me/notification-preferences')],
  'PUT /api/me/notification-preferences': [anyone('save my notification preferences', '/api/me/notification-preferences', { muted: ['TASK_COMPLETED'], email: { assignments: 'IMMEDIATELY', overdue: 'NEVER' }, timeZone: 'America/Chicago' })],
  'GET /api/me/favorites': [anyone('my favorites', '/api/me/favorites')],
  'POST /api/me/favorites': [{ label: "a favorite of another's lead", send: async () => ({ path: '/api/me/favorites', body: { entityType: 'lead', entityId: (await records.lead()).id }, checks: [] }) }],
  'POST /api/me/favorites/remove': [{ label: 'unfavorite', send: async () => ({ path: '/api/me/favorites/remove', body: { entityType: 'lead', entityId: (await records.lead()).id }, checks: [] }) }],
  'GET /api/me/recent': [anyone('my recent items', '/api/me/recent')],
  'POST /api/me/recent': [{ label: "a view of another's lead", send: async () => ({ path: '/api/me/recent', body: { entityType: 'lead', entityId: (await records.lead()).id }, checks: [] }) }],
  'GET /api/me/saved-views': [anyone('my saved views', '/api/me/saved-views?page=leads')],
  'POST /api/me/saved-views': [anyone('save a view', '/api/me/saved-views', { page: 'leads', name: 'Walk view', query: { city: 'Dayton' } })],
  'POST /api/me/saved-views/{id}/delete': [
    {
      label: 'delete my view',
      send: async (actor) => {
        const view = await db().savedView.create({ data: { userId: actor.id, page: 'tasks', name: `Walk ${Date.now()}`, query: '{}' } });
        return { path: `/api/me/saved-views/${view.id}/delete`, checks: [] };
      },
    },
  ],
  'GET /api/deals': [anyone('deals', '/api/deals')],
  'GET /api/search': [{ label: "another's lead by its seller", send: async () => { const lead = await records.lead(); return { path: `/api/search?q=${encodeURIComponent(lead.sellerName)}`, checks: read(leadSubject(lead)) }; } }],
  'GET /api/history/{entityType}/{id}': [{ label: "another's lead's history", send: async () => { const lead = await records.lead(); return { path: `/api/history/lead/${lead.id}`, checks: read(leadSubject(lead)) }; } }],
  'GET /api/config': [anyone('client configuration', '/api/config')],

  'GET /api/leads': [{ label: 'the lead list', send: async () => ({ path: `/api/leads?ownerId=${leadOwner.id}`, checks: read({ type: 'lead', ownerId: leadOwner.id }) }) }],
  // Every signed-in user exports; an agent's export holds only their own rows (tests/api/exports.test.ts).
  'GET /api/leads/export.csv': [anyone('the lead export', '/api/leads/export.csv?status=NEW')],
  'GET /api/buyers/export.csv': [anyone('the buyer export', '/api/buyers/export.csv')],
  'GET /api/tasks/export.csv': [anyone("the team's tasks as CSV", '/api/tasks/export.csv?view=team')],
  'POST /api/leads': [
    { label: 'a lead of my own', send: async (actor) => ({ path: '/api/leads', body: { sellerName: 'Walk Seller', street: `1 Walk St Apt ${actor.role}`, city: 'Dayton', state: 'OH', zip: '45402' }, checks: [['create', { type: 'lead', ownerId: actor.id }]] }) },
    {
      label: "a lead in another's name",
      send: async (actor) => ({
        path: '/api/leads',
        body: { sellerName: 'Walk Seller', street: `2 Walk St Apt ${actor.role}`, city: 'Dayton', state: 'OH', zip: '45402', ownerId: leadOwner.id },
        checks: [['create', { type: 'lead', ownerId: leadOwner.id }], ['changeOwner', { type: 'lead', ownerId: actor.id }]],
      }),
    },
  ],
  'GET /api/leads/{id}': [{ label: "another's lead", send: async () => { const lead = await records.lead(); return { path: `/api/leads/${lead.id}`, checks: read(leadSubject(lead)) }; } }],
  'PATCH /api/leads/{id}': [
    { label: 'edit', send: async () => { const lead = await records.lead(); return { path: `/api/leads/${lead.id}`, body: { beds: 3 }, checks: [['update', leadSubject(lead)]] }; } },
    {
      label: 'reassign',
      send: async () => {
        const lead = await records.lead();
        return { path: `/api/leads/${lead.id}`, body: { ownerId: colleague.id }, checks: [['update', leadSubject(lead)], ['changeOwner', leadSubject(lead)]] };
      },
    },
  ],
  'POST /api/leads/bulk': [
    {
      label: 'bulk reassign',
      perItem: true,
      send: async () => { const lead = await records.lead(); return { path: '/api/leads/bulk', body: { ids: [lead.id], action: 'reassign', ownerId: colleague.id }, checks: [['update', leadSubject(lead)], ['changeOwner', leadSubject(lead)]] }; },
    },
  ],
  'POST /api/leads/{id}/archive': [{ label: 'archive', send: async () => { const lead = await records.lead(); return { path: `/api/leads/${lead.id}/archive`, checks: [['archive', leadSubject(lead)]] }; } }],
  'POST /api/leads/{id}/unarchive': [{ label: 'unarchive', send: async () => { const lead = await db().lead.update({ where: { id: (await records.lead()).id }, data: { archivedAt: new Date() } }); return { path: `/api/leads/${lead.id}/unarchive`, checks: [['archive', leadSubject(lead)]] }; } }],
  'POST /api/leads/{id}/status': [{ label: 'move', send: async () => { const lead = await records.lead(); return { path: `/api/leads/${lead.id}/status`, body: { status: 'CONTACTED' }, checks: [['update', leadSubject(lead)]] }; } }],
  'POST /api/leads/{id}/calls': [{ label: 'log a call', send: async () => { const lead = await records.lead(); return { path: `/api/leads/${lead.id}/calls`, body: { outcome: 'NO_ANSWER' }, checks: [['update', leadSubject(lead)]] }; } }],
  'GET /api/leads/{id}/duplicates': [{ label: 'possible duplicates', send: async () => { const lead = await records.lead(); return { path: `/api/leads/${lead.id}/duplicates`, checks: read(leadSubject(lead)) }; } }],
  'POST /api/leads/{id}/merge': [
    {
      label: "merge another's lead into another's lead",
      send: async () => {
        const [survivor, source] = [await records.lead(), await records.lead()];
        return { path: `/api/leads/${survivor.id}/merge`, body: { sourceId: source.id }, checks: [['update', leadSubject(survivor)], ['update', leadSubject(source)]] };
      },
    },
  ],
  'GET /api/leads/{id}/matches': [{ label: 'matches', send: async () => { const lead = await records.lead(); return { path: `/api/leads/${lead.id}/matches`, checks: read(leadSubject(lead)) }; } }],

  'GET /api/buyers': [{ label: 'the buyer list', send: async () => ({ path: '/api/buyers', checks: read({ type: 'buyer', ownerId: buyerOwner.id }) }) }],
  'POST /api/buyers': [{ label: 'a buyer', send: async (actor) => ({ path: '/api/buyers', body: { name: 'Walk Buyer', markets: ['Dayton, OH'] }, checks: [['create', { type: 'buyer', ownerId: actor.id }]] }) }],
  'GET /api/buyers/{id}': [{ label: "another's buyer", send: async () => { const buyer = await records.buyer(); return { path: `/api/buyers/${buyer.id}`, checks: read(buyerSubject(buyer)) }; } }],
  'PATCH /api/buyers/{id}': [
    { label: 'preferences and markets', send: async () => { const buyer = await records.buyer(); return { path: `/api/buyers/${buyer.id}`, body: { markets: ['Kettering, OH'], maxPrice: 90_000 }, checks: [['update', buyerSubject(buyer)]] }; } },
  ],
  'POST /api/buyers/{id}/status': [{ label: 'status', send: async () => { const buyer = await records.buyer(); return { path: `/api/buyers/${buyer.id}/status`, body: { status: 'ACTIVE' }, checks: [['update', buyerSubject(buyer)]] }; } }],
  'POST /api/buyers/{id}/archive': [{ label: 'archive', send: async () => { const buyer = await records.buyer(); return { path: `/api/buyers/${buyer.id}/archive`, checks: [['archive', buyerSubject(buyer)]] }; } }],
  'POST /api/buyers/{id}/unarchive': [{ label: 'unarchive', send: async () => { const buyer = await db().buyer.update({ where: { id: (await records.buyer()).id }, data: { archivedAt: new Date() } }); return { path: `/api/buyers/${buyer.id}/unarchive`, checks: [['archive', buyerSubject(buyer)]] }; } }],
  'GET /api/buyers/{id}/duplicates': [{ label: 'possible duplicates', send: async () => { const buyer = await records.buyer(); return { path: `/api/buyers/${buyer.id}/duplicates`, checks: read(buyerSubject(buyer)) }; } }],
  'POST /api/buyers/{id}/merge': [
    {
      label: "merge another's buyer into another's buyer",
      send: async () => {
        const [survivor, source] = [await records.buyer(), await records.buyer()];
        return { path: `/api/buyers/${survivor.id}/merge`, body: { sourceId: source.id }, checks: [['update', buyerSubject(survivor)], ['update', buyerSubject(source)]] };
      },
    },
  ],
  'GET /api/buyers/{id}/matches': [{ label: 'matches', send: async () => { const buyer = await records.buyer(); return { path: `/api/buyers/${buyer.id}/matches`, checks: read(buyerSubject(buyer)) }; } }],
  'POST /api/buyers/{id}/send-matches': [
    {
      label: "e-mail a lead to another's buyer",
      send: async () => {
        const buyer = await db().buyer.create({ data: { name: 'Walk Mail Buyer', email: 'walk@buyer.test', ownerId: buyerOwner.id } });
        const lead = await records.lead();
        return { path: `/api/buyers/${buyer.id}/send-matches`, body: { leadIds: [lead.id] }, checks: [['update', buyerSubject(buyer)]] };
      },
    },
  ],
  'GET /api/outbox': [{ label: 'the outbox', send: async () => ({ path: '/api/outbox', checks: read({ type: 'outbox' }) }) }],
  'GET /api/outbox/{id}': [
    {
      label: 'one sent e-mail',
      send: async () => {
        const message = await db().emailMessage.create({ data: { key: `walk-${Date.now()}-${Math.random()}`, kind: 'BUYER_MATCHES', to: 'walk@buyer.test', subject: 'Walk', html: '<p>Walk</p>', text: 'Walk' } });
        return { path: `/api/outbox/${message.id}`, checks: read({ type: 'outbox' }) };
      },
    },
  ],
  'GET /api/outbox/{id}/html': [
    {
      label: "one e-mail's HTML",
      send: async () => {
        const message = await db().emailMessage.create({ data: { key: `walk-${Date.now()}-${Math.random()}`, kind: 'BUYER_MATCHES', to: 'walk@buyer.test', subject: 'Walk', html: '<p>Walk</p>', text: 'Walk' } });
        return { path: `/api/outbox/${message.id}/html`, checks: read({ type: 'outbox' }) };
      },
    },
  ],
  'GET /api/unsubscribe/{token}': [{ label: 'who a link unsubscribes', public: true, send: async () => ({ path: `/api/unsubscribe/${await unsubscribeToken()}`, checks: [] }) }],
  'POST /api/unsubscribe/{token}': [{ label: 'unsubscribe', public: true, send: async () => ({ path: `/api/unsubscribe/${await unsubscribeToken()}`, checks: [] }) }],

  'GET /api/offers': [{ label: 'the offer list', send: async () => ({ path: '/api/offers', checks: read({ type: 'offer', kind: 'PURCHASE', leadOwnerId: leadOwner.id, createdById: leadOwner.id }) }) }],
  'POST /api/offers': [
    {
      label: "a purchase offer on another's lead",
      send: async (actor) => {
        const lead = await records.lead();
        return { path: '/api/offers', body: { leadId: lead.id, kind: 'PURCHASE', amount: 60_000 }, checks: [['create', { type: 'offer', kind: 'PURCHASE', leadOwnerId: lead.ownerId, createdById: actor.id }]] };
      },
    },
    {
      label: "a buyer's offer",
      send: async (actor) => {
        const [lead, buyer] = [await records.lead(), await records.buyer()];
        return {
          path: '/api/offers',
          body: { leadId: lead.id, buyerId: buyer.id, kind: 'BUYER', amount: 60_000 },
          checks: [['create', { type: 'offer', kind: 'BUYER', leadOwnerId: lead.ownerId, createdById: actor.id }]],
        };
      },
    },
  ],
  'GET /api/offers/{id}': [{ label: "another's offer", send: async () => { const offer = await records.offer('PURCHASE'); return { path: `/api/offers/${offer.id}`, checks: read(offerSubject(offer)) }; } }],
  'PATCH /api/offers/{id}': (['PURCHASE', 'BUYER'] as const).map((kind) => ({
    label: `amount of a ${kind} offer`,
    send: async () => { const offer = await records.offer(kind); return { path: `/api/offers/${offer.id}`, body: { amount: 55_000 }, checks: [['update', offerSubject(offer)]] }; },
  })),
  'POST /api/offers/{id}/archive': (['PURCHASE', 'BUYER'] as const).map((kind) => ({
    label: `archive a withdrawn ${kind} offer`,
    send: async () => { const offer = await records.offer(kind, 'WITHDRAWN'); return { path: `/api/offers/${offer.id}/archive`, checks: [['archive', offerSubject(offer)]] }; },
  })),
  'POST /api/offers/{id}/status': [
    ...(['PURCHASE', 'BUYER'] as const).map((kind) => ({
      label: `send a ${kind} offer`,
      send: async () => { const offer = await records.offer(kind); return { path: `/api/offers/${offer.id}/status`, body: { status: 'SENT' }, checks: [['update', offerSubject(offer)]] as Check[] }; },
    })),
    {
      label: 'accept a sent PURCHASE offer',
      // Its lead at offer made: a purchase offer on a new lead is refused whoever asks.
      send: async () => { const offer = await records.offer('PURCHASE', 'SENT', 'OFFER_MADE'); return { path: `/api/offers/${offer.id}/status`, body: { status: 'ACCEPTED' }, checks: [['update', offerSubject(offer)]] }; },
    },
  ],

  'POST /api/tasks': [
    { label: "a task for someone else", send: async (actor) => ({ path: '/api/tasks', body: { title: 'Walk task', dueAt: inADay(), assigneeId: colleague.id }, checks: [['create', { type: 'task', assigneeId: colleague.id, createdById: actor.id }]] }) },
  ],
  'GET /api/tasks': [{ label: "the team's tasks", send: async () => ({ path: '/api/tasks?view=team', checks: read({ type: 'task', assigneeId: assignee.id, createdById: taskCreator.id }) }) }],
  'GET /api/tasks/suggest-assignee': [{ label: 'suggestion', send: async () => { const lead = await records.lead(); return { path: `/api/tasks/suggest-assignee?type=LEAD&leadId=${lead.id}`, checks: read(leadSubject(lead)) }; } }],
  'POST /api/tasks/bulk': [
    { label: 'bulk cancel', perItem: true, send: async () => { const task = await records.task(); return { path: '/api/tasks/bulk', body: { ids: [task.id], action: 'cancel' }, checks: [['archive', taskSubject(task)]] }; } },
    {
      label: 'bulk reassign',
      perItem: true,
      send: async () => { const task = await records.task(); return { path: '/api/tasks/bulk', body: { ids: [task.id], action: 'reassign', assigneeId: colleague.id }, checks: [['changeOwner', taskSubject(task)]] }; },
    },
  ],
  'GET /api/tasks/{id}': [{ label: "another's task", send: async () => { const task = await records.task(); return { path: `/api/tasks/${task.id}`, checks: read(taskSubject(task)) }; } }],
  'PATCH /api/tasks/{id}': [
    { label: 'reprioritise', send: async () => { const task = await records.task(); return { path: `/api/tasks/${task.id}`, body: { priority: 'LOW' }, checks: [['update', taskSubject(task)]] }; } },
    { label: 'reschedule', send: async () => { const task = await records.task(); return { path: `/api/tasks/${task.id}`, body: { dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString() }, checks: [['update', taskSubject(task)]] }; } },
    { label: 'reassign', send: async () => { const task = await records.task(); return { path: `/api/tasks/${task.id}`, body: { assigneeId: colleague.id }, checks: [['changeOwner', taskSubject(task)]] }; } },
  ],
  'POST /api/tasks/{id}/transition': [
    { label: 'start', send: async () => { const task = await records.task(); return { path: `/api/tasks/${task.id}/transition`, body: { action: 'start' }, checks: [['update', taskSubject(task)]] }; } },
    { label: 'cancel', send: async () => { const task = await records.task(); return { path: `/api/tasks/${task.id}/transition`, body: { action: 'cancel' }, checks: [['archive', taskSubject(task)]] }; } },
  ],
  'POST /api/tasks/{id}/notes': [
    { label: "a note on another's task", send: async (actor) => { const task = await records.task(); return { path: `/api/tasks/${task.id}/notes`, body: { body: 'Walk note' }, checks: [['create', { type: 'note', authorId: actor.id }]] }; } },
  ],
  'POST /api/tasks/{id}/follow-ups': [
    {
      label: "a follow-up of another's task",
      send: async (actor) => { const task = await records.task(); return { path: `/api/tasks/${task.id}/follow-ups`, body: { title: 'Walk follow-up', dueAt: inADay() }, checks: [['create', { type: 'task', assigneeId: actor.id, createdById: actor.id }]] }; },
    },
  ],

  'GET /api/settings': [{ label: 'settings', send: async () => ({ path: '/api/settings', checks: read({ type: 'settings' }) }) }],
  'PATCH /api/settings': [{ label: 'deal math', adminGate: true, send: async () => ({ path: '/api/settings', body: { dealMath: { rulePercent: 70 } }, checks: [['update', { type: 'settings' }]] }) }],
  'GET /api/notes': [{ label: "notes of another's lead", send: async () => { const note = await records.note(); return { path: `/api/notes?leadId=${note.leadId}`, checks: read({ type: 'note', authorId: note.authorId }) }; } }],
  'POST /api/notes': [{ label: "a note on another's lead", send: async (actor) => { const lead = await records.lead(); return { path: '/api/notes', body: { leadId: lead.id, body: 'Walk note' }, checks: [['create', { type: 'note', authorId: actor.id }]] }; } }],
  'PATCH /api/notes/{id}': [{ label: "edit another's note", send: async () => { const note = await records.note(); return { path: `/api/notes/${note.id}`, body: { body: 'Rewritten' }, checks: [['update', { type: 'note', authorId: note.authorId }]] }; } }],
  'POST /api/notes/{id}/archive': [{ label: "archive another's note", send: async () => { const note = await records.note(); return { path: `/api/notes/${note.id}/archive`, checks: [['archive', { type: 'note', authorId: note.authorId }]] }; } }],
  // The list answers everyone, with the documents each may see.
  'GET /api/documents': [
    { label: "documents of another's lead", send: async () => { const doc = await records.document(); return { path: `/api/documents?leadId=${doc.leadId}`, checks: [] }; } },
    // Archived documents are for the admins who purge them.
    { label: "archived documents of another's lead", adminGate: true, send: async () => { const doc = await records.document(); return { path: `/api/documents?leadId=${doc.leadId}&archived=true`, checks: [['update', { type: 'user', id: null }]] }; } },
  ],
  'GET /api/documents/{id}/file': [{ label: "a colleague's file on another's lead", send: async () => { const doc = await records.document(); return { path: `/api/documents/${doc.id}/file`, checks: read(documentSubject(doc)) }; } }],
  'PATCH /api/documents/{id}': [
    { label: "another's document's expiry", send: async () => { const doc = await records.document(); return { path: `/api/documents/${doc.id}`, body: { expiresAt: inADay() }, checks: [['update', documentSubject(doc)]] }; } },
  ],
  // Purging is the admins' alone, like managing users (the matrix's admin-only subject).
  'DELETE /api/documents/{id}': [{ label: 'purge a document', adminGate: true, send: async () => { const doc = await records.document(); return { path: `/api/documents/${doc.id}`, checks: [['update', { type: 'user', id: null }]] }; } }],
  'POST /api/documents/{id}/archive': [{ label: "archive another's document", send: async () => { const doc = await records.document(); return { path: `/api/documents/${doc.id}/archive`, checks: [['archive', documentSubject(doc)]] }; } }],
  'POST /api/documents': [
    {
      label: "a document on another's lead",
      send: async (actor) => { const lead = await records.lead(); return { path: '/api/documents', body: { leadId: lead.id, kind: 'DISCLOSURE', fileName: 'walk.pdf' }, checks: [['create', { type: 'document', uploadedById: actor.id }]] }; },
    },
  ],
  'POST /api/imports/preview': [{ label: 'preview a list', send: async (actor) => ({ path: '/api/imports/preview', csv: importFixture('batchleads.csv'), checks: [['create', { type: 'import', createdById: actor.id }]] }) }],
  'POST /api/imports': [{ label: 'import a list', send: async (actor) => ({ path: '/api/imports', csv: importFixture('batchleads.csv'), checks: [['create', { type: 'import', createdById: actor.id }]] }) }],
  'GET /api/imports': [{ label: 'imports (one\'s own for those who may not see all)', send: async () => ({ path: '/api/imports', checks: [] }) }],
  'GET /api/imports/{id}': [{ label: "a colleague's import", send: async () => ({ path: `/api/imports/${(await records.import()).id}`, checks: read({ type: 'import', createdById: colleague.id }) }) }],
  'GET /api/imports/{id}/errors.csv': [{ label: "a colleague's import's bad rows", send: async () => ({ path: `/api/imports/${(await records.import()).id}/errors.csv`, checks: read({ type: 'import', createdById: colleague.id }) }) }],
  'POST /api/imports/{id}/cancel': [
    {
      label: "cancel a colleague's import",
      send: async () => {
        const subject: PermissionSubject = { type: 'import', createdById: colleague.id };
        return { path: `/api/imports/${(await records.import()).id}/cancel`, checks: [['read', subject], ['update', subject]] };
      },
    },
  ],
  'GET /api/users': [{ label: 'users', send: async () => ({ path: '/api/users', checks: read({ type: 'user', id: colleague.id }) }) }],
  'POST /api/users': [
    {
      label: 'a new user',
      adminGate: true,
      send: async () => ({ path: '/api/users', body: { email: `walk-${Date.now()}-${Math.random()}@flipstackk.test`, name: 'Walk User', role: 'AGENT', password: 'Walk-Horse-Battery-Staple-91' }, checks: [['create', { type: 'user', id: null }]] }),
    },
  ],
  'PATCH /api/users/{id}': [
    { label: "another's name", adminGate: true, send: async () => { const user = await buildUser(db()); return { path: `/api/users/${user.id}`, body: { name: 'Renamed' }, checks: [['update', { type: 'user', id: user.id }]] }; } },
  ],
  // Invites and a user's workload serve managing users: the matrix's create (an invite makes an account) and update.
  'GET /api/users/invites': [{ label: 'pending invites', adminGate: true, send: async () => ({ path: '/api/users/invites', checks: [['create', { type: 'user', id: null }]] }) }],
  'POST /api/users/invites': [
    {
      label: 'invite a user',
      adminGate: true,
      send: async () => ({ path: '/api/users/invites', body: { email: `walk-invite-${Date.now()}-${Math.random()}@flipstackk.test`, name: 'Walk Invitee', role: 'AGENT' }, checks: [['create', { type: 'user', id: null }]] }),
    },
  ],
  'POST /api/users/{id}/invites': [
    { label: 'a new link for an invitee', adminGate: true, send: async () => { const { userId } = await invite(); return { path: `/api/users/${userId}/invites`, checks: [['update', { type: 'user', id: userId }]] }; } },
  ],
  'GET /api/users/{id}/workload': [
    { label: "a colleague's workload", adminGate: true, send: async () => ({ path: `/api/users/${colleague.id}/workload`, checks: [['update', { type: 'user', id: colleague.id }]] }) },
  ],
  'POST /api/users/{id}/deactivate': [
    {
      label: 'deactivate a user without work',
      adminGate: true,
      send: async () => { const user = await buildUser(db()); return { path: `/api/users/${user.id}/deactivate`, body: {}, checks: [['update', { type: 'user', id: user.id }]] }; },
    },
  ],
  'POST /api/users/{id}/reactivate': [
    {
      label: 'reactivate a deactivated user',
      adminGate: true,
      send: async () => { const user = await buildUser(db(), { active: false }); return { path: `/api/users/${user.id}/reactivate`, checks: [['update', { type: 'user', id: user.id }]] }; },
    },
  ],
  // The invite link's page and its acceptance need no session: the token is the permission.
  'GET /api/invites/{token}': [{ label: 'who a link invites', public: true, send: async () => ({ path: `/api/invites/${(await invite()).token}`, checks: [] }) }],
  'POST /api/invites/{token}/accept': [
    { label: 'accept an invite', public: true, send: async () => ({ path: `/api/invites/${(await invite()).token}/accept`, body: { password: 'Walk-Horse-Battery-Staple-91' }, checks: [] }) },
  ],
  'GET /api/notifications': [anyone('my notifications', '/api/notifications')],
  'POST /api/notifications/read-all': [anyone('read all mine', '/api/notifications/read-all')],
  'POST /api/notifications/{id}/read': [
    {
      label: 'read one of mine',
      send: async (actor) => {
        const notification = await db().notification.create({ data: { recipientId: actor.id, kind: 'MENTION', title: 'Walk', body: 'Walk' } });
        return { path: `/api/notifications/${notification.id}/read`, checks: [] };
      },
    },
  ],
  'GET /api/analytics': [anyone('analytics in my scope', '/api/analytics')],
  'GET /api/dashboard': [anyone('dashboard in my scope', '/api/dashboard')],
  'GET /api/queue': [anyone('my call queue', '/api/queue')],
  'GET /api/events': [{ ...anyone('the event stream', '/api/events'), stream: true }],
  'GET /api/events/recent': [anyone('the activity feed', '/api/events/recent')],
  'GET /api/me/sessions': [anyone('where I am signed in', '/api/me/sessions')],
  'DELETE /api/me/sessions/{id}': [
    {
      label: 'end another session of mine',
      send: async (actor) => {
        await api.login(actor.email);
        const session = await db().session.findFirstOrThrow({ where: { userId: actor.id }, orderBy: { createdAt: 'desc' } });
        return { path: `/api/me/sessions/${session.id}`, checks: [] };
      },
    },
  ],
  // Last: the walk signs in with the old password before this (the current session is kept).
  'POST /api/me/password': [anyone('change my password', '/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'Walk-Horse-Battery-Staple-91' })],
};

/** The matrix's answer: the first refusal's reason, or allowed. */
function expected(actor: User, walkCase: WalkCase, checks: Check[]): string {
  const who: Actor = { id: actor.id, role: actor.role as UserRole };
  for (const [action, subject] of checks) {
    const check = checkPermission(who, action, subject);
    if (!check.ok) return walkCase.adminGate ? 'refused' : `refused: ${check.reason}`;
  }
  return 'allowed';
}

async function answer(actor: User, method: string, walkCase: WalkCase, sent: Sent): Promise<string> {
  const cookie = walkCase.public ? undefined : cookies[actor.id];
  if (walkCase.stream) {
    // The stream never ends: its status is the answer.
    const controller = new AbortController();
    const response = await fetch(`${api.url}${sent.path}`, { headers: { cookie: cookie! }, signal: controller.signal });
    controller.abort();
    return response.ok ? 'allowed' : `${response.status}`;
  }
  const response = sent.csv ? await postCsv(`${api.url}${sent.path}`, cookie!, sent.csv) : await api.request(method, sent.path, { cookie, body: sent.body });
  const item = walkCase.perItem && response.status === 200 ? response.body.results[0] : undefined;
  const [status, message] = item ? [item.ok ? 200 : 403, item.error] : [response.status, response.body?.error?.message];
  if ((status >= 200 && status < 300) || walkCase.notRefusals?.includes(status)) return 'allowed';
  if (status === 403) return walkCase.adminGate ? 'refused' : `refused: ${message}`;
  return `${status}: ${message}`;
}

const documentOperations = (): string[] =>
  Object.entries(openApiDocument().paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item as object)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );

describe('the permission walk', () => {
  it('has an entry for every operation of the OpenAPI document, and none for an operation it lacks', () => {
    const operations = documentOperations();
    expect(operations.filter((operation) => !(operation in WALK))).toEqual([]);
    expect(Object.keys(WALK).filter((operation) => !operations.includes(operation))).toEqual([]);
  });

  const cases = Object.entries(WALK).flatMap(([operation, walkCases]) => walkCases.map((walkCase): [string, string, WalkCase] => [operation, walkCase.label, walkCase]));

  it.each(cases)("%s (%s) answers each role as the matrix says", async (operation, _label, walkCase) => {
    const method = operation.split(' ')[0]!;
    const outcomes = await Promise.all(
      USER_ROLES.map(async (role) => {
        const actor = actors[role];
        const sent = await walkCase.send(actor);
        return { role, expected: expected(actor, walkCase, sent.checks), actual: await answer(actor, method, walkCase, sent) };
      }),
    );
    expect(Object.fromEntries(outcomes.map((o) => [o.role, o.actual]))).toEqual(Object.fromEntries(outcomes.map((o) => [o.role, o.expected])));
  });

  it('refuses in the places the issue named: an agent cannot move, reassign or archive another agent\'s lead, accept an offer on it, or edit a buyer', async () => {
    // The walk checks these against the matrix; here they are spelled out, whatever the matrix says.
    const agent = { cookie: cookies[actors.AGENT.id] };
    const lead = await records.lead();
    const offer = await db().offer.create({ data: { leadId: lead.id, kind: 'PURCHASE', amount: 70_000, status: 'SENT', createdById: leadOwner.id } });
    const buyer = await records.buyer();
    const attempts = await Promise.all([
      api.request('PATCH', `/api/leads/${lead.id}`, { ...agent, body: { ownerId: actors.AGENT.id } }),
      api.request('POST', `/api/leads/${lead.id}/status`, { ...agent, body: { status: 'CONTACTED' } }),
      api.request('POST', `/api/leads/${lead.id}/archive`, agent),
      api.request('POST', `/api/offers/${offer.id}/status`, { ...agent, body: { status: 'ACCEPTED' } }),
      api.request('PATCH', `/api/buyers/${buyer.id}`, { ...agent, body: { name: 'Mine now' } }),
      api.request('POST', `/api/buyers/${buyer.id}/archive`, agent),
    ]);
    expect(attempts.map((attempt) => attempt.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ ownerId: leadOwner.id, status: 'NEW', archivedAt: null });
    expect(await db().offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ status: 'SENT' });
    expect(await db().buyer.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({ name: 'Walk Buyer', archivedAt: null });
  });
});
