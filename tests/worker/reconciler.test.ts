import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { documentWorkflowId, offerWorkflowId, taskWorkflowId } from '../../domain/workflow-ids';
import { createFlipstackkWorker } from '../../worker/create-worker';
import { startReconciler } from '../../worker/reconciler';
import { buildLeadInput, buildUser } from '../support/factories';
import { startAppWithoutTemporal, type OfflineApp } from '../support/offline-app';
import { startTemporalDevServer, workflowBundle } from '../support/temporal-env';
import { waitUntil } from '../support/wait-until';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import fs from 'node:fs';
import { importFixture } from '../support/import-files';

jest.setTimeout(180_000);

const TASK_QUEUE = 'reconciler-test';
const DAY = 24 * 60 * 60 * 1000;
let app: OfflineApp;
let temporal: TestWorkflowEnvironment | undefined;

beforeAll(async () => {
  app = await startAppWithoutTemporal();
});
afterAll(async () => {
  await temporal?.teardown();
  await app?.close();
});

it('records saved while Temporal is unreachable are answered 201 at once, counted as backlog, and get their workflows once a reconciler reaches Temporal', async () => {
  const admin = await buildUser(app.testDb.db, { role: 'ADMIN' });
  await buildUser(app.testDb.db, { role: 'ACQUISITIONS' });
  const leaver = await buildUser(app.testDb.db, { role: 'ACQUISITIONS' });
  const cookie = await app.login(admin.email);
  // The client alone would retry an unreachable server for about 20 s: the API must not wait for it.
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test', cookie },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };
  const inAMonth = new Date(Date.now() + 30 * DAY).toISOString();
  const lead = await post('/api/leads', buildLeadInput({ sellerName: 'Offline Olive' }));
  // Its contact task is saved with it, due an hour after it, though no workflow runs yet.
  const offlineLead = await app.testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id }, include: { tasks: true } });
  expect(offlineLead.tasks).toEqual([expect.objectContaining({ title: 'Contact lead within 1 hour', status: 'CREATED', assigneeId: admin.id, dueAt: new Date(offlineLead.createdAt.getTime() + DEFAULT_DEADLINES.contactMs) })]);
  const buyer = await post('/api/buyers', { name: 'Offline Buyer', cashBuyer: true, email: 'offline@buyer.test', markets: ['Dayton, OH'] });
  const offer = await post('/api/offers', { leadId: lead.id, kind: 'PURCHASE', amount: 70_000 });
  const task = await post('/api/tasks', { title: 'Call the title company', type: 'ADMIN', priority: 'MEDIUM', dueAt: inAMonth, assigneeId: admin.id });
  // A task of someone deactivated while Temporal is down stays theirs for now, and the answer says why.
  const leaversTask = await post('/api/tasks', { title: 'Walk the Elm St property', type: 'ADMIN', priority: 'HIGH', dueAt: inAMonth, assigneeId: leaver.id });
  const deactivated = await fetch(`${app.url}/api/users/${leaver.id}/deactivate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test', cookie },
    body: '{}',
    signal: AbortSignal.timeout(60_000),
  });
  expect(deactivated.status).toBe(200);
  const deactivation = (await deactivated.json()) as { reassignedTasks: unknown[]; unassignedTasks: Array<{ taskId: string }> };
  expect(deactivation.reassignedTasks).toEqual([]);
  expect(deactivation.unassignedTasks.map((unassigned) => unassigned.taskId)).toEqual([leaversTask.id]);
  // The document is a real upload (multipart), saved with its file while Temporal is down.
  const form = new FormData();
  form.append('kind', 'DISCLOSURE');
  form.append('leadId', lead.id);
  form.append('expiresAt', inAMonth);
  form.append('file', new Blob(['%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'], { type: 'application/pdf' }), 'disclosure.pdf');
  const uploaded = await fetch(`${app.url}/api/documents`, { method: 'POST', headers: { [CLIENT_HEADER]: 'test', cookie }, body: form, signal: AbortSignal.timeout(10_000) });
  expect(uploaded.status).toBe(201);
  const document = (await uploaded.json()) as { id: string; mimeType: string };
  expect(document.mimeType).toBe('application/pdf');
  // An e-mail to a buyer is queued (202) whether or not its workflow can start.
  const mailed = await fetch(`${app.url}/api/buyers/${buyer.id}/send-matches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test', cookie },
    body: JSON.stringify({ leadIds: [lead.id] }),
    signal: AbortSignal.timeout(10_000),
  });
  expect(mailed.status).toBe(202);
  const { message } = (await mailed.json()) as { message: { id: string; status: string } };
  expect(message.status).toBe('QUEUED');
  // A list import is accepted (202 QUEUED) and waits for its workflow.
  const list = new FormData();
  list.append('file', new Blob([fs.readFileSync(importFixture('propstream.csv'))], { type: 'text/csv' }), 'offline-list.csv');
  const imported = await fetch(`${app.url}/api/imports`, { method: 'POST', headers: { [CLIENT_HEADER]: 'test', cookie }, body: list, signal: AbortSignal.timeout(10_000) });
  expect(imported.status).toBe(202);
  const listImport = (await imported.json()) as { id: string; status: string };
  expect(listImport.status).toBe('QUEUED');

  // /api/health reports them as the reconciler's backlog, from checks run in the background.
  const backlogHealth = await waitUntil('the backlog in /api/health', async () => {
    const response = await fetch(`${app.url}/api/health`);
    const body = await response.json();
    return response.status === 503 && body.temporal === 'down' && body.reconciler?.backlog === 9 ? body : undefined;
  });
  expect(backlogHealth.reconciler.byKind).toEqual({ lead: 1, buyer: 1, offer: 1, task: 3, document: 1, email: 1, import: 1 });
  expect(backlogHealth.reconciler.oldestCreatedAt).not.toBeNull();

  // Temporal becomes reachable: a worker and its reconciler on the same database.
  temporal = await startTemporalDevServer();
  const env = temporal;
  const worker = await createFlipstackkWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue: TASK_QUEUE,
    db: app.testDb.db,
    deadlines: DEFAULT_DEADLINES,
    workflowBundle: await workflowBundle(),
  });
  const reconciler = startReconciler({ db: app.testDb.db, temporal: env.client, taskQueue: TASK_QUEUE, intervalMs: 1_000, batchSize: 2, graceMs: 0, log: () => undefined });
  const { db } = app.testDb;
  try {
    await worker.runUntil(async () => {
      // The lead gets its workflow, which takes up the contact task saved with the lead (no second one) and assigns it.
      const contactTask = await waitUntil('the lead contact task', () => db.task.findFirst({ where: { leadId: lead.id, title: 'Contact lead within 1 hour', status: 'ASSIGNED' } }), 60_000);
      const savedLead = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
      expect(contactTask.id).toBe(offlineLead.tasks[0]!.id);
      expect(contactTask.dueAt.getTime()).toBe(savedLead.createdAt.getTime() + DEFAULT_DEADLINES.contactMs);
      expect(await db.task.count({ where: { leadId: lead.id } })).toBe(1);
      expect(savedLead.workflowStartedAt).not.toBeNull();

      // The buyer's "Verify proof of funds" counts from the buyer's creation too.
      const verifyPof = await waitUntil('the verify-POF task', () => db.task.findFirst({ where: { buyerId: buyer.id, title: { startsWith: 'Verify proof of funds' } } }), 60_000);
      const savedBuyer = await db.buyer.findUniqueOrThrow({ where: { id: buyer.id } });
      expect(verifyPof.dueAt.getTime()).toBe(savedBuyer.createdAt.getTime() + DEFAULT_DEADLINES.verifyPofMs);

      // The task's workflow assigns it; the offer's and the document's run.
      await waitUntil('the task assigned by its workflow', () => db.task.findFirst({ where: { id: task.id, status: 'ASSIGNED', workflowStartedAt: { not: null } } }), 60_000);
      for (const workflowId of [taskWorkflowId(task.id), offerWorkflowId(offer.id), documentWorkflowId(document.id)]) {
        const description = await waitUntil(`${workflowId} running`, async () => env.client.workflow.getHandle(workflowId).describe().catch(() => undefined), 60_000);
        expect(description.status.name).toBe('RUNNING');
      }
      // The uploaded document's reminders are armed for its expiry.
      const documentRun = await env.client.workflow.getHandle(documentWorkflowId(document.id)).fetchHistory();
      const documentInput = documentRun.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data;
      expect(JSON.parse(Buffer.from(documentInput!).toString('utf8'))).toEqual({ documentId: document.id, expiresAt: inAMonth });
      await waitUntil('every record marked as started', async () =>
        (await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).workflowStartedAt !== null &&
        (await db.document.findUniqueOrThrow({ where: { id: document.id } })).workflowStartedAt !== null &&
        (await db.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).workflowStartedAt !== null,
      );

      // The queued e-mail is sent by its workflow, once.
      const sent = await waitUntil('the queued e-mail sent', async () => {
        const row = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
        return row.status === 'SENT' && row;
      }, 60_000);
      expect(sent).toMatchObject({ attempts: 1, workflowStartedAt: expect.any(Date) });

      // The import runs to the end with the counts of its file (the offline lead is not at any of its addresses).
      const finished = await waitUntil('the queued import completed', async () => {
        const row = await db.import.findUniqueOrThrow({ where: { id: listImport.id } });
        return row.status === 'COMPLETED' && row;
      }, 60_000);
      expect(finished).toMatchObject({ total: 6, processed: 6, created: 3, duplicates: 1, errors: 2, workflowStartedAt: expect.any(Date) });
      expect(await db.lead.count({ where: { importId: listImport.id } })).toBe(3);

      // The deactivated user's task moves, by its assignment rule, to whoever created it (the admin), in the deactivating admin's name.
      const moved = await waitUntil('the leaver\'s task reassigned', async () => {
        const row = await db.task.findUniqueOrThrow({ where: { id: leaversTask.id } });
        return row.assigneeId === admin.id && row;
      }, 60_000);
      expect(moved.status).toBe('ASSIGNED');
      const reassignedEvent = await db.event.findFirst({ where: { entityType: 'task', entityId: leaversTask.id, actorId: admin.id }, orderBy: { id: 'desc' } });
      expect(JSON.parse(reassignedEvent!.payload)).toMatchObject({ assigneeId: admin.id });

      // Nothing is left: the health backlog is empty, and another pass starts nothing.
      await waitUntil('an empty backlog in /api/health', async () => (await (await fetch(`${app.url}/api/health`)).json()).reconciler?.backlog === 0);
      expect(await reconciler.runOnce()).toEqual({ started: 0, failed: 0, reassigned: 0, unreachable: false });
    });
  } finally {
    await reconciler.stop();
  }
});
