import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { documentWorkflowId, offerWorkflowId } from '../../domain/workflow-ids';
import { documentExpiryWorkflow } from '../../workflows/documents/document.workflow';
import { offerWorkflow } from '../../workflows/offers/offer.workflow';
import { buildLead, buildUser } from '../support/factories';
import { startTimeSkippingServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// "Renew or act on expiring <thing>" 7 days and 1 day before, at the real offsets.
const TASK_QUEUE = 'expiry-time-skipping-test';
const DAY_MS = 86_400_000;
let env: TestWorkflowEnvironment;
let testDb: TestDb;

// A server per test: work a test leaves running (overdue follow-ups of its reminders) must not hold the next test's clock.
beforeEach(async () => {
  [env, testDb] = await Promise.all([startTimeSkippingServer(), createTestDb()]);
});
afterEach(async () => {
  await env?.teardown();
  await testDb?.close();
});

const run = <T>(body: () => Promise<T>) => withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, body);
const titlesOf = async (where: { offerId?: string; documentId?: string }) =>
  (await testDb.db.task.findMany({ where: { ...where, title: { startsWith: 'Renew or act' } }, orderBy: { createdAt: 'asc' } })).map((task) => task.title);

it('reminds the offer creator 7 days and 1 day before the offer expires', async () => {
  const agent = await buildUser(testDb.db);
  const lead = await buildLead(testDb.db, agent.id, { sellerName: 'Expiring Seller' });
  const expiresAt = new Date(Date.now() + 10 * DAY_MS);
  const offer = await testDb.db.offer.create({ data: { leadId: lead.id, kind: 'PURCHASE', amount: 90_000, status: 'DRAFT', createdById: agent.id, expiresAt } });
  await run(async () => {
    const handle = await env.client.workflow.start(offerWorkflow, { workflowId: offerWorkflowId(offer.id), taskQueue: TASK_QUEUE, args: [{ offerId: offer.id, status: 'DRAFT', expiresAt: expiresAt.toISOString() }] });
    await env.sleep('2 days');
    expect(await titlesOf({ offerId: offer.id })).toEqual([]);
    await env.sleep('2 days');
    await waitUntil('the 7-day reminder', async () => (await titlesOf({ offerId: offer.id })).length === 1);
    await env.sleep('132 hours');
    await waitUntil('the 1-day reminder', async () => (await titlesOf({ offerId: offer.id })).length === 2);
    expect(await titlesOf({ offerId: offer.id })).toEqual([
      'Renew or act on expiring offer: Expiring Seller (7 days left)',
      'Renew or act on expiring offer: Expiring Seller (1 day left)',
    ]);
    const reminder = await testDb.db.task.findFirstOrThrow({ where: { offerId: offer.id, title: { endsWith: '(1 day left)' } } });
    expect(reminder).toMatchObject({ assigneeId: agent.id, priority: 'HIGH', dueAt: expiresAt });
    // At expiry the offer expires and its workflow (reminders included) ends.
    expect(await handle.result()).toMatchObject({ status: 'EXPIRED' });
  });
});

it('reminds whoever recorded a document 7 days and 1 day before it expires, and not for a changed date', async () => {
  const agent = await buildUser(testDb.db);
  const lead = await buildLead(testDb.db, agent.id);
  const expiresAt = new Date(Date.now() + 8 * DAY_MS);
  const doc = await testDb.db.document.create({ data: { kind: 'PURCHASE_CONTRACT', fileName: 'contract.pdf', leadId: lead.id, uploadedById: agent.id, expiresAt } });
  await run(async () => {
    const handle = await env.client.workflow.start(documentExpiryWorkflow, { workflowId: documentWorkflowId(doc.id), taskQueue: TASK_QUEUE, args: [{ documentId: doc.id, expiresAt: expiresAt.toISOString() }] });
    await env.sleep('25 hours');
    await waitUntil('the 7-day reminder', async () => (await titlesOf({ documentId: doc.id })).length === 1);
    // Named by the document's kind: the file name is for those who may see the document, and the team sees every task's title.
    expect(await titlesOf({ documentId: doc.id })).toEqual(['Renew or act on expiring document: purchase contract (7 days left)']);
    // The document was replaced by one expiring later: the old date's 1-day reminder is not sent.
    await testDb.db.document.update({ where: { id: doc.id }, data: { expiresAt: new Date(expiresAt.getTime() + 30 * DAY_MS) } });
    await env.sleep('6 days');
    await handle.result();
    expect(await titlesOf({ documentId: doc.id })).toHaveLength(1);
  });
});
