import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { errorHandler } from '../../api/errors';
import { idempotentCreate } from '../../api/idempotency/idempotent-create';
import { saveIdempotentResult } from '../../db/writes/idempotency-keys';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { leadWorkflowId } from '../../domain/workflow-ids';
import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let api: ApiHarness;
let agent: { id: string; email: string };
let supervisor: { id: string };
let cookie: string;
let otherCookie: string;

beforeAll(async () => {
  // A short contact deadline, so a lead's whole automation (contact task, supervisor alert) runs in the test.
  // A short grace too: the default 15 minutes would push the 3 s contact deadline out with it.
  api = await startApiHarness({ deadlines: { ...DEFAULT_DEADLINES, contactMs: 3_000, automationGraceMs: 1_000 } });
  const { db } = api.testDb;
  agent = await buildUser(db, { role: 'AGENT' });
  supervisor = await buildUser(db, { role: 'SUPERVISOR' });
  cookie = await api.login(agent.email);
  otherCookie = await api.login((await buildUser(db, { role: 'AGENT' })).email);
});
afterAll(() => api?.close());

const post = (path: string, body: unknown, key?: string, as = cookie) => api.request('POST', path, { cookie: as, body, headers: key === undefined ? {} : { 'Idempotency-Key': key } });
const leadsNamed = (sellerName: string) => api.testDb.db.lead.findMany({ where: { sellerName }, select: { id: true } });

describe('Idempotency-Key on POST /api/leads', () => {
  it('creates a lead sent twice under one key once: the retry answers the first result, and the lead gets one event, one workflow, one contact task and one supervisor alert', async () => {
    const { db } = api.testDb;
    const key = randomUUID();
    const body = buildLeadInput({ sellerName: `Retried Seller ${key}` });
    const first = await post('/api/leads', body, key);
    const retry = await post('/api/leads', body, key);
    expect(first.status).toBe(201);
    expect(retry).toEqual(first);

    const leadId: string = first.body.id;
    expect(await leadsNamed(body.sellerName)).toEqual([{ id: leadId }]);
    expect(await db.event.count({ where: { entityType: 'lead', action: 'created', entityId: leadId } })).toBe(1);
    expect(await db.idempotencyKey.count({ where: { key } })).toBe(1);
    expect((await api.temporal.client.workflow.getHandle(leadWorkflowId(leadId)).describe()).status.name).toBe('RUNNING');

    await waitUntil('the supervisor alert', () => db.notification.findFirst({ where: { recipientId: supervisor.id, kind: 'LEAD_CONTACT_OVERDUE', link: `/leads/${leadId}` } }));
    expect(await db.task.count({ where: { leadId, title: 'Contact lead within 1 hour' } })).toBe(1);
    expect(await db.notification.count({ where: { recipientId: supervisor.id, kind: 'LEAD_CONTACT_OVERDUE', body: { contains: body.sellerName } } })).toBe(1);
  });

  it('creates one lead from two concurrent requests under one key, and both answer it', async () => {
    const key = randomUUID();
    const body = buildLeadInput({ sellerName: `Concurrent Seller ${key}` });
    const [a, b] = await Promise.all([post('/api/leads', body, key), post('/api/leads', body, key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(await leadsNamed(body.sellerName)).toEqual([{ id: a.body.id }]);
  });

  it('refuses the key with another body or on another route (422) and creates nothing more', async () => {
    const key = randomUUID();
    const body = buildLeadInput({ sellerName: `Changed Seller ${key}` });
    expect((await post('/api/leads', body, key)).status).toBe(201);

    const changed = await post('/api/leads', { ...body, askingPrice: 1 }, key);
    expect(changed.status).toBe(422);
    expect(changed.body.error).toMatchObject({ code: 'UNPROCESSABLE', fields: { 'Idempotency-Key': 'was already used for a different request' } });
    expect(changed.body.error.message).toContain('send a new key for a new request');
    const elsewhere = await post('/api/notes', { leadId: (await leadsNamed(body.sellerName))[0]!.id, body: 'A note' }, key);
    expect(elsewhere.status).toBe(422);
    expect(await leadsNamed(body.sellerName)).toHaveLength(1);
    expect(await api.testDb.db.note.count({ where: { body: 'A note' } })).toBe(0);
  });

  it('keeps each user’s keys apart, creates as before without a key, and takes a key again once it has expired', async () => {
    const key = randomUUID();
    // The same address each time: allowDuplicate, so only the keys decide (duplicates.test.ts covers the 409).
    const body = { ...buildLeadInput({ sellerName: `Shared Key Seller ${key}` }), allowDuplicate: true };
    const mine = await post('/api/leads', body, key);
    const theirs = await post('/api/leads', body, key, otherCookie);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);

    const plain = { ...buildLeadInput({ sellerName: `No Key Seller ${key}` }), allowDuplicate: true };
    expect((await post('/api/leads', plain)).status).toBe(201);
    expect((await post('/api/leads', plain)).status).toBe(201);
    expect(await leadsNamed(plain.sellerName)).toHaveLength(2);

    await api.testDb.db.idempotencyKey.updateMany({ where: { key, userId: agent.id }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    const afterExpiry = await post('/api/leads', body, key);
    expect(afterExpiry.status).toBe(201);
    expect(afterExpiry.body.id).not.toBe(mine.body.id);
  });

  it.each([
    ['empty', ''],
    ['201 characters long', 'k'.repeat(201)],
    ['holding a tab', 'a\tb'],
  ])('refuses a key %s with a 400 naming the header', async (_case, key) => {
    const body = buildLeadInput({ sellerName: `Bad Key Seller ${randomUUID()}` });
    const response = await post('/api/leads', body, key);
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ 'Idempotency-Key': 'must be 1–200 printable ASCII characters' });
    expect(await leadsNamed(body.sellerName)).toHaveLength(0);
  });
});

describe('Idempotency-Key on the other creates', () => {
  let leadId: string;
  let taskId: string;
  let acquisitionsCookie: string;
  beforeAll(async () => {
    // Buyers are acquisitions' to create (the permission matrix).
    acquisitionsCookie = await api.login((await buildUser(api.testDb.db, { role: 'ACQUISITIONS' })).email);
    leadId = (await post('/api/leads', buildLeadInput())).body.id;
    taskId = (await post('/api/tasks', { title: 'Parent task', dueAt: new Date(Date.now() + 86_400_000).toISOString() })).body.id;
  });

  const tag = () => randomUUID().slice(0, 8);
  const cases: [string, () => { path: string; body: Record<string, unknown>; count: () => Promise<number>; as?: string }][] = [
    ['a buyer', () => {
      const name = `Buyer ${tag()}`;
      return { path: '/api/buyers', body: { name, cashBuyer: true, markets: ['Dayton, OH'], propertyTypes: ['SFR'] }, count: () => api.testDb.db.buyer.count({ where: { name } }), as: acquisitionsCookie };
    }],
    ['a task', () => {
      const title = `Task ${tag()}`;
      return { path: '/api/tasks', body: { title, dueAt: new Date(Date.now() + 86_400_000).toISOString() }, count: () => api.testDb.db.task.count({ where: { title } }) };
    }],
    ['an offer sent straight away', () => {
      const amount = 70_000 + Math.floor(Math.random() * 10_000);
      return { path: '/api/offers', body: { leadId, kind: 'PURCHASE', amount, status: 'SENT' }, count: () => api.testDb.db.offer.count({ where: { leadId, amount } }) };
    }],
    ['a note', () => {
      const text = `Note ${tag()}`;
      return { path: '/api/notes', body: { leadId, body: text }, count: () => api.testDb.db.note.count({ where: { body: text } }) };
    }],
    ['a task note (through the task workflow)', () => {
      const text = `Task note ${tag()}`;
      return { path: `/api/tasks/${taskId}/notes`, body: { body: text }, count: () => api.testDb.db.note.count({ where: { body: text } }) };
    }],
    ['a document', () => {
      const fileName = `doc-${tag()}.pdf`;
      return { path: '/api/documents', body: { leadId, kind: 'PURCHASE_CONTRACT', fileName }, count: () => api.testDb.db.document.count({ where: { fileName } }) };
    }],
  ];

  it.each(cases)('creates %s once when it is sent twice under one key', async (_what, build) => {
    const { path, body, count, as } = build();
    const key = randomUUID();
    const first = await post(path, body, key, as);
    const retry = await post(path, body, key, as);
    expect(first.status).toBe(201);
    expect(retry).toEqual(first);
    expect(await count()).toBe(1);
  });

  it('adds a task note once when the API recorded nothing before it died: the retried Update has the same id, and Temporal answers its first note', async () => {
    const text = `Task note after a crash ${randomUUID()}`;
    const key = randomUUID();
    const first = await post(`/api/tasks/${taskId}/notes`, { body: text }, key);
    expect(first.status).toBe(201);
    await api.testDb.db.idempotencyKey.deleteMany({ where: { key } });
    const retry = await post(`/api/tasks/${taskId}/notes`, { body: text }, key);
    expect(retry).toEqual(first);
    expect(await api.testDb.db.note.count({ where: { body: text } })).toBe(1);
  });
});

describe('a duplicate that loses the race', () => {
  it('rolls its create back and answers the first result when that committed between its look-up and its own insert', async () => {
    const { db } = api.testDb;
    const key = randomUUID();
    const app = express();
    app.use(express.json());
    app.use((_req, res, next) => {
      res.locals.user = { id: agent.id };
      next();
    });
    app.post(
      '/api/things',
      idempotentCreate(db, async (_req, _res, claim) => {
        // The first request commits under the same key after this one looked it up and found nothing.
        await db.idempotencyKey.create({ data: { ...claim!, status: 201, response: JSON.stringify({ id: 'first' }) } });
        return db.$transaction(async (tx) => {
          await tx.setting.create({ data: { key: `race-${key}`, value: '{}' } });
          await saveIdempotentResult(tx, claim, { id: 'second' });
          return { id: 'second' };
        });
      }),
    );
    app.use(errorHandler);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/things`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ name: 'thing' }),
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('idempotent-replayed')).toBe('true');
      expect(await response.json()).toEqual({ id: 'first' });
      expect(await db.setting.count({ where: { key: `race-${key}` } })).toBe(0);
    } finally {
      server.close();
    }
  });
});
